import { and, eq, isNull, sql } from 'drizzle-orm';
import type { MethodOutput, MethodParams, SegmentDefinition } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import { segmentCondition } from '#core/crm/segment-sql';
import type { WriteDb } from '#core/db/handles';
import { campaignEntries, campaignOperators, campaigns, contacts } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import type { NumberZones } from './numbers/number-zones';

type Split = MethodParams<'campaigns.addContacts'>['split'];

interface Person {
  contactId: string;
  responsibleId: string | null;
  /** The person's first number that reads as E.164 (null: none does). */
  phone: string | null;
}

/** Rows per INSERT statement (SQLite's bound-parameter limit allows far more; this keeps statements small). */
const rowsPerInsert = 200;

/**
 * Puts people into a campaign's list, each with their first number that reads as one, and gives each to one
 * of the campaign's operators: evenly (whoever has fewest waiting gets the next), to the person's responsible
 * employee when they work the campaign, or by time zone (everyone of one zone to one operator, zones shared out
 * so that loads stay even). People already in the list are not added again. One transaction.
 */
export function addContacts(
  ctx: CrmContext,
  tx: WriteDb,
  zones: NumberZones,
  request: { campaignId: string; people: { segment: SegmentDefinition | null } | { contactIds: readonly string[] }; split: Split },
): MethodOutput<'campaigns.addContacts'> {
  const campaign = tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, request.campaignId), isNull(campaigns.deletedAt))).get();
  if (!campaign) throw notFound('Campaign', request.campaignId);
  const now = ctx.clock.now();
  const people = peopleOf(tx, request.people, now);
  const already = new Set(tx.select({ contactId: campaignEntries.contactId }).from(campaignEntries).where(eq(campaignEntries.campaignId, request.campaignId)).all().map((e) => e.contactId));
  const fresh = people.filter((p) => p.phone !== null && !already.has(p.contactId)) as (Person & { phone: string })[];
  const operators = operatorsOf(tx, request.campaignId);
  const assign = assigner(request.split, waitingLoad(tx, request.campaignId, operators), zones, fresh);
  const me = ctx.settings().currentEmployeeId;
  const rows = fresh.map((person) => ({
    id: ctx.ids.next(),
    campaignId: request.campaignId,
    contactId: person.contactId,
    phone: person.phone,
    operatorId: assign(person),
    state: 'waiting' as const,
    priority: 1,
    nextAt: now,
    updatedAt: now,
    updatedBy: me,
  }));
  for (let i = 0; i < rows.length; i += rowsPerInsert) tx.insert(campaignEntries).values(rows.slice(i, i + rowsPerInsert)).run();
  return { added: rows.length, alreadyThere: people.filter((p) => already.has(p.contactId)).length, withoutNumber: people.filter((p) => p.phone === null && !already.has(p.contactId)).length };
}

function peopleOf(tx: WriteDb, people: { segment: SegmentDefinition | null } | { contactIds: readonly string[] }, now: number): Person[] {
  const firstNumber = sql<string | null>`(SELECT p.e164 FROM contact_phones p WHERE p.contact_id = "contacts"."id" AND p.e164 IS NOT NULL ORDER BY p.position LIMIT 1)`;
  const where =
    'segment' in people
      ? and(...(people.segment?.conditions ?? []).map((c) => segmentCondition(c, now)))
      : sql`${contacts.id} IN (SELECT value FROM json_each(${JSON.stringify(people.contactIds)}))`;
  return tx.select({ contactId: contacts.id, responsibleId: contacts.responsibleId, phone: firstNumber }).from(contacts).where(where).orderBy(contacts.id).all();
}

/**
 * Splits the numbers still waiting among the campaign's operators again, by the split asked for: after
 * operators were added or removed, or when one part runs out first. Numbers being dialed stay where they are,
 * and so do callbacks whose operator still works the campaign (the client was promised that operator).
 * Entries keep their ids; only their operator changes. One transaction.
 */
