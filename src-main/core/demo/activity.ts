import { colleagueFor, pad, type DemoClient, type DemoContext } from './context';
import { demoPhone, phoneSerials, type DemoPhone } from './phones';
import type { DemoInteraction } from './rows';
import type { InteractionKind } from './texts';

const kinds: readonly InteractionKind[] = ['call', 'call', 'call', 'call', 'email', 'email', 'meeting', 'note', 'planned'];
/** Working days that count as "this week": their calls carry the phone's facts (numbers, rings, who hung up). */
const recentDays = 5;
/** Share of the history in the last week: a call centre's week is busy, the months before it thinner per day. */
const recentShare = 0.45;

/** Calls, e-mails, meetings and notes with a client over the past months (denser in the last week), and contacts planned for the coming days. */
export function clientHistory(ctx: DemoContext, client: DemoClient, count: number): void {
  const { random, text, office } = ctx;
  for (let k = 0; k < count; k++) {
    const kind = random.pick(kinds);
    if (kind === 'planned') {
      // Planned contacts are the calendar's (the timeline shows them from there).
      const plannedAt = office.after(random, random.int(0, 9));
      const created = office.before(random, random.int(0, 6));
      ctx.batch.events.push({
        id: `ev-${pad(++ctx.serials.event)}`,
        kind: 'interaction',
        title: random.pick(text.subjects.planned),
        startsAt: plannedAt,
        endsAt: plannedAt + 30 * 60_000,
        rangeEndsAt: plannedAt + 30 * 60_000,
        location: null,
        contactId: client.contactId,
        ownerId: colleagueFor(ctx, client.responsibleId),
        reminderMinutes: 15,
        createdAt: created,
        updatedAt: created,
      });
      continue;
    }
    const daysBack = random.chance(recentShare) ? random.int(0, recentDays - 1) : random.int(recentDays, 250);
    const at = office.before(random, daysBack);
    if (kind === 'call') {
      addCall(ctx, client, at, random.chance(0.5) ? 'in' : 'out', daysBack < recentDays, null);
      continue;
    }
    addInteraction(ctx, client, {
      kind,
      direction: kind === 'email' ? (random.chance(0.5) ? 'in' : 'out') : null,
      occurredAt: at,
      subject: random.pick(text.subjects[kind]),
      outcome: kind === 'meeting' || (kind === 'email' && random.chance(0.3)) ? random.pick(text.outcomes) : null,
      durationSeconds: null,
      createdAt: at,
    });
  }
}

type InteractionFields = Pick<DemoInteraction, 'kind' | 'direction' | 'occurredAt' | 'subject' | 'outcome' | 'durationSeconds' | 'createdAt'>;

function addInteraction(ctx: DemoContext, client: DemoClient | null, fields: InteractionFields, complaintId: string | null = null, employeeId?: string): string {
  const id = `in-${pad(++ctx.serials.interaction, 8)}`;
  ctx.batch.interactions.push({
    id,
    ...fields,
    employeeId: employeeId ?? (client ? colleagueFor(ctx, client.responsibleId) : ctx.random.pick(ctx.employees).id),
    contactId: client?.contactId ?? null,
    companyId: client?.companyId ?? null,
    complaintId,
  });
  return id;
}

/**
 * A call on the client's timeline. One of the last days also gets what the phone recorded: the number,
 * the ring, who hung up, the line's quality; incoming ones are sometimes missed (and often called back
 * the same day), outgoing ones sometimes unanswered or busy. Older calls were logged by hand.
 */
