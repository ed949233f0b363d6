import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import { alice, calendarWorkstation, connectAs, property, serverObject, startCalendarServer, storedFiles, type CalendarServer } from '#tests/support/calendar-sync';
import { ok } from '#tests/support/crm';

let server: CalendarServer | undefined;
afterEach(async () => {
  await server?.radicale.stop();
  server = undefined;
});

const meeting = (title: string, calendarId: string | undefined, hour = 10) => ({
  calendarId,
  kind: 'meeting' as const,
  title,
  start: { local: `2026-11-24T${hour}:00`, tzid: 'Europe/Kyiv' },
  end: { local: `2026-11-24T${hour + 1}:00`, tzid: 'Europe/Kyiv' },
});

/**
 * Runs `act` at the moment the push starts — after the pull, before the first request — synchronously, so
 * the order is certain: what it does happens between our pull and our PUTs.
 */
async function syncWithInterruption(workstation: Workstation, act: () => void): Promise<void> {
  let done = false;
  const stop = workstation.events.on('sync.progress', (progress) => {
    if (progress.phase === 'pushing' && progress.total > 0 && !done) {
      done = true;
      act();
    }
  });
  try {
    await ok(workstation, 'calendar.syncNow', {});
  } finally {
    stop();
  }
  expect(done).toBe(true);
}

async function aliceWithOneSyncedItem(running: CalendarServer) {
  const { workstation } = await calendarWorkstation('Alice');
  await connectAs(workstation, running, alice);
  const work = (await ok(workstation, 'calendar.calendars', {})).find((c) => c.displayName === 'Alice work')?.id;
  const item = await ok(workstation, 'calendar.save', meeting('Original', work));
  await ok(workstation, 'calendar.syncNow', {});
  const [file] = storedFiles(running, running.aliceWork);
  return { workstation, work, item, url: `${running.aliceWork}${file}` };
}

describe('the server changing between our pull and our push', () => {
  it('answers the stale If-Match with 412: a conflict with both versions, the server’s copy not overwritten', async () => {
    server = await startCalendarServer();
    const { workstation, item, url, work } = await aliceWithOneSyncedItem(server);
    const theirs = ((await serverObject(url, alice))?.text ?? '').replace('SUMMARY:Original', 'SUMMARY:Changed meanwhile');
    await ok(workstation, 'calendar.save', { ...meeting('Changed here', work), id: item.id });

    await syncWithInterruption(workstation, () => {
      execFileSync('curl', ['-sf', '-X', 'PUT', '-u', `${alice.name}:${alice.password}`, '-H', 'Content-Type: text/calendar', '--data-binary', theirs, url]);
    });

    expect(property((await serverObject(url, alice))?.text ?? '', 'SUMMARY')).toBe('Changed meanwhile');
    const conflicts = await ok(workstation, 'calendar.conflicts', {});
    expect(conflicts).toMatchObject([{ kind: 'edited_on_both', eventId: item.id, mine: { title: 'Changed here' }, theirs: { title: 'Changed meanwhile' }, differing: ['title'] }]);
    await ok(workstation, 'calendar.resolveConflict', { id: conflicts[0]?.id ?? '', choice: 'mine', fields: {} });
    await ok(workstation, 'calendar.syncNow', {});
    expect(property((await serverObject(url, alice))?.text ?? '', 'SUMMARY')).toBe('Changed here');
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ pending: 0, conflicts: 0 });
  });

  it('a server gone mid-push: “sync now” after it is back sends everything, the item it failed on too', async () => {
    server = await startCalendarServer();
    const { workstation, work } = await aliceWithOneSyncedItem(server);
    await ok(workstation, 'calendar.save', meeting('First', work, 12));
    await ok(workstation, 'calendar.save', meeting('Second', work, 14));
    const running = server;
    await syncWithInterruption(workstation, () => process.kill(running.radicale.pid, 'SIGKILL'));
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ phase: 'offline', pending: 2 });

    await server.radicale.restart();
    await ok(workstation, 'calendar.syncNow', {});
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ phase: 'idle', pending: 0 });
    expect(storedFiles(server, server.aliceWork)).toHaveLength(3);
  });
});