export function rebalance(ctx: CrmContext, tx: WriteDb, zones: NumberZones, request: { campaignId: string; split: Split }): { moved: number } {
  const campaign = tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, request.campaignId), isNull(campaigns.deletedAt))).get();
  if (!campaign) throw notFound('Campaign', request.campaignId);
  const operators = operatorsOf(tx, request.campaignId);
  if (operators.length === 0) return { moved: 0 };
  const working = new Set(operators);
  const waiting = tx
    .select({ id: campaignEntries.id, contactId: campaignEntries.contactId, phone: campaignEntries.phone, operatorId: campaignEntries.operatorId, callbackAt: campaignEntries.callbackAt, responsibleId: contacts.responsibleId })
    .from(campaignEntries)
    .innerJoin(contacts, eq(contacts.id, campaignEntries.contactId))
    .where(and(eq(campaignEntries.campaignId, request.campaignId), eq(campaignEntries.state, 'waiting')))
    .orderBy(campaignEntries.id)
    .all();
  const promised = (e: (typeof waiting)[number]) => e.callbackAt !== null && e.operatorId !== null && working.has(e.operatorId);
  const load = new Map(operators.map((id) => [id, 0]));
  for (const e of waiting) if (promised(e)) load.set(e.operatorId!, load.get(e.operatorId!)! + 1);
  const movable = waiting.filter((e) => !promised(e));
  const assign = assigner(request.split, load, zones, movable);
  const now = ctx.clock.now();
  const me = ctx.settings().currentEmployeeId;
  let moved = 0;
  for (const entry of movable) {
    const operatorId = assign(entry);
    if (operatorId === entry.operatorId) continue;
    tx.update(campaignEntries).set({ operatorId, updatedAt: now, updatedBy: me }).where(eq(campaignEntries.id, entry.id)).run();
    moved++;
  }
  return { moved };
}

function operatorsOf(tx: WriteDb, campaignId: string): string[] {
  return tx.select({ id: campaignOperators.employeeId }).from(campaignOperators).where(and(eq(campaignOperators.campaignId, campaignId), isNull(campaignOperators.deletedAt))).all().map((o) => o.id);
}

/** How many numbers each operator has waiting now. */
function waitingLoad(tx: WriteDb, campaignId: string, operators: readonly string[]): Map<string, number> {
  const load = new Map(operators.map((id) => [id, 0]));
  for (const row of tx
    .select({ operatorId: campaignEntries.operatorId, n: sql<number>`count(*)` })
    .from(campaignEntries)
    .where(and(eq(campaignEntries.campaignId, campaignId), eq(campaignEntries.state, 'waiting')))
    .groupBy(campaignEntries.operatorId)
    .all()) {
    if (row.operatorId && load.has(row.operatorId)) load.set(row.operatorId, row.n);
  }
  return load;
}

/** Who gets each entry, by the split asked for, given each operator's load so far; null when the campaign has no operators yet. */
function assigner(split: Split, load: Map<string, number>, zones: NumberZones, fresh: readonly Omit<Person, 'contactId'>[]): (person: Omit<Person, 'contactId'> & { phone: string }) => string | null {
  if (load.size === 0) return () => null;
  const leastLoaded = () => [...load.entries()].reduce((a, b) => (b[1] < a[1] ? b : a))[0];
  const take = (operatorId: string) => {
    load.set(operatorId, load.get(operatorId)! + 1);
    return operatorId;
  };
  switch (split) {
    case 'even':
      return () => take(leastLoaded());
    case 'responsible':
      return (person) => take(person.responsibleId && load.has(person.responsibleId) ? person.responsibleId : leastLoaded());
    case 'time_zone': {
      // Biggest zones first, each to whoever has least so far: every zone stays with one operator.
      const zoneOf = (person: { phone: string | null }) => (person.phone ? zones.of(person.phone).zones?.[0] : undefined) ?? 'unknown';
      const sizes = new Map<string, number>();
      for (const person of fresh) sizes.set(zoneOf(person), (sizes.get(zoneOf(person)) ?? 0) + 1);
      const owner = new Map<string, string>();
      for (const [zone, size] of [...sizes.entries()].sort((a, b) => b[1] - a[1])) {
        const operatorId = leastLoaded();
        load.set(operatorId, load.get(operatorId)! + size);
        owner.set(zone, operatorId);
      }
      return (person) => owner.get(zoneOf(person))!;
    }
  }
}
