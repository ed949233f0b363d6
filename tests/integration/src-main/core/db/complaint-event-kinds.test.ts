import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/connection';
import { tempDir } from '#tests/support/temp-dir';
import { sourceAssets } from '#tests/support/workstation';

const { migrationsFolder, nativeBinding } = sourceAssets;
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

/** The migrations folder as it was before the named migration. */
function migrationsBefore(tag: string): string {
  const folder = join(tempDir(), 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
  for (const entry of entries) copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe('migration 0012: complaint events without English words', () => {
  it('turns the words main used to write ("registered", "planned: …", "done: …") into kinds the renderer words, keeping operators’ own text', () => {
    const file = join(tempDir(), 'complaints.sqlite');
    const old = openDatabase({ file, migrationsFolder: migrationsBefore('0012_complaint_event_kinds'), nativeBinding });
    old.sqlite.pragma('foreign_keys = OFF');
    const insert = old.sqlite.prepare("INSERT INTO complaint_events (id, complaint_id, at, kind, text, from_state, to_state) VALUES (?, 'cp-1', ?, ?, ?, ?, ?)");
    insert.run('e1', 1, 'state', 'registered', null, 'new');
    insert.run('e2', 2, 'step', 'planned: Запросити звіт перевізника', null, null);
    insert.run('e3', 3, 'step', 'done: Запросити звіт перевізника', null, null);
    insert.run('e4', 4, 'state', 'Клієнт телефонував знову', 'closed', 'investigating');
    insert.run('e5', 5, 'action', 'planned: a call, written by the operator', null, null);
    old.close();

    const upgraded = openDatabase({ file, migrationsFolder, nativeBinding });
    expect(upgraded.sqlite.prepare('SELECT id, kind, text FROM complaint_events ORDER BY at').all()).toEqual([
      { id: 'e1', kind: 'state', text: '' },
      { id: 'e2', kind: 'step_planned', text: 'Запросити звіт перевізника' },
      { id: 'e3', kind: 'step_done', text: 'Запросити звіт перевізника' },
      { id: 'e4', kind: 'state', text: 'Клієнт телефонував знову' },
      { id: 'e5', kind: 'action', text: 'planned: a call, written by the operator' },
    ]);
    upgraded.close();
  });
});