export function addCall(ctx: DemoContext, client: DemoClient | null, at: number, direction: 'in' | 'out', recent: boolean, complaintId: string | null, phone = client?.phone): void {
  const { random, text } = ctx;
  if (!recent || !phone) {
    addInteraction(ctx, client, { kind: 'call', direction, occurredAt: at, subject: random.pick(text.subjects.call), outcome: random.pick(text.outcomes), durationSeconds: random.int(20, 900), createdAt: at }, complaintId);
    return;
  }
  const roll = random.next();
  const disposition = complaintId ? 'answered' : direction === 'in' ? (roll < 0.15 ? 'missed' : 'answered') : roll < 0.1 ? 'no_answer' : roll < 0.14 ? 'busy' : 'answered';
  const ring = random.int(3, 25) * 1000;
  const talk = disposition === 'answered' ? (random.chance(0.8) ? random.int(30, 300) : random.int(301, 1500)) : 0;
  const answered = disposition === 'answered';
  const employeeId = client ? colleagueFor(ctx, client.responsibleId) : random.pick(ctx.employees).id;
  const interactionId = addInteraction(
    ctx,
    client,
    {
      kind: 'call', direction, occurredAt: at, durationSeconds: talk, createdAt: at,
      // A missed call is what the PBX logged; nobody wrote anything about it.
      subject: disposition === 'missed' ? '' : random.pick(text.subjects.call),
      outcome: disposition === 'missed' ? null : disposition === 'no_answer' ? text.noAnswer : disposition === 'busy' ? text.busy : random.pick(text.outcomes),
    },
    complaintId,
    employeeId,
  );
  ctx.batch.calls.push({
    interactionId, direction, remoteNumber: phone.e164, remoteKey: phone.e164,
    // Incoming: as the PBX sent it (a domestic caller often in the national form); outgoing: as the operator dialled it from the card.
    remoteRaw: direction === 'out' ? phone.raw : phone.country === ctx.home.code && ctx.home.trunk && random.chance(0.5) ? `${ctx.home.trunk}${phone.nsn}` : phone.e164,
    startedAt: at, answeredAt: answered ? at + ring : null, endedAt: at + ring + talk * 1000,
    endedBy: answered ? (random.chance(0.5) ? 'local' : 'remote') : direction === 'in' ? 'remote' : 'local',
    disposition,
    jitterMs: answered ? random.int(2, 30) : null,
    packetLossPercent: answered ? random.int(0, 15) / 10 : null,
    roundTripMs: answered ? random.int(20, 180) : null,
    mos: answered ? random.int(36, 44) / 10 : null,
    employeeId,
    campaignId: null,
    ...operatorTimes(ctx, talk, disposition === 'missed'),
  });
  if (disposition === 'missed' && random.chance(0.6)) {
    const back = ctx.office.laterThe(at, random, 120);
    if (back !== null) addCall(ctx, client, back, 'out', true, null, phone);
  }
}

/**
 * How the answered time split into talk and hold (about one answered call in seven had the client wait, rarely
 * more than half of it), and how long the operator took to write the wrap-up (none for a call nobody took).
 */
function operatorTimes(ctx: DemoContext, answeredSeconds: number, missed: boolean): { talkSeconds: number; holdSeconds: number; wrapUpSeconds: number | null } {
  const { figures } = ctx;
  const holdSeconds = answeredSeconds > 30 && figures.chance(0.15) ? figures.int(10, Math.min(240, Math.floor(answeredSeconds / 2))) : 0;
  return { talkSeconds: answeredSeconds - holdSeconds, holdSeconds, wrapUpSeconds: missed ? null : figures.int(10, 120) };
}

/** Someone not in the workplace rang this week: caller ID will not know them. */
export function unknownCaller(ctx: DemoContext): void {
  const { random } = ctx;
  const phone: DemoPhone = demoPhone(random, ctx.home, phoneSerials.unknownCaller + ++ctx.serials.unknownCaller, null);
  addCall(ctx, null, ctx.office.before(random, random.int(0, recentDays - 1)), 'in', true, null, phone);
}

/** A meeting in the calendar: mostly in the coming days, some from this week. */
export function addMeeting(ctx: DemoContext, client: DemoClient): void {
  const { random, office, text } = ctx;
  const quarter = 15 * 60_000;
  const at = random.chance(0.8) ? office.after(random, random.int(0, 9)) : office.before(random, random.int(1, recentDays));
  const startsAt = at - (at % quarter);
  const created = office.before(random, random.int(recentDays + 1, 15));
  const endsAt = startsAt + random.pick([30, 60, 90]) * 60_000;
  ctx.batch.events.push({
    id: `ev-${pad(++ctx.serials.event)}`,
    kind: 'meeting',
    title: `${random.pick(text.subjects.meeting)}: ${client.fullName}`,
    startsAt,
    endsAt,
    rangeEndsAt: endsAt,
    location: random.chance(0.3) ? text.onlineLocation : client.place,
    contactId: client.contactId,
    ownerId: client.responsibleId,
    reminderMinutes: random.chance(0.7) ? random.pick([10, 15, 30, 60]) : null,
    createdAt: created,
    updatedAt: random.chance(0.5) ? created : Math.max(created, office.before(random, random.int(0, 1))),
  });
}
