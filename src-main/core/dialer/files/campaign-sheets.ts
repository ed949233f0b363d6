import { and, asc, count, eq, gt, isNotNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ReadDb } from '#core/db/handles';
import { campaignAttempts, campaignDispositions, campaignEntries, contacts, employees } from '#core/db/schema';
import type { TableCell } from '#core/crm/transfer/table-writer';
import { AUDIT_COLUMNS, auditRows, type AuditRow, type StoredDecision } from '#core/dialer/rules/index';

/**
 * The supervisor's two files of a campaign, as tables for the CSV/XLSX writer: the list, one row per number
 * (headers in Ukrainian and English, as the contact export writes them), and the audit log in the calling
 * rules' own columns (rules/audit.ts), one row per attempt with its "allowed because" record flattened and one
 * per number's last refusal by the rules. Rows are read a page at a time, so a list of a million numbers is
 * written without holding it in memory.
 */

export interface Table {
  sheet: string;
  header: readonly string[];
  /** How many rows, for the job's progress. */
  total: number;
  rows: Iterable<readonly TableCell[]>;
}

const pageRows = 5_000;

/** The rows `page` reads, page after page in the order of their unique id. */
function* paged<T extends { id: string }>(where: SQL, id: SQLiteColumn, page: (where: SQL | undefined, limit: number) => T[]): Generator<T> {
  let after: string | null = null;
  for (;;) {
    const rows = page(after === null ? where : and(where, gt(id, after)), pageRows);
    yield* rows;
    if (rows.length < pageRows) return;
    after = rows[rows.length - 1]!.id;
  }
}

