import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/connection';
import { migrationsBefore } from '#tests/support/migrations';
import { tempDir } from '#tests/support/temp-dir';
import { sourceAssets } from '#tests/support/workstation';

const { migrationsFolder, nativeBinding } = sourceAssets;

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
