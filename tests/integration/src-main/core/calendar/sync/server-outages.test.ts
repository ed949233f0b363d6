import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import { alice, calendarWorkstation, connectAs, property, startCalendarServer, storedFiles, testZone, wideRange, type CalendarServer } from '#tests/support/calendar-sync';
import { ok } from '#tests/support/crm';
import { eventually } from '#tests/support/sip/phone-harness';
import { tempDir } from '#tests/support/temp-dir';
import { createSuiteWorkstation, testNow } from '#tests/support/workstation';

const root = fileURLToPath(new URL('../../../../../..', import.meta.url));

let server: CalendarServer | undefined;
afterEach(async () => {
  await server?.radicale.stop();
  server = undefined;
});

const at = (day: number, hour: number, title: string, calendarId?: string) => ({
  calendarId,
  kind: 'meeting' as const,
  title,
  start: { local: `2026-11-${day}T${String(hour).padStart(2, '0')}:00`, tzid: 'Europe/Kyiv' },
  end: { local: `2026-11-${day}T${String(hour + 1).padStart(2, '0')}:00`, tzid: 'Europe/Kyiv' },
});

/** The server's objects of a calendar, by UID, read from Radicale's storage. */
function serverSummaries(running: CalendarServer, calendarUrl: string): Map<string, string> {
  const dir = join(running.radicale.storageDir, 'collection-root', ...new URL(calendarUrl).pathname.split('/').filter(Boolean));
  const byUid = new Map<string, string>();
  for (const file of storedFiles(running, calendarUrl)) {
    const text = readFileSync(join(dir, file), 'utf8');
    const uid = property(text, 'UID') ?? file;
    if (byUid.has(uid)) throw new Error(`UID ${uid} twice on the server`);
    byUid.set(uid, property(text, 'SUMMARY') ?? '');
  }
  return byUid;
}

async function workCalendarId(workstation: Workstation): Promise<string | undefined> {
  return (await ok(workstation, 'calendar.calendars', {})).find((c) => c.displayName === 'Alice work')?.id;
}

describe('the server down while the person keeps working', () => {
  it('leaves the account offline with the edits pending and shown; after a restart all of them reach the server once', async () => {
    server = await startCalendarServer();
    const { workstation } = await calendarWorkstation('Alice');
    await connectAs(workstation, server, alice);
    const work = await workCalendarId(workstation);
    const toMove = await ok(workstation, 'calendar.save', at(24, 10, 'To move', work));
    const toDelete = await ok(workstation, 'calendar.save', at(24, 12, 'To delete', work));
    const toRename = await ok(workstation, 'calendar.save', at(24, 14, 'To rename', work));
    await ok(workstation, 'calendar.syncNow', {});
    expect(storedFiles(server, server.aliceWork)).toHaveLength(3);

    await server.radicale.halt();
    await ok(workstation, 'calendar.save', at(25, 9, 'New while offline 1', work));
    await ok(workstation, 'calendar.save', at(25, 11, 'New while offline 2', work));
    await ok(workstation, 'calendar.move', { id: toMove.id, startsAt: Date.UTC(2026, 10, 26, 13), endsAt: Date.UTC(2026, 10, 26, 14) });
    await ok(workstation, 'calendar.delete', { id: toDelete.id });
    await ok(workstation, 'calendar.save', { ...at(24, 14, 'Renamed offline', work), id: toRename.id });
    await ok(workstation, 'calendar.syncNow', {});

    const [offline] = await ok(workstation, 'calendar.accounts', {});
    expect(offline).toMatchObject({ phase: 'offline', pending: 5, conflicts: 0 });
    expect(offline?.lastError).toBeTruthy();
    const shown = (await ok(workstation, 'calendar.range', wideRange)).map((o) => [o.title, new Date(o.startsAt).toISOString(), o.syncState]).sort();
    expect(shown).toEqual([
      ['New while offline 1', '2026-11-25T07:00:00.000Z', 'pending'],
      ['New while offline 2', '2026-11-25T09:00:00.000Z', 'pending'],
      ['Renamed offline', '2026-11-24T12:00:00.000Z', 'pending'],
      ['To move', '2026-11-26T13:00:00.000Z', 'pending'],
    ]);

    await server.radicale.restart();
    await ok(workstation, 'calendar.syncNow', {});
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ phase: 'idle', pending: 0, conflicts: 0, lastError: null });
    expect([...serverSummaries(server, server.aliceWork).values()].sort()).toEqual(['New while offline 1', 'New while offline 2', 'Renamed offline', 'To move']);
    expect((await ok(workstation, 'calendar.range', wideRange)).every((o) => o.syncState === 'synced')).toBe(true);
  });
});

describe('a workstation killed (SIGKILL) while it sends its outbox', () => {
  it('loses nothing: a new workstation on the same data folder finishes, every item on the server exactly once', async () => {
    const items = 200;
    server = await startCalendarServer();
    const dataDir = tempDir();
    const { workstation } = await calendarWorkstation('Alice', { dataDir });
    await connectAs(workstation, server, alice);
    const work = await workCalendarId(workstation);
    await server.radicale.halt();
    for (let i = 0; i < items; i++) await ok(workstation, 'calendar.save', at(10 + (i % 18), 8 + (i % 10), `Queued ${i}`, work));
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ pending: items });
    await workstation.dispose();
    await server.radicale.restart();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/calendar-sync-child.ts', dataDir, String(testNow), testZone], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const running = server;
    await eventually(() => (child.exitCode !== null ? -1 : storedFiles(running, running.aliceWork).length), (n) => n === -1 || n >= 10, 60_000, `PUTs under way (child: ${output})`);
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');
    const sentBeforeKill = storedFiles(server, server.aliceWork).length;
    expect(sentBeforeKill).toBeLessThan(items);

    const again = createSuiteWorkstation(dataDir, { startCalendarSync: false, timeZone: testZone });
    try {
      await ok(again, 'calendar.syncNow', {});
      expect((await ok(again, 'calendar.accounts', {}))[0]).toMatchObject({ phase: 'idle', pending: 0, conflicts: 0, problems: 0 });
      expect(await ok(again, 'calendar.conflicts', {})).toEqual([]);
      const onServer = serverSummaries(server, server.aliceWork);
      expect(onServer.size).toBe(items);
      expect(new Set(onServer.values()).size).toBe(items);
      const here = await ok(again, 'calendar.range', { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) });
      expect(here).toHaveLength(items);
      expect(here.every((o) => o.syncState === 'synced')).toBe(true);
    } finally {
      await again.dispose();
    }
  });
});
