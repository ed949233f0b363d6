import { assertNever } from '#contract';
import { campaignView } from './campaign-route';
import { CampaignList } from './CampaignList';
import { CampaignPage } from './CampaignPage';
import { OperatorWorkspace } from './OperatorWorkspace';

export interface CampaignsScreenProps {
  /** The record part of the route: a campaign's id, `new`, or `work` (the operator's workspace). */
  openId: string | null;
  onOpen: (id: string | null) => void;
}

/** Outbound campaigns: the list, one campaign (editor, audience, live board), and the operator's workspace. */
export function CampaignsScreen({ openId, onOpen }: CampaignsScreenProps) {
  const view = campaignView(openId);
  switch (view.kind) {
    case 'list':
      return <CampaignList onOpen={onOpen} />;
    case 'new':
      return <CampaignPage key="new" id={null} onOpen={onOpen} />;
    case 'campaign':
      return <CampaignPage key={view.id} id={view.id} onOpen={onOpen} />;
    case 'work':
      return <OperatorWorkspace onBack={() => onOpen(null)} />;
    default:
      return assertNever(view);
  }
}