function countOf(db: ReadDb, table: typeof campaignEntries | typeof campaignAttempts, where: SQL): number {
  return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

function instant(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}

/** The refusal stored with an entry, in its own words ("rule: reason"); its text as it is when it does not read. */
function refusalText(stored: string | null): string {
  if (stored === null) return '';
  try {
    const refusal = JSON.parse(stored) as { rule?: unknown; reason?: unknown };
    return [refusal.rule, refusal.reason].map((part) => (typeof part === 'string' ? part : JSON.stringify(part ?? ''))).join(': ');
  } catch {
    return stored;
  }
}

/** One row per number: who calls it, where it stands, its final disposition, attempts, last outcome and why it left the list. */
export function listTable(db: ReadDb, campaignId: string): Table {
  const inList = eq(campaignEntries.campaignId, campaignId);
  const rows = paged(inList, campaignEntries.id, (where, limit) =>
    db
      .select({
        id: campaignEntries.id,
        name: contacts.fullName,
        phone: campaignEntries.phone,
        operator: employees.name,
        state: campaignEntries.state,
        disposition: campaignDispositions.label,
        success: campaignDispositions.success,
        attempts: campaignEntries.attempts,
        lastAttemptAt: campaignEntries.lastAttemptAt,
        lastOutcome: campaignEntries.lastOutcome,
        callbackAt: campaignEntries.callbackAt,
        excludedReason: campaignEntries.excludedReason,
        lastRefusal: campaignEntries.lastRefusal,
      })
      .from(campaignEntries)
      .innerJoin(contacts, eq(contacts.id, campaignEntries.contactId))
      .leftJoin(employees, eq(employees.id, campaignEntries.operatorId))
      .leftJoin(campaignDispositions, eq(campaignDispositions.id, campaignEntries.dispositionId))
      .where(where)
      .orderBy(asc(campaignEntries.id))
      .limit(limit)
      .all(),
  );
  return {
    sheet: 'Numbers',
    header: [
      'Клієнт / Client',
      'Телефон / Phone',
      'Оператор / Operator',
      'Стан / State',
      'Результат / Disposition',
      'Успіх / Success',
      'Спроб / Attempts',
      'Остання спроба / Last attempt',
      'Останній результат / Last outcome',
      'Передзвонити / Call back at',
      'Знято зі списку / Excluded because',
      'Остання відмова / Last refusal',
    ],
    total: countOf(db, campaignEntries, inList),
    rows: (function* () {
      for (const e of rows) {
        yield [
          e.name,
          e.phone,
          e.operator ?? '',
          e.state,
          e.disposition ?? '',
          e.success ? '1' : '',
          e.attempts,
          instant(e.lastAttemptAt),
          e.lastOutcome ?? '',
          instant(e.callbackAt),
          e.excludedReason ?? '',
          refusalText(e.lastRefusal),
        ];
      }
    })(),
  };
}

/** An entry's stored refusal as the decision it was (rule, reason, params, when), for the audit rows; null for a card the operator skipped (no rule refused it). */
function refusalDecision(stored: string): string | null {
  let refusal: { rule?: unknown; reason?: unknown; params?: unknown; at?: unknown };
  try {
    refusal = JSON.parse(stored) as typeof refusal;
  } catch {
    // Passed on as it is: the audit rows report it as unreadable, with the entry.
    return stored;
  }
  if (refusal.rule === 'skipped') return null;
  // The profile rule behind it is not kept with the entry (its attempt's refusal is not stored): left empty.
  return JSON.stringify({ allowed: false, at: refusal.at, rule: refusal.rule, reason: refusal.reason, params: refusal.params ?? {}, ref: '', profile: null });
}

function cellsOf(row: AuditRow): TableCell[] {
  return AUDIT_COLUMNS.map((column) => row[column]);
}

/**
 * The audit row of one stored decision; one that no longer reads is a row of its own, marked "unreadable" with
 * its fields and reasons, so that the log says so instead of leaving it out.
 */
function auditCells(stored: StoredDecision, entryId: string | null): TableCell[] {
  const { accepted, rejected } = auditRows([stored]);
  if (accepted[0]) return cellsOf(accepted[0]);
  const row = Object.fromEntries(AUDIT_COLUMNS.map((column) => [column, ''])) as AuditRow;
  const problems = rejected.map((r) => (r.field ? `${r.field}: ${r.reason}` : r.reason)).join('; ');
  Object.assign(row, { campaignId: stored.campaignId, attemptId: stored.attemptId ?? '', number: stored.e164, decision: 'unreadable', reason: entryId ? `entry ${entryId}: ${problems}` : problems });
  return cellsOf(row);
}

/**
 * The audit log: every attempt with its "allowed because" record (profile and version, callee local time and
 * window, do-not-call lists checked and when, consent, counts, caps, abandon budget), then every number whose
 * last word from the rules was a refusal, with the rule and reason. A record that no longer reads is a row
 * marked "unreadable" with the field and reason.
 */
export function auditTable(db: ReadDb, campaignId: string): Table {
  const ofCampaign = eq(campaignAttempts.campaignId, campaignId);
  const refused = and(eq(campaignEntries.campaignId, campaignId), isNotNull(campaignEntries.lastRefusal))!;
  const attempts = paged(ofCampaign, campaignAttempts.id, (where, limit) =>
    db
      .select({ id: campaignAttempts.id, phone: campaignAttempts.phone, allowedBecause: campaignAttempts.allowedBecause })
      .from(campaignAttempts)
      .where(where)
      .orderBy(asc(campaignAttempts.id))
      .limit(limit)
      .all(),
  );
  const refusals = paged(refused, campaignEntries.id, (where, limit) =>
    db.select({ id: campaignEntries.id, phone: campaignEntries.phone, lastRefusal: campaignEntries.lastRefusal }).from(campaignEntries).where(where).orderBy(asc(campaignEntries.id)).limit(limit).all(),
  );
  return {
    sheet: 'Audit',
    header: AUDIT_COLUMNS,
    total: countOf(db, campaignAttempts, ofCampaign) + countOf(db, campaignEntries, refused),
    rows: (function* () {
      // Stored with an attempt is the "allowed because" record alone: the decision it belongs to is an allowed one.
      for (const a of attempts) yield auditCells({ campaignId, attemptId: a.id, e164: a.phone, json: `{"allowed":true,"because":${a.allowedBecause}}` }, null);
      for (const entry of refusals) {
        const json = refusalDecision(entry.lastRefusal!);
        if (json !== null) yield auditCells({ campaignId, attemptId: null, e164: entry.phone, json }, entry.id);
      }
    })(),
  };
}
