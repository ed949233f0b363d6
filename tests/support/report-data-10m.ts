import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeAssets } from '#core/app/runtime-assets';
import { openDatabase } from '#core/db/connection';

const sourceAssets = runtimeAssets(import.meta.url);
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/bench', import.meta.url));

export const reportInteractions = 10_000_000;
export const reportOperators = 50;
/** The history ends here (the benchmarks' "now") and goes back a year. */
export const reportHistoryEnd = Date.UTC(2026, 10, 22, 9);
const historyStart = reportHistoryEnd - 365 * 86_400_000;
const campaignCount = 10;
const contactsPerCampaign = 2_000;

/** The tables the generator fills; their indexes are dropped while it writes and built again, sorted, after. */
const bulkTables = ['interactions', 'calls', 'operator_states', 'campaign_attempts', 'qa_reviews'];

/**
 * Deterministic pseudo-random integer in [0, mod) of row `n`, SQL: a multiplicative hash (Knuth's constant),
 * a different `salt` for each property so they vary independently.
 */
const pick = (n: string, salt: number, mod: number) => `(((${n} * 2654435761 + ${salt * 40503}) % 4294967291) % ${mod})`;

/**
 * The benchmark history of reports: 10,000,000 calls (interaction and call rows) over a year, taken by 50
 * operators in 5 teams (a few calls nobody took), ~40 % for one of 10 campaigns, in and out with every outcome,
 * talk/hold/wrap-up seconds; operators' state stretches (six a day each), campaign attempts for the last
 * month's campaign calls, and a QA review of one answered call in 200. Built with recursive CTEs straight into
 * the app's schema (its own migrations), indexes built once at the end, and cached on disk keyed by the
 * migrations and this file, so a second run opens it at once.
 */
