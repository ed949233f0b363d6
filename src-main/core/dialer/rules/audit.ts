import { decisionSchema } from './decision';

/** The audit log's columns, in file order: one row per decision, allowed or refused. */
export const AUDIT_COLUMNS = [
  'decidedAt',
  'campaignId',
  'attemptId',
  'number',
  'decision',
  'rule',
  'reason',
  'ruleRef',
  'notBefore',
  'profile',
  'profileVersion',
  'purpose',
  'mode',
  'calleeZones',
  'zoneSource',
  'calleeLocalTime',
  'window',
  'dncChecked',
  'consentSource',
  'attemptsDay',
  'attemptsWeek',
  'attemptsMonth',
  'attemptsLifetime',
  'contactsDay',
  'contactsWeek',
  'contactsMonth',
  'caps',
  'abandonRate',
  'abandonCap',
  'abandonBudgetLeft',
] as const;
export type AuditColumn = (typeof AUDIT_COLUMNS)[number];
/** Flat text and numbers, ready for a CSV or XLSX writer; empty string where a column does not apply. */
export type AuditRow = Record<AuditColumn, string | number>;

/** A decision as the dialer stored it: its JSON text and what it was about. */
export interface StoredDecision {
  campaignId: string;
  attemptId: string | null;
  e164: string;
  json: string;
}

export interface AuditRejection {
  /** The attempt id, or the row's position when it has none. */
  where: string;
  field: string;
  reason: string;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function emptyRow(): AuditRow {
  return Object.fromEntries(AUDIT_COLUMNS.map((column) => [column, ''])) as AuditRow;
}

/**
 * Turns stored "allowed because" records and refusals into audit-log rows. A stored record that no
 * longer reads (damaged JSON, an unknown shape) is reported with its attempt and field, not skipped.
 */
export function auditRows(stored: readonly StoredDecision[]): { accepted: AuditRow[]; rejected: AuditRejection[] } {
  const accepted: AuditRow[] = [];
  const rejected: AuditRejection[] = [];
  stored.forEach((entry, index) => {
    const where = entry.attemptId ?? `#${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(entry.json);
    } catch (error) {
      rejected.push({ where, field: '', reason: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = decisionSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) rejected.push({ where, field: issue.path.join('.'), reason: issue.message });
      return;
    }
    const row = emptyRow();
    row.campaignId = entry.campaignId;
    row.attemptId = entry.attemptId ?? '';
    row.number = entry.e164;
    const decision = parsed.data;
    if (!decision.allowed) {
      Object.assign(row, {
        decidedAt: iso(decision.at),
        decision: 'refused',
        rule: decision.rule,
        reason: decision.reason,
        ruleRef: decision.ref,
        notBefore: decision.notBefore === undefined ? '' : iso(decision.notBefore),
        profile: decision.profile?.id ?? '',
        profileVersion: decision.profile?.version ?? '',
      });
      accepted.push(row);
      return;
    }
    const b = decision.because;
    Object.assign(row, {
      decidedAt: iso(b.at),
      decision: 'allowed',
      profile: b.profile.id,
      profileVersion: b.profile.version,
      purpose: b.purpose,
      mode: b.mode,
      calleeZones: b.callee.zones.join(' '),
      zoneSource: b.callee.zoneSource,
      calleeLocalTime: b.callee.local.map((l) => `${l.at} ${l.day} (${l.zone})`).join('; '),
      window: [...new Set(b.callee.local.map((l) => l.window))].join('; '),
      dncChecked: b.dnc.map((d) => `${d.list}@${iso(d.checkedAt)}`).join('; '),
      consentSource: b.consent === null ? '' : `${b.consent.source}@${iso(b.consent.givenAt)}`,
      attemptsDay: b.counts.attempts.day,
      attemptsWeek: b.counts.attempts.week,
      attemptsMonth: b.counts.attempts.month,
      attemptsLifetime: b.counts.attempts.lifetime,
      contactsDay: b.counts.contacts.day,
      contactsWeek: b.counts.contacts.week,
      contactsMonth: b.counts.contacts.month,
      caps: Object.entries(b.caps)
        .map(([name, value]) => `${name}=${value}`)
        .join('; '),
      abandonRate: b.abandon.rate,
      abandonCap: b.abandon.cap,
      abandonBudgetLeft: b.abandon.budgetLeft,
    });
    accepted.push(row);
  });
  return { accepted, rejected };
}
