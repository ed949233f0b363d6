import { describe, expect, it } from 'vitest';
import { campaignView } from '#renderer/features/campaigns/campaign-route';

describe('campaign routes', () => {
  it('opens the list, a new campaign, the workspace or a campaign by its id', () => {
    expect(campaignView(null)).toEqual({ kind: 'list' });
    expect(campaignView('new')).toEqual({ kind: 'new' });
    expect(campaignView('work')).toEqual({ kind: 'work' });
    expect(campaignView('019a-cmp')).toEqual({ kind: 'campaign', id: '019a-cmp' });
  });
});