export function reportHistoryDatabase(log: (line: string) => void): string {
  const migrations = readdirSync(sourceAssets.migrationsFolder).filter((f) => f.endsWith('.sql')).sort();
  const key = createHash('sha256')
    .update(migrations.map((f) => readFileSync(join(sourceAssets.migrationsFolder, f), 'utf8')).join('\n'))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  const file = join(cacheDir, `reports-10m-${key}.sqlite`);
  if (existsSync(file)) return file;

  mkdirSync(cacheDir, { recursive: true });
  for (const stale of readdirSync(cacheDir).filter((name) => name.startsWith('reports-10m-'))) rmSync(join(cacheDir, stale), { force: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  log(`building the 10,000,000-call report database (cached at ${file})…`);
  const started = performance.now();
  const database = openDatabase({ file: building, migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
  const { sqlite } = database;
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -1048576');
  const marks = bulkTables.map(() => '?').join(', ');
  const indexes = sqlite
    .prepare<string[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks})`)
    .all(...bulkTables);
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);

  const t0 = historyStart;
  const step = (reportHistoryEnd - historyStart) / reportInteractions;
  sqlite.exec(`
    INSERT INTO teams (id, name, created_at, updated_at)
      WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5)
      SELECT 'team-' || n, 'Team ' || n, ${t0}, ${t0} FROM t;
    INSERT INTO employees (id, name, team_id, created_at)
      WITH RECURSIVE e(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM e WHERE n < ${reportOperators})
      SELECT printf('op-%02d', n), 'Operator ' || n, 'team-' || ((n - 1) % 5 + 1), ${t0} FROM e;
    INSERT INTO campaigns (id, name, purpose, starts_at, mode, profile, state, created_at, updated_at)
      WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${campaignCount})
      SELECT 'cmp-' || n, 'Campaign ' || n, 'sales', ${t0}, 'progressive', 'ua', 'running', ${t0}, ${t0} FROM c;
    INSERT INTO campaign_dispositions (id, campaign_id, label, kind, success, position, updated_at)
      SELECT c.id || '-' || d.k, c.id, d.label, 'final', d.success, d.k, ${t0}
      FROM campaigns c, (SELECT 0 AS k, 'Sale' AS label, 1 AS success UNION ALL SELECT 1, 'Refused', 0 UNION ALL SELECT 2, 'Call later', 0) d;
    INSERT INTO contacts (id, full_name, search_name, created_at, updated_at)
      WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${contactsPerCampaign})
      SELECT printf('ct-%05d', n), 'Contact ' || n, 'contact ' || n, ${t0}, ${t0} FROM c;
    INSERT INTO campaign_entries (id, campaign_id, contact_id, phone, operator_id, state, next_at, updated_at)
      SELECT c.id || '-' || ct.id, c.id, ct.id, '+38044' || substr(ct.id, 4), NULL, 'done', ${t0}, ${t0} FROM campaigns c, contacts ct;
    INSERT INTO qa_scorecards (id, name, created_at, updated_at) VALUES ('card-1', 'Standard', ${t0}, ${t0});
  `);

  // One row per call: its instant, operator (0: nobody), campaign (0: none), direction, outcome and seconds.
  const calls = `
    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${reportInteractions}),
    raw AS (
      SELECT n, ${t0} + CAST((n - 1) * ${step} AS INTEGER) + ${pick('n', 1, Math.max(1, Math.floor(step)))} AS at,
        ${pick('n', 2, 2)} AS outward, ${pick('n', 3, 100)} AS outcome, ${pick('n', 4, reportOperators * 20)} AS who,
        ${pick('n', 5, 100)} AS cmp, ${pick('n', 6, 900)} AS talk, ${pick('n', 7, 100)} AS hold, ${pick('n', 8, 240)} AS wrap
      FROM seq
    )
    SELECT printf('i%09d', n) AS id, at,
      CASE WHEN outward = 1 THEN 'out' ELSE 'in' END AS direction,
      CASE WHEN outcome < 60 THEN 'answered' WHEN outcome < 63 THEN 'transferred' WHEN outward = 0 AND outcome < 85 THEN 'missed'
           WHEN outward = 0 THEN 'rejected' WHEN outcome < 80 THEN 'no_answer' WHEN outcome < 95 THEN 'busy' ELSE 'failed' END AS disposition,
      outcome < 63 AS answered,
      CASE WHEN outcome >= 63 AND outward = 0 AND who >= ${reportOperators * 19} THEN NULL ELSE printf('op-%02d', who % ${reportOperators} + 1) END AS employee,
      CASE WHEN outward = 1 AND cmp < 80 THEN 'cmp-' || (cmp % ${campaignCount} + 1) END AS campaign,
      CASE WHEN outcome < 63 THEN talk + 5 ELSE 0 END AS talk,
      CASE WHEN outcome < 63 AND hold < 30 THEN hold ELSE 0 END AS hold,
      CASE WHEN outcome < 63 AND wrap < 220 THEN wrap END AS wrap,
      n
    FROM raw`;
  sqlite.exec(`CREATE TEMP TABLE gen AS ${calls}`);
  log(`  generated ${reportInteractions} calls (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  sqlite.exec(`
    INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, duration_seconds, created_at)
      SELECT id, 'call', direction, at, employee, talk + hold, at FROM gen ORDER BY id;
    INSERT INTO calls (interaction_id, direction, remote_number, remote_key, started_at, answered_at, ended_at, disposition, recording_file,
        employee_id, campaign_id, talk_seconds, hold_seconds, wrap_up_seconds)
      SELECT id, direction, '+38067' || printf('%07d', n % 9999999), '+38067' || printf('%07d', n % 9999999), at,
        CASE WHEN answered THEN at + 8000 END, at + 8000 + (talk + hold) * 1000, disposition,
        CASE WHEN answered AND n % 3 = 0 THEN id || '.wav' END, employee, campaign, talk, hold, wrap
      FROM gen ORDER BY id;
    INSERT INTO campaign_attempts (id, campaign_id, entry_id, contact_id, phone, operator_id, call_id, mode, state, started_at, answered_at, ended_at,
        outcome, disposition_id, allowed_because, updated_at)
      SELECT 'att-' || id, campaign, campaign || '-' || printf('ct-%05d', n % ${contactsPerCampaign} + 1), printf('ct-%05d', n % ${contactsPerCampaign} + 1),
        '+38044' || printf('%05d', n % ${contactsPerCampaign} + 1), employee, id, 'progressive', 'ended', at,
        CASE WHEN answered THEN at + 8000 END, at + 8000 + (talk + hold) * 1000,
        CASE WHEN answered THEN 'reached' ELSE disposition END,
        CASE WHEN answered THEN campaign || '-' || (n % 3) END, '{}', at
      FROM gen WHERE campaign IS NOT NULL AND at >= ${reportHistoryEnd - 62 * 86_400_000} ORDER BY at;
    INSERT INTO qa_reviews (id, call_id, scorecard_id, operator_id, reviewer_id, call_started_at, score, comment, reviewed_at, updated_at)
      SELECT 'qa-' || id, id, 'card-1', employee, 'op-01', at, ${pick('n', 9, 101)}, '', at + 86400000, at + 86400000
      FROM gen WHERE answered AND employee IS NOT NULL AND n % 200 = 0;
    DROP TABLE gen;
  `);
  log(`  calls, attempts and reviews written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  // Six stretches per operator per working day from 08:00 UTC, each 20–100 minutes; the last state of the
  // year's last day is left open (the operator is still ready).
  sqlite.exec(`
    INSERT INTO operator_states (id, employee_id, campaign_id, state, reason, started_at, ended_at, updated_at)
      WITH RECURSIVE d(day) AS (SELECT 0 UNION ALL SELECT day + 1 FROM d WHERE day < 364),
      o(op) AS (SELECT 1 UNION ALL SELECT op + 1 FROM o WHERE op < ${reportOperators}),
      k(s) AS (SELECT 0 UNION ALL SELECT s + 1 FROM k WHERE s < 5),
      rows AS (SELECT day, op, s, (day * 1000 + op) * 10 + s AS n FROM d, o, k)
      SELECT printf('st-%03d-%02d-%d', day, op, s), printf('op-%02d', op), 'cmp-' || (op % ${campaignCount} + 1),
        CASE s WHEN 0 THEN 'ready' WHEN 1 THEN 'on_call' WHEN 2 THEN 'wrap_up' WHEN 3 THEN 'paused' WHEN 4 THEN 'dialing' ELSE 'ready' END,
        CASE WHEN s = 3 THEN CASE ${pick('n', 10, 3)} WHEN 0 THEN 'Lunch' WHEN 1 THEN 'Break' ELSE NULL END END,
        ${historyStart} + day * 86400000 + 8 * 3600000 + s * 6000000,
        CASE WHEN day = 364 AND s = 5 THEN NULL ELSE ${historyStart} + day * 86400000 + 8 * 3600000 + s * 6000000 + (20 + ${pick('n', 11, 80)}) * 60000 END,
        ${historyStart} + day * 86400000
      FROM rows ORDER BY 1;
  `);
  log(`  operator states written; building indexes (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE');
  log(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  database.close();
  renameSync(building, file);
  return file;
}
