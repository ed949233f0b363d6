/** What the Campaigns area shows for the record part of its route (`#/campaigns/<id>`). */
export type CampaignView = { kind: 'list' } | { kind: 'new' } | { kind: 'work' } | { kind: 'campaign'; id: string };

/** Route ids that name a page rather than a campaign; campaign ids are generated and never take these forms. */
export const newCampaignId = 'new';
export const workspaceId = 'work';

export function campaignView(openId: string | null): CampaignView {
  if (openId === null) return { kind: 'list' };
  if (openId === newCampaignId) return { kind: 'new' };
  if (openId === workspaceId) return { kind: 'work' };
  return { kind: 'campaign', id: openId };
}
