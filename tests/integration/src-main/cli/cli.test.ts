import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '#tests/support/temp-dir';
import { sourceAssets } from '#tests/support/workstation';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

function crm(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src-main/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('administrator command line (npm run crm)', () => {
  it('imports, checks, backs up and exports a data directory', () => {
    const dataDir = tempDir();
    const csv = join(dataDir, 'list.csv');
    writeFileSync(csv, 'ПІБ;Телефон;E-mail;Країна\nШевченко Тарас;067 123 45 67;t@example.com;\nБитий Рядок;12;;\nКоваль Олена;050 111 22 33;;\nПетров Иван;8 (343) 288-22-10;;Россия\n');

    const imported = crm('import', 'contacts', csv, '--data-dir', dataDir, '--countries', 'UA', '--country-column', 'Країна');
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('4 rows: 4 created, 0 merged, 0 skipped as duplicates, 0 rejected');
    expect(imported.out).toContain('1 phones imported but marked for review:');
    expect(imported.out).toContain('line 3, Телефон: 12: too short for a phone number; kept as written, marked for review');

    const checked = crm('check', '--data-dir', dataDir);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('All good.');

    const backup = join(dataDir, 'backup.sqlite');
    expect(crm('backup', backup, '--data-dir', dataDir).code).toBe(0);
    const copy = new Database(backup, { readonly: true, nativeBinding: sourceAssets.nativeBinding });
    expect((copy.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n).toBe(4);
    // The row's own country column read the Russian number, though the file was read as Ukrainian.
    expect(copy.prepare("SELECT e164 FROM contact_phones WHERE raw = '8 (343) 288-22-10'").pluck().get()).toBe('+73432882210');
    copy.close();

    const exported = join(dataDir, 'out.csv');
    expect(crm('export', 'contacts', exported, '--data-dir', dataDir).code).toBe(0);
    expect(readFileSync(exported, 'utf8')).toContain('Шевченко;Тарас');
  });

  it('writes a report for whole local days to CSV', () => {
    const dataDir = tempDir();
    expect(crm('check', '--data-dir', dataDir).code).toBe(0);
    const db = new Database(join(dataDir, 'workstation.sqlite'), { nativeBinding: sourceAssets.nativeBinding });
    db.exec("INSERT INTO employees (id, name, created_at) VALUES ('e1', 'Оксана', 0)");
    // Kyiv is UTC+3 from 29 March: 21:30 UTC on the 31st is already 1 April there, outside the report.
    const calls: [string, number][] = [
      ['c1', Date.UTC(2026, 2, 1, 8)],
      ['c2', Date.UTC(2026, 2, 31, 20, 30)],
      ['c3', Date.UTC(2026, 2, 31, 21, 30)],
    ];
    for (const [id, at] of calls) {
      db.prepare("INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, created_at) VALUES (?, 'call', 'out', ?, 'e1', ?)").run(id, at, at);
      db.prepare("INSERT INTO calls (interaction_id, direction, remote_number, started_at, answered_at, disposition, employee_id, talk_seconds) VALUES (?, 'out', '+380671234567', ?, ?, 'answered', 'e1', 60)").run(id, at, at + 1000);
    }
    db.close();
    const file = join(dataDir, 'kpi.csv');
    const made = crm('report', 'operator_kpi', file, '--from', '2026-03-01', '--to', '2026-03-31', '--zone', 'Europe/Kyiv', '--data-dir', dataDir);
    expect(made.code, made.err).toBe(0);
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0]?.split(';') ?? [];
    const row = lines.find((l) => l.startsWith('Оксана;'))?.split(';') ?? [];
    expect(row[header.indexOf('calls_out')]).toBe('2');
    expect(row[header.indexOf('talk_seconds')]).toBe('120');
    expect(crm('report', 'operator_kpi', file, '--from', '2026-03-01', '--data-dir', dataDir).code).toBe(2);
  });

  it('says what it needs when the command is wrong or the file is missing', () => {
    const dataDir = tempDir();
    const wrong = crm('frobnicate');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Usage: npm run crm');
    const missing = crm('import', 'contacts', join(dataDir, 'nope.csv'), '--data-dir', dataDir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No such file');
    expect(existsSync(join(dataDir, 'workstation.sqlite'))).toBe(true);
  });
});
