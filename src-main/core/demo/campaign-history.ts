import { and, asc, eq } from 'drizzle-orm';
import type { Language } from '#contract';
import type { WriteDb } from '#core/db/handles';
import { calls, campaignAttempts, campaignEntries, contacts, employees, interactions, operatorStates } from '#core/db/schema';
import { pad } from './context';
import { OfficeHours } from './office-hours';
import { officeUtcOffsetHours } from './places';
import { SeededRandom } from './random';

const zones: Readonly<Record<Language, string>> = { uk: 'Europe/Kyiv', ru: 'Europe/Moscow', en: 'Europe/London' };
const minute = 60_000;

export interface CampaignHistoryOptions {
  campaignId: string;
  now: number;
  language: Language;
  /** The campaign's dispositions: the first is a final success, the second a retry after `retryMinutes`. */
  surveyed: { id: string; label: string };
  later: { id: string; label: string; retryMinutes: number };
  /** What the operator writes when nobody picked up, or the line was busy. */
  noAnswer: string;
  busy: string;
}

type OperatorState = typeof operatorStates.$inferInsert.state;

/**
 * A session of the survey a working day ago, for everyone in the office: each went through the cards dealt to
 * them (preview, dial, talk, wrap up, with a break), so the operator KPIs and the campaign's results have
 * something to show. Each attempt is a call in the history with its campaign, as the dialer writes them.
 */
export function seedCampaignHistory(tx: WriteDb, options: CampaignHistoryOptions): number {
  const random = new SeededRandom(20_261_201);
  const office = new OfficeHours(options.now, officeUtcOffsetHours[options.language] * 3_600_000);
  const operators = tx.select({ id: employees.id }).from(employees).orderBy(asc(employees.id)).all();
  let serial = 0;
  let firstStart = options.now;
  for (const operator of operators) {
    const cards = tx
      .select({ id: campaignEntries.id, contactId: campaignEntries.contactId, phone: campaignEntries.phone, companyId: contacts.companyId })
      .from(campaignEntries)
      .innerJoin(contacts, eq(contacts.id, campaignEntries.contactId))
      .where(and(eq(campaignEntries.campaignId, options.campaignId), eq(campaignEntries.operatorId, operator.id)))
      .orderBy(asc(campaignEntries.id))
      .limit(random.int(8, 14))
      .all();
    // The working day before the last one, so that the session is over by now.
    let at = office.before(random, 1);
    firstStart = Math.min(firstStart, at);
    const state = (name: OperatorState, seconds: number, reason: string | null = null) => {
      const startedAt = at;
      at += seconds * 1000;
      tx.insert(operatorStates)
        .values({ id: `demo-state-${pad(++serial, 6)}`, employeeId: operator.id, campaignId: options.campaignId, state: name, reason, startedAt, endedAt: at, updatedAt: at, updatedBy: operator.id })
        .run();
      return startedAt;
    };
    for (const [n, card] of cards.entries()) {
      state('ready', random.int(2, 15));
      if (n === Math.floor(cards.length / 2)) {
        state('paused', random.int(5, 15) * 60, 'break');
        state('ready', random.int(2, 15));
      }
      state('previewing', random.int(5, 20));
      const ring = random.int(4, 25);
      const roll = random.next();
      const outcome = roll < 0.72 ? 'reached' : roll < 0.9 ? 'no_answer' : 'busy';
      const startedAt = state('dialing', ring);
      const talk = outcome === 'reached' ? random.int(40, 420) : 0;
      const hold = talk > 120 && random.chance(0.15) ? random.int(15, 60) : 0;
      if (outcome === 'reached') state('on_call', talk);
      const endedAt = at;
      const wrapUp = random.int(10, 90);
      state('wrap_up', wrapUp);
      const disposition = outcome !== 'reached' ? null : random.chance(0.7) ? options.surveyed : options.later;
      const callId = `in-demo-${pad(serial, 6)}`;
      tx.insert(interactions)
        .values({
          id: callId, kind: 'call', direction: 'out', occurredAt: startedAt, employeeId: operator.id, contactId: card.contactId, companyId: card.companyId,
          subject: disposition?.label ?? (outcome === 'busy' ? options.busy : options.noAnswer), outcome: null, durationSeconds: talk, createdAt: startedAt,
        })
        .run();
      tx.insert(calls)
        .values({
          interactionId: callId, direction: 'out', remoteNumber: card.phone, remoteRaw: card.phone, remoteKey: card.phone, startedAt,
          answeredAt: outcome === 'reached' ? startedAt + ring * 1000 : null, endedAt, endedBy: outcome === 'reached' ? (random.chance(0.5) ? 'local' : 'remote') : 'local',
          disposition: outcome === 'reached' ? 'answered' : outcome, employeeId: operator.id, campaignId: options.campaignId,
          talkSeconds: talk - hold, holdSeconds: hold, wrapUpSeconds: wrapUp,
        })
        .run();
      tx.insert(campaignAttempts)
        .values({
          id: `demo-attempt-${pad(serial, 6)}`, campaignId: options.campaignId, entryId: card.id, contactId: card.contactId, phone: card.phone, operatorId: operator.id,
          callId, mode: 'preview', state: 'ended', startedAt, answeredAt: outcome === 'reached' ? startedAt + ring * 1000 : null, endedAt, outcome,
          dispositionId: disposition?.id ?? null, amdVerdict: null, allowedBecause: JSON.stringify(because(options, startedAt)), updatedAt: at, updatedBy: operator.id,
        })
        .run();
      const retryAt = endedAt + (disposition ? options.later.retryMinutes : outcome === 'busy' ? 15 : 60) * minute;
      tx.update(campaignEntries)
        .set({
          state: disposition === options.surveyed ? 'done' : 'waiting', nextAt: disposition === options.surveyed ? startedAt : retryAt, attempts: 1, lastAttemptAt: startedAt,
          lastOutcome: outcome, dispositionId: disposition?.id ?? null, updatedAt: at, updatedBy: operator.id,
        })
        .where(eq(campaignEntries.id, card.id))
        .run();
    }
  }
  return firstStart;
}

/** The rules' "allowed because" record as the dialer stores it: the callee's local time in the office's zone, nothing dialled before. */
function because(options: CampaignHistoryOptions, at: number) {
  const local = new Date(at + officeUtcOffsetHours[options.language] * 3_600_000).toISOString().slice(0, 16);
  const zone = zones[options.language];
  const none = { day: 0, week: 0, month: 0 };
  return {
    at, profile: { id: 'by_number', version: '1' }, purpose: 'survey', mode: 'preview',
    callee: { zoneSource: 'number', zones: [zone], local: [{ zone, at: local, day: 'weekday', window: '09:00-20:00' }] },
    dnc: [{ list: 'workstation', checkedAt: at }], consent: null,
    counts: { attempts: { ...none, lifetime: 0 }, contacts: none }, caps: {}, abandon: { abandoned: 0, live: 0, rate: 0, cap: 0.03, budgetLeft: 0 },
  };
}
