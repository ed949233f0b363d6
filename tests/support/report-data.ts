import type Database from 'better-sqlite3';
import { SeededRandom } from '#core/demo/random';

/**
 * Generated history for report tests: operators in two teams (one without a team, calls nobody took and calls
 * of an operator no longer listed), calls in and out with every outcome, talk/hold/wrap-up seconds, operator
 * state stretches, campaign attempts with success and other dispositions, QA reviews (one tombstoned). The rows
 * are returned as plain objects too, so a test counts its expectations by hand, independently of the SQL.
 */
export interface ReportCall {
  id: string;
  employeeId: string | null;
  campaignId: string | null;
  companyId: string | null;
  contactId: string | null;
  direction: 'in' | 'out';
  disposition: 'answered' | 'transferred' | 'missed' | 'rejected' | 'busy' | 'no_answer' | 'failed' | 'cancelled';
  startedAt: number;
  answeredAt: number | null;
  endedAt: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number | null;
  recorded: boolean;
}

export interface ReportState {
  id: string;
  employeeId: string | null;
  campaignId: string;
  state: 'ready' | 'previewing' | 'dialing' | 'on_call' | 'wrap_up' | 'paused';
  reason: string | null;
  startedAt: number;
  endedAt: number | null;
}

export interface ReportAttempt {
  id: string;
  campaignId: string;
  contactId: string;
  companyId: string | null;
  operatorId: string | null;
  callId: string | null;
  dispositionId: string | null;
  startedAt: number;
}

export interface ReportReview {
  id: string;
  callId: string;
  operatorId: string | null;
  callStartedAt: number;
  score: number;
  deleted: boolean;
}

