import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/connection';
import { ok } from '#tests/support/crm';
import { migrationsBefore } from '#tests/support/migrations';
import { tempDir } from '#tests/support/temp-dir';
import { createTestWorkstation, sourceAssets, testNow } from '#tests/support/workstation';

const hour = 3_600_000;

describe('migrations 0019–0020: the calendar becomes the one source of planned work', () => {
  it('keeps every event with its reminder state, moves planned contacts and coming meetings out of the interactions, and gives each its iCalendar text', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'workstation.sqlite');
    const old = openDatabase({ file, migrationsFolder: migrationsBefore('0019_caldav_calendar'), nativeBinding: sourceAssets.nativeBinding });
    const run = (statement: string, ...values: unknown[]) => old.sqlite.prepare(statement).run(...values);
    run("INSERT INTO employees (id, name, created_at) VALUES ('em-1', 'Оксана Литвин', 1)");
    run("INSERT INTO contacts (id, full_name, search_name, created_at, updated_at) VALUES ('ct-1', 'Шевченко Тарас', 'шевченко тарас', 1, 1)");
    const event = "INSERT INTO calendar_events (id, title, starts_at, ends_at, location, contact_id, owner_id, reminder_minutes, reminded_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'ct-1', 'em-1', ?, ?, 1, 1)";
    run(event, 'ev-1', 'Зустріч у офісі', testNow + 2 * hour, testNow + 3 * hour, 'Київ', 15, null);
    run(event, 'ev-2', '☎ +380671234567 · Опитування', testNow - hour, testNow - hour + 15 * 60_000, null, 5, testNow - hour - 5 * 60_000);
    const interaction = "INSERT INTO interactions (id, kind, occurred_at, employee_id, contact_id, subject, completed_at, duration_seconds, created_at) VALUES (?, ?, ?, 'em-1', 'ct-1', ?, ?, ?, 1)";
    run(interaction, 'in-planned', 'planned', testNow + 24 * hour, 'Передзвонити', null, null);
    run(interaction, 'in-done', 'planned', testNow - 24 * hour, 'Надіслати рахунок', testNow - 20 * hour, null);
    // "Still to come" is as of the upgrade (the real clock), not the tests' fixed now.
    const coming = Math.ceil(Date.now() / hour) * hour + 48 * hour;
    run(interaction, 'in-coming', 'meeting', coming, 'Презентація', null, 3600);
    run(interaction, 'in-held', 'meeting', testNow - 48 * hour, 'Знайомство', null, 1800);
    run(interaction, 'in-call', 'call', testNow - 3 * hour, 'Питання щодо оплати', null, 95);
    old.close();

    const workstation = createTestWorkstation({ dataDir, timeZone: 'Europe/Kyiv' });
    const rows = workstation.database.sqlite
      .prepare('SELECT id, kind, title, done_at, calendar_id IS NOT NULL AS has_calendar, ics LIKE ? AS has_text, uid FROM calendar_events ORDER BY id')
      .all('BEGIN:VCALENDAR%');
    expect(rows).toEqual([
      { id: 'ev-1', kind: 'event', title: 'Зустріч у офісі', done_at: null, has_calendar: 1, has_text: 1, uid: 'ev-1' },
      { id: 'ev-2', kind: 'callback', title: '☎ +380671234567 · Опитування', done_at: null, has_calendar: 1, has_text: 1, uid: 'ev-2' },
      { id: 'in-coming', kind: 'meeting', title: 'Презентація', done_at: null, has_calendar: 1, has_text: 1, uid: 'in-coming' },
      { id: 'in-done', kind: 'interaction', title: 'Надіслати рахунок', done_at: testNow - 20 * hour, has_calendar: 1, has_text: 1, uid: 'in-done' },
      { id: 'in-planned', kind: 'interaction', title: 'Передзвонити', done_at: null, has_calendar: 1, has_text: 1, uid: 'in-planned' },
    ]);
    // What happened stays an interaction; what was planned left them.
    expect(workstation.database.sqlite.prepare('SELECT id FROM interactions ORDER BY id').all()).toEqual([{ id: 'in-call' }, { id: 'in-held' }]);
    // A reminder already shown is not shown again.
    expect(workstation.database.sqlite.prepare('SELECT event_id, occurrence_start, shown_at FROM reminder_states').all()).toEqual([
      { event_id: 'ev-2', occurrence_start: testNow - hour, shown_at: testNow - hour - 5 * 60_000 },
    ]);
    // The items read back through the calendar as they were, and the timeline shows the plans from there.
    const meeting = await ok(workstation, 'calendar.get', { id: 'in-coming' });
    const kyiv = (at: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Kyiv', dateStyle: 'short', timeStyle: 'medium' }).format(at).replace(' ', 'T');
    expect(meeting).toMatchObject({ kind: 'meeting', title: 'Презентація', start: { local: kyiv(coming), tzid: 'Europe/Kyiv' }, end: { local: kyiv(coming + hour) } });
    expect(await ok(workstation, 'calendar.get', { id: 'ev-1' })).toMatchObject({ location: 'Київ', reminderMinutes: 15, links: { contactId: 'ct-1' }, ownerId: 'em-1' });
    const timeline = await ok(workstation, 'timeline.list', { contactId: 'ct-1' });
    expect(timeline.items.map((i) => [i.id, i.kind])).toEqual([
      ['in-coming', 'meeting'],
      ['in-planned', 'planned'],
      ['ev-2', 'planned'],
      ['in-call', 'call'],
      ['in-done', 'planned'],
      ['in-held', 'meeting'],
    ]);
  });
});
