import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/connection';
import { migrationsBefore } from '#tests/support/migrations';
import { tempDir } from '#tests/support/temp-dir';
import { sourceAssets, testNow } from '#tests/support/workstation';

const minute = 60_000;

describe('migration 0021: calls carry what operator KPIs read', () => {
  it('fills in each existing call\'s operator and talk time from its interaction and its campaign from its attempt; hold 0, wrap-up unknown; the KPI index exists', () => {
    const file = join(tempDir(), 'workstation.sqlite');
    const old = openDatabase({ file, migrationsFolder: migrationsBefore('0021_reports_quality'), nativeBinding: sourceAssets.nativeBinding });
    const run = (statement: string, ...values: unknown[]) => old.sqlite.prepare(statement).run(...values);
    run("INSERT INTO employees (id, name, created_at) VALUES ('em-1', 'Оксана Литвин', 1), ('em-2', 'Андрій Мороз', 1)");
    run("INSERT INTO contacts (id, full_name, search_name, created_at, updated_at) VALUES ('ct-1', 'Шевченко Тарас', 'шевченко тарас', 1, 1)");
    const interaction = "INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, contact_id, subject, duration_seconds, created_at) VALUES (?, 'call', ?, ?, ?, 'ct-1', '', ?, 1)";
    const call = 'INSERT INTO calls (interaction_id, direction, remote_number, started_at, answered_at, ended_at, disposition) VALUES (?, ?, ?, ?, ?, ?, ?)';
    // An answered call of em-1 (95 s), a missed one nobody took, and a campaign's call of em-2 (40 s).
    run(interaction, 'in-1', 'in', testNow, 'em-1', 95);
    run(call, 'in-1', 'in', '+380671112233', testNow, testNow + 5_000, testNow + 100_000, 'answered');
    run(interaction, 'in-2', 'in', testNow + minute, null, 0);
    run(call, 'in-2', 'in', '+380671112244', testNow + minute, null, testNow + minute + 20_000, 'missed');
    run(interaction, 'in-3', 'out', testNow + 2 * minute, 'em-2', 40);
    run(call, 'in-3', 'out', '+380671112255', testNow + 2 * minute, testNow + 2 * minute + 8_000, testNow + 2 * minute + 48_000, 'answered');
    run("INSERT INTO campaigns (id, name, purpose, starts_at, mode, profile, state, created_at, updated_at) VALUES ('cp-1', 'Опитування', 'survey', 1, 'progressive', 'UA', 'running', 1, 1)");
    run("INSERT INTO campaign_entries (id, campaign_id, contact_id, phone, state, next_at, updated_at) VALUES ('ce-1', 'cp-1', 'ct-1', '+380671112255', 'done', 1, 1)");
    run(
      "INSERT INTO campaign_attempts (id, campaign_id, entry_id, contact_id, phone, operator_id, call_id, mode, state, started_at, allowed_because, updated_at) VALUES ('ca-1', 'cp-1', 'ce-1', 'ct-1', '+380671112255', 'em-2', 'in-3', 'progressive', 'ended', ?, '{}', 1)",
      testNow + 2 * minute,
    );
    old.close();

    const migrated = openDatabase({ file, migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
    try {
      const rows = migrated.sqlite
        .prepare('SELECT interaction_id AS id, employee_id AS employeeId, campaign_id AS campaignId, talk_seconds AS talk, hold_seconds AS hold, wrap_up_seconds AS wrapUp FROM calls ORDER BY interaction_id')
        .all();
      expect(rows).toEqual([
        { id: 'in-1', employeeId: 'em-1', campaignId: null, talk: 95, hold: 0, wrapUp: null },
        { id: 'in-2', employeeId: null, campaignId: null, talk: 0, hold: 0, wrapUp: null },
        { id: 'in-3', employeeId: 'em-2', campaignId: 'cp-1', talk: 40, hold: 0, wrapUp: null },
      ]);
      const kpiIndex = migrated.sqlite.prepare("SELECT name FROM pragma_index_list('calls') WHERE name = 'calls_kpi_idx'").all();
      expect(kpiIndex).toEqual([{ name: 'calls_kpi_idx' }]);
      const columns = migrated.sqlite.prepare("SELECT name FROM pragma_index_info('calls_kpi_idx') ORDER BY seqno").all().map((c) => (c as { name: string }).name);
      expect(columns.slice(0, 2)).toEqual(['started_at', 'employee_id']);
      // Employees start without a team.
      expect(migrated.sqlite.prepare('SELECT id, team_id AS teamId FROM employees ORDER BY id').all()).toEqual([
        { id: 'em-1', teamId: null },
        { id: 'em-2', teamId: null },
      ]);
    } finally {
      migrated.close();
    }
  });
});
