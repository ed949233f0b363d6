import { addCall } from './activity';
import { pad, type DemoClient, type DemoContext } from './context';
import type { DemoComplaint, DemoComplaintState } from './rows';

/** Where deals stand: most still open across the pipeline, some won, some lost (stage positions). */
const dealStagePositions = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5];

/** A deal with the company, and its way through the pipeline so far (every move in the stage history). */
export function addDeal(ctx: DemoContext, client: DemoClient & { companyId: string }, currency: string): void {
  const { random, office, stages } = ctx;
  const final = stages[random.pick(dealStagePositions)] ?? stages[0];
  if (!final) return;
  // The stages it went through: the open ones up to where it is (a lost deal dropped out somewhere on the way).
  const openStages = stages.filter((s) => s.outcome === 'open');
  const reached = final.outcome === 'won' ? openStages.length : final.outcome === 'lost' ? random.int(1, openStages.length) : openStages.indexOf(final) + 1;
  const path = [...openStages.slice(0, reached), ...(final.outcome === 'open' ? [] : [final])];
  // Each move on a later working day than the one before (leaving a day for each move still to come), the last one possibly today.
  const id = `dl-${pad(++ctx.serials.deal)}`;
  let day = random.int(path.length * 2, 90);
  let changedAt = 0;
  let createdAt = 0;
  path.forEach((stage, i) => {
    changedAt = office.before(random, day);
    if (i === 0) createdAt = changedAt;
    ctx.batch.stageMoves.push({ id: `${id}-${i + 1}`, dealId: id, fromStageId: path[i - 1]?.id ?? null, toStageId: stage.id, changedAt, employeeId: client.responsibleId });
    day = random.int(Math.max(path.length - 2 - i, day - 15), day - 1);
  });
  const closed = final.outcome !== 'open';
  ctx.batch.deals.push({
    id, title: random.pick(ctx.text.deals), companyId: client.companyId, contactId: client.contactId, stageId: final.id,
    amount: dealAmount(ctx, currency), currency, probability: final.probability,
    expectedCloseAt: closed ? changedAt : office.after(random, random.int(3, 29)), ownerId: client.responsibleId,
    closedAt: closed ? changedAt : null, createdAt, updatedAt: changedAt,
  });
}

function dealAmount(ctx: DemoContext, currency: string): number {
  const { random } = ctx;
  if (currency === 'UAH') return random.int(20, 2_000) * 1_000;
  if (currency === 'RUB') return random.int(50, 5_000) * 1_000;
  return random.int(2, 160) * 500;
}

/** How far complaints have got (a week's intake still new, most being worked on or settled), with how many working days ago each was registered. */
const complaintAges: Readonly<Record<DemoComplaintState, readonly [number, number]>> = {
  new: [0, 3],
  investigating: [1, 12],
  resolved: [3, 20],
  closed: [4, 60],
};
const complaintStates: readonly DemoComplaintState[] = ['new', 'new', 'investigating', 'investigating', 'investigating', 'resolved', 'resolved', 'closed', 'closed', 'closed'];
const results = ['satisfied', 'satisfied', 'satisfied', 'partially', 'rejected'] as const;

/**
 * A complaint the client phoned in, walked through the complaint lifecycle as far as its state:
 * registered, taken into work with a plan of steps, resolved with a result, closed.
 */
export function addComplaint(ctx: DemoContext, client: DemoClient): void {
  const { random, office, text, batch } = ctx;
  const state = random.pick(complaintStates);
  const [youngest, oldest] = complaintAges[state];
  const number = ++ctx.serials.complaint;
  const id = `cp-${pad(number)}`;
  const [subject, description] = random.pick(text.complaints.cases);
  // Working days back of each step, each later than the one before.
  const registeredDay = random.int(youngest, oldest);
  const investigatingDay = state === 'new' ? -1 : random.int(state === 'investigating' ? 0 : state === 'resolved' ? 1 : 2, registeredDay - 1);
  const resolvedDay = state === 'resolved' || state === 'closed' ? random.int(state === 'closed' ? 1 : 0, investigatingDay - 1) : -1;
  const closedDay = state === 'closed' ? random.int(0, resolvedDay - 1) : -1;
  const registeredAt = office.before(random, registeredDay);
  const staff = client.responsibleId;
  let events = 0;
  const event = (at: number, kind: 'action' | 'state', eventText: string, fromState: DemoComplaintState | null, toState: DemoComplaintState | null) =>
    batch.complaintEvents.push({ id: `${id}-e${++events}`, complaintId: id, at, employeeId: staff, kind, text: eventText, fromState, toState });

  addCall(ctx, client, registeredAt, 'in', registeredDay < 5, id);
  // The app writes a machine word here ('registered') that the complaint card shows untranslated; the demo leaves it empty.
  event(registeredAt, 'state', '', null, 'new');
  const complaint: DemoComplaint = {
    id, number, contactId: client.contactId, companyId: client.companyId, causeId: random.pick(ctx.causes).id, subject, description, state,
    responsibleId: staff, resolution: null, result: null, registeredAt, resolvedAt: null, closedAt: null, updatedAt: registeredAt,
  };
  if (investigatingDay >= 0) {
    const investigatingAt = office.before(random, investigatingDay);
    event(investigatingAt, 'state', random.pick(text.complaints.investigating), 'new', 'investigating');
    const resolvedAt = resolvedDay >= 0 ? office.before(random, resolvedDay) : null;
    const steps = random.int(1, 3);
    const first = random.int(0, text.complaints.steps.length - 1);
    for (let s = 0; s < steps; s++) {
      const title = text.complaints.steps[(first + s) % text.complaints.steps.length] as string;
      // Settled complaints had their steps done before the resolution; open ones have them due in the coming days.
      const doneAt = resolvedAt === null ? null : resolvedAt - (steps - s) * 20 * 60_000;
      batch.complaintSteps.push({
        id: `${id}-s${s + 1}`, complaintId: id, title, assigneeId: random.pick(ctx.employees).id,
        dueAt: doneAt === null ? office.after(random, random.int(0, 4)) : doneAt + 86_400_000, doneAt, position: s,
      });
    }
    // Steps are on the plan itself; the log gets what was done meanwhile.
    const actionAt = Math.min(investigatingAt + random.int(5, 90) * 60_000, office.now - 1000, resolvedAt ?? office.now);
    if (random.chance(0.6)) event(actionAt, 'action', random.pick(text.complaints.actions), null, null);
    complaint.updatedAt = actionAt;
    if (resolvedAt !== null) {
      complaint.resolution = random.pick(text.complaints.resolutions);
      complaint.result = random.pick(results);
      complaint.resolvedAt = resolvedAt;
      complaint.updatedAt = resolvedAt;
      event(resolvedAt, 'state', complaint.resolution, 'investigating', 'resolved');
    }
    if (closedDay >= 0) {
      const closedAt = office.before(random, closedDay);
      complaint.closedAt = closedAt;
      complaint.updatedAt = closedAt;
      event(closedAt, 'state', random.pick(text.complaints.closing), 'resolved', 'closed');
    }
  }
  batch.complaints.push(complaint);
}