export interface ReportData {
  teams: { id: string; name: string }[];
  employees: { id: string; name: string; teamId: string | null }[];
  campaigns: string[];
  dispositions: { id: string; campaignId: string; label: string; success: boolean }[];
  /** Companies with their tags; contacts with their company. */
  companies: { id: string; tagIds: string[] }[];
  contacts: { id: string; companyId: string | null }[];
  calls: ReportCall[];
  states: ReportState[];
  attempts: ReportAttempt[];
  reviews: ReportReview[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An operator whose calls stay in the log after they left the list of employees. */
export const goneOperator = 'emp-gone';

export function reportDataSkeleton(): ReportData {
  return {
    teams: [
      { id: 'team-a', name: 'Outbound A' },
      { id: 'team-b', name: 'Inbound B' },
    ],
    employees: [
      { id: 'emp-1', name: 'Olena', teamId: 'team-a' },
      { id: 'emp-2', name: 'Petro', teamId: 'team-a' },
      { id: 'emp-3', name: 'Iryna', teamId: 'team-a' },
      { id: 'emp-4', name: 'Taras', teamId: 'team-b' },
      { id: 'emp-5', name: 'Maria', teamId: 'team-b' },
      { id: 'emp-6', name: 'Supervisor', teamId: null },
    ],
    campaigns: ['cmp-1', 'cmp-2'],
    dispositions: [
      { id: 'disp-1-sale', campaignId: 'cmp-1', label: 'Sale', success: true },
      { id: 'disp-1-no', campaignId: 'cmp-1', label: 'Not interested', success: false },
      { id: 'disp-1-later', campaignId: 'cmp-1', label: 'Call later', success: false },
      { id: 'disp-2-yes', campaignId: 'cmp-2', label: 'Agreed', success: true },
      { id: 'disp-2-no', campaignId: 'cmp-2', label: 'Refused', success: false },
    ],
    companies: [
      { id: 'co-1', tagIds: ['tag-vip'] },
      { id: 'co-2', tagIds: ['tag-vip', 'tag-retail'] },
      { id: 'co-3', tagIds: ['tag-retail'] },
      { id: 'co-4', tagIds: [] },
    ],
    contacts: [
      { id: 'ct-1', companyId: 'co-1' },
      { id: 'ct-2', companyId: 'co-2' },
      { id: 'ct-3', companyId: 'co-3' },
      { id: 'ct-4', companyId: 'co-4' },
      { id: 'ct-5', companyId: null },
    ],
    calls: [],
    states: [],
    attempts: [],
    reviews: [],
  };
}

/** Calls, stretches, attempts and reviews spread over the windows (`[from, to)`, epoch ms), the same for a seed. */
export function generateReportData(seed: number, windows: readonly (readonly [number, number])[], callsPerWindow: number): ReportData {
  const random = new SeededRandom(seed);
  const data = reportDataSkeleton();
  const operators = [...data.employees.map((e) => e.id), goneOperator, null];
  let n = 0;
  for (const [from, to] of windows) {
    for (let i = 0; i < callsPerWindow; i++) {
      const startedAt = from + Math.floor(random.next() * (to - from));
      const direction = random.chance(0.5) ? 'in' : 'out';
      const answered = random.chance(0.6);
      const disposition: ReportCall['disposition'] = answered
        ? random.pick(['answered', 'answered', 'transferred'] as const)
        : direction === 'in'
          ? random.pick(['missed', 'rejected', 'cancelled'] as const)
          : random.pick(['busy', 'no_answer', 'failed', 'cancelled'] as const);
      const employeeId = answered || direction === 'out' ? random.pick(operators.filter((o) => o !== null)) : random.pick(operators);
      const contact = random.chance(0.8) ? random.pick(data.contacts) : null;
      const campaignId = direction === 'out' && random.chance(0.6) ? random.pick(data.campaigns) : null;
      const talkSeconds = answered ? random.int(5, 900) : 0;
      const holdSeconds = answered && random.chance(0.3) ? random.int(1, 120) : 0;
      data.calls.push(
        reportCall({
          id: `call-${++n}`,
          employeeId,
          campaignId,
          contactId: contact?.id ?? null,
          companyId: contact?.companyId ?? null,
          direction,
          disposition,
          startedAt,
          answeredAt: answered ? startedAt + random.int(2, 30) * 1000 : null,
          talkSeconds,
          holdSeconds,
          wrapUpSeconds: answered && random.chance(0.85) ? random.int(0, 200) : null,
          recorded: answered && random.chance(0.5),
        }),
      );
    }
    for (const employee of data.employees.slice(0, 5)) {
      for (let day = from - 3 * HOUR; day < to; day += 24 * HOUR) {
        let at = day + random.int(0, 120) * MINUTE;
        for (let s = 0; s < 6; s++) {
          const state = random.pick(['ready', 'previewing', 'dialing', 'on_call', 'wrap_up', 'paused'] as const);
          const endedAt = at + random.int(1, 180) * MINUTE;
          data.states.push({
            id: `st-${++n}`,
            employeeId: employee.id,
            campaignId: random.pick(data.campaigns),
            state,
            reason: state === 'paused' ? random.pick(['Lunch', 'Break', null]) : null,
            startedAt: at,
            endedAt,
          });
          at = endedAt + random.int(0, 30) * MINUTE;
        }
      }
    }
  }
  for (const call of data.calls) {
    if (call.campaignId && (call.employeeId === null || call.employeeId !== goneOperator)) {
      const contact = random.pick(data.contacts);
      const dispositions = data.dispositions.filter((d) => d.campaignId === call.campaignId);
      data.attempts.push({
        id: `att-${++n}`,
        campaignId: call.campaignId,
        contactId: contact.id,
        companyId: contact.companyId,
        operatorId: call.employeeId,
        callId: random.chance(0.9) ? call.id : null,
        dispositionId: random.chance(0.85) ? random.pick(dispositions).id : null,
        startedAt: call.startedAt,
      });
    }
    if (call.answeredAt !== null && random.chance(0.15)) {
      data.reviews.push({
        id: `qa-${++n}`,
        callId: call.id,
        operatorId: call.employeeId === goneOperator ? null : call.employeeId,
        callStartedAt: call.startedAt,
        score: random.int(0, 100),
        deleted: false,
      });
    }
  }
  const first = data.reviews[0];
  if (first) first.deleted = true;
  return data;
}

/** A call with its end computed from its talk and hold time. */
export function reportCall(call: Omit<ReportCall, 'endedAt'> & { endedAt?: number }): ReportCall {
  return { ...call, endedAt: call.endedAt ?? (call.answeredAt ?? call.startedAt + 20_000) + (call.talkSeconds + call.holdSeconds) * 1000 };
}

/** Writes everything in one transaction through prepared statements (the tables as the app's migrations made them). */
export function writeReportData(sqlite: Database.Database, data: ReportData): void {
  const t0 = Date.UTC(2025, 0, 1);
  const run = (sql: string, rows: readonly Record<string, unknown>[]) => {
    const statement = sqlite.prepare(sql);
    for (const row of rows) statement.run(row);
  };
  const known = new Set(data.employees.map((e) => e.id));
  sqlite.transaction(() => {
    run('INSERT INTO teams (id, name, created_at, updated_at) VALUES (@id, @name, @t0, @t0)', data.teams.map((t) => ({ ...t, t0 })));
    run('INSERT INTO employees (id, name, team_id, created_at) VALUES (@id, @name, @teamId, @t0)', data.employees.map((e) => ({ ...e, t0 })));
    const tagIds = [...new Set(data.companies.flatMap((c) => c.tagIds))];
    run("INSERT INTO tags (id, name, search_name) VALUES (@id, @id, @id)", tagIds.map((id) => ({ id })));
    run("INSERT INTO companies (id, name, search_name, created_at, updated_at) VALUES (@id, @id, @id, @t0, @t0)", data.companies.map((c) => ({ id: c.id, t0 })));
    run('INSERT INTO company_tags (company_id, tag_id) VALUES (@companyId, @tagId)', data.companies.flatMap((c) => c.tagIds.map((tagId) => ({ companyId: c.id, tagId }))));
    run("INSERT INTO contacts (id, company_id, full_name, search_name, created_at, updated_at) VALUES (@id, @companyId, @id, @id, @t0, @t0)", data.contacts.map((c) => ({ ...c, t0 })));
    run(
      `INSERT INTO campaigns (id, name, purpose, starts_at, mode, profile, state, created_at, updated_at)
       VALUES (@id, @id, 'sales', @t0, 'preview', 'ua', 'running', @t0, @t0)`,
      data.campaigns.map((id) => ({ id, t0 })),
    );
    run(
      `INSERT INTO campaign_dispositions (id, campaign_id, label, kind, success, position, updated_at)
       VALUES (@id, @campaignId, @label, 'final', @success, 0, @t0)`,
      data.dispositions.map((d) => ({ ...d, success: d.success ? 1 : 0, t0 })),
    );
    run(
      `INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, contact_id, company_id, created_at)
       VALUES (@id, 'call', @direction, @startedAt, @knownEmployee, @contactId, @companyId, @startedAt)`,
      data.calls.map((c) => ({ ...c, knownEmployee: c.employeeId !== null && known.has(c.employeeId) ? c.employeeId : null })),
    );
    run(
      `INSERT INTO calls (interaction_id, direction, remote_number, remote_key, started_at, answered_at, ended_at, disposition, recording_file,
         employee_id, campaign_id, talk_seconds, hold_seconds, wrap_up_seconds)
       VALUES (@id, @direction, '+380441234567', '+380441234567', @startedAt, @answeredAt, @endedAt, @disposition, @recording,
         @employeeId, @campaignId, @talkSeconds, @holdSeconds, @wrapUpSeconds)`,
      data.calls.map((c) => ({ ...c, recording: c.recorded ? `${c.id}.wav` : null })),
    );
    run(
      `INSERT INTO operator_states (id, employee_id, campaign_id, state, reason, started_at, ended_at, updated_at)
       VALUES (@id, @employeeId, @campaignId, @state, @reason, @startedAt, @endedAt, @startedAt)`,
      data.states.map((s) => ({ ...s })),
    );
    const entries = new Map<string, string>();
    const entry = sqlite.prepare(
      `INSERT INTO campaign_entries (id, campaign_id, contact_id, phone, operator_id, state, next_at, updated_at)
       VALUES (@id, @campaignId, @contactId, '+380441234567', NULL, 'done', @t0, @t0)`,
    );
    const attempt = sqlite.prepare(
      `INSERT INTO campaign_attempts (id, campaign_id, entry_id, contact_id, phone, operator_id, call_id, mode, state, started_at, outcome,
         disposition_id, allowed_because, updated_at)
       VALUES (@id, @campaignId, @entryId, @contactId, '+380441234567', @operatorId, @callId, 'preview', 'ended', @startedAt, 'reached',
         @dispositionId, '{}', @startedAt)`,
    );
    for (const a of data.attempts) {
      const key = `${a.campaignId}/${a.contactId}`;
      if (!entries.has(key)) {
        entries.set(key, `entry-${entries.size + 1}`);
        entry.run({ id: entries.get(key), campaignId: a.campaignId, contactId: a.contactId, t0 });
      }
      attempt.run({ ...a, entryId: entries.get(key) });
    }
    run("INSERT INTO qa_scorecards (id, name, created_at, updated_at) VALUES ('card-1', 'Standard', @t0, @t0)", [{ t0 }]);
    run(
      `INSERT INTO qa_reviews (id, call_id, scorecard_id, operator_id, reviewer_id, call_started_at, score, comment, reviewed_at, updated_at, deleted_at)
       VALUES (@id, @callId, 'card-1', @operatorId, 'emp-6', @callStartedAt, @score, '', @callStartedAt, @callStartedAt, @deletedAt)`,
      data.reviews.map((r) => ({ ...r, deletedAt: r.deleted ? r.callStartedAt : null })),
    );
  })();
}
