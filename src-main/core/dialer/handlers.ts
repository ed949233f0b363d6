import { eq } from 'drizzle-orm';
import { SegmentDefinitionSchema } from '#contract';
import { defineHandlers } from '#core/api/registry';
import type { CrmContext } from '#core/crm/crm-context';
import { segments } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import type { CampaignState } from '#contract';
import type { TransferStore } from '#core/crm/transfer/transfer-store';
import { readFileSync } from 'node:fs';
import { addContacts, rebalance } from './audience';
import { campaignBoard } from './campaign-board';
import { campaignMessageStore } from './campaign-messages';
import { checkedPolicies, type CampaignStore } from './campaign-store';
import type { NumberZones } from './numbers/number-zones';
import { profileLimits, type Profile } from './rules/index';

interface CampaignHandlerDeps {
  ctx: CrmContext;
  store: CampaignStore;
  zones: NumberZones;
  profiles: () => readonly Profile[];
  transfers: TransferStore;
  /** A campaign's state changed (its operators' sessions follow). */
  stateChanged: (campaignId: string, state: CampaignState) => void;
}

/** Campaigns as the supervisor sets them up and watches them: the campaign, its list, its messages, its state, its board. */
export function campaignHandlers({ ctx, store, zones, profiles, transfers, stateChanged }: CampaignHandlerDeps) {
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
      stateChanged(id, state);
      return store.get(db, id);
    },
    'campaigns.ruleLimits': ({ purpose, profile }) =>
      checkedPolicies(profiles(), { purpose, profile, rules: {} }).all.map((policy) => ({ profile: policy.profile.id, version: policy.profile.version, limits: profileLimits(policy) })),
    'campaigns.board': ({ id }) => {
      const campaign = store.get(db, id);
      return campaignBoard(db, campaign, checkedPolicies(profiles(), campaign).all, ctx.clock.now());
    },
    'campaigns.rebalance': ({ id, split }) => database.write((tx) => rebalance(ctx, tx, zones, { campaignId: id, split })),
    'campaigns.setMessage': ({ campaignId, kind, uploadId, fileName }) => {
      const audio = readFileSync(transfers.upload(uploadId).file);
      database.write((tx) => campaignMessageStore.set(tx, { campaignId, kind, fileName, audio, now: ctx.clock.now(), by: ctx.settings().currentEmployeeId }));
      return store.get(db, campaignId);
    },
    'campaigns.removeMessage': ({ campaignId, kind }) => {
      database.write((tx) => campaignMessageStore.remove(tx, campaignId, kind));
      return store.get(db, campaignId);
    },
  });
}

function segmentDefinition(ctx: CrmContext, segmentId: string) {
  const row = ctx.database.read.select({ definition: segments.definition }).from(segments).where(eq(segments.id, segmentId)).get();
  if (!row) throw notFound('Segment', segmentId);
  return SegmentDefinitionSchema.parse(JSON.parse(row.definition));
}
