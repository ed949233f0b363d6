import { eq } from 'drizzle-orm';
import { SegmentDefinitionSchema } from '#contract';
import { defineHandlers } from '#core/api/registry';
import type { CrmContext } from '#core/crm/crm-context';
import { segments } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import { addContacts } from './audience';
import type { CampaignStore } from './campaign-store';
import type { NumberZones } from './numbers/number-zones';

/** Campaigns as the supervisor sets them up: the campaign, its list, its state. */
export function campaignHandlers({ ctx, store, zones }: { ctx: CrmContext; store: CampaignStore; zones: NumberZones }) {
  const { database } = ctx;
  const db = database.read;
  return defineHandlers({
    'campaigns.list': () => store.list(db),
    'campaigns.get': ({ id }) => store.get(db, id),
    'campaigns.save': (input) => store.get(db, database.write((tx) => store.save(tx, input))),
    'campaigns.delete': ({ id }) => {
      database.write((tx) => store.delete(tx, id));
      return { ok: true as const };
    },
    'campaigns.addContacts': ({ campaignId, segmentId, contactIds, split }) => {
      const people = contactIds ? { contactIds } : { segment: segmentId ? segmentDefinition(ctx, segmentId) : null };
      return database.write((tx) => addContacts(ctx, tx, zones, { campaignId, people, split }));
    },
    'campaigns.setState': ({ id, state }) => {
      database.write((tx) => store.setState(tx, id, state));
      return store.get(db, id);
    },
  });
}

function segmentDefinition(ctx: CrmContext, segmentId: string) {
  const row = ctx.database.read.select({ definition: segments.definition }).from(segments).where(eq(segments.id, segmentId)).get();
  if (!row) throw notFound('Segment', segmentId);
  return SegmentDefinitionSchema.parse(JSON.parse(row.definition));
}
