import type { OperatorSession as SessionView } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { preparedOnce } from '#core/db/prepared-once';
import { DomainError } from '#core/shared/errors';
import { campaignMessageStore } from '#core/dialer/campaign-messages';
import { checkedPolicies, type CampaignStore } from '#core/dialer/campaign-store';
import type { CandidateEntry } from '#core/dialer/next-number';
import type { NumberZones } from '#core/dialer/numbers/number-zones';
import type { Profile } from '#core/dialer/rules/index';
import type { SessionCampaign } from './campaign-lines';

/**
 * A running campaign as a session dials it, for an operator who works it. Power mode under a profile that
 * demands an information message on abandoned calls needs the campaign's recorded abandon message first.
 */
export function sessionCampaign(db: ReadDb, store: CampaignStore, profiles: readonly Profile[], campaignId: string, operatorId: string): SessionCampaign {
  const campaign = store.get(db, campaignId);
  if (campaign.state !== 'running') throw new DomainError('conflict', 'campaign_state_refused', `The campaign is ${campaign.state}, not running`, { from: campaign.state, to: 'running' });
  if (!campaign.operatorIds.includes(operatorId)) throw new DomainError('conflict', 'not_campaign_operator', 'You are not one of this campaign\'s operators', { id: campaignId });
  const policies = checkedPolicies(profiles, campaign);
  const messages = { abandon: campaignMessageStore.audio(db, campaignId, 'abandon'), machine: campaignMessageStore.audio(db, campaignId, 'machine') };
  if (campaign.mode === 'power' && messages.abandon === null && policies.all.some((p) => p.callHandling.abandonMessage?.value === true)) {
    throw new DomainError('conflict', 'abandon_message_missing', 'Power dialing here needs a recorded message for answered calls no operator is free for', { id: campaignId });
  }
  return { ...campaign, policies, messages };
}

const entryStatement = preparedOnce((sqlite) =>
  sqlite.prepare<[string], { contactName: string; timeZone: string | null; attempts: number; lastOutcome: string | null; callbackAt: number | null }>(
    `SELECT trim(coalesce(c.last_name, '') || ' ' || coalesce(c.first_name, '')) AS contactName, c.time_zone AS timeZone,
            e.attempts, e.last_outcome AS lastOutcome, e.callback_at AS callbackAt
     FROM campaign_entries e JOIN contacts c ON c.id = e.contact_id WHERE e.id = ?`,
  ),
);

/** The person on the card or the line, as the operator's screen shows them (their zone: the contact's own, else the number's). */
export function entryDetails(db: ReadDb, zones: NumberZones, entry: CandidateEntry): NonNullable<SessionView['entry']> {
  const row = entryStatement(db).get(entry.id);
  return {
    entryId: entry.id,
    contactId: entry.contactId,
    phone: entry.phone,
    contactName: row?.contactName || entry.phone,
    timeZone: row?.timeZone ?? zones.of(entry.phone).zones?.[0] ?? null,
    attempts: row?.attempts ?? 0,
    lastOutcome: row?.lastOutcome ?? null,
    callbackAt: row?.callbackAt ?? null,
  };
}
