import { Button } from '@mantine/core';
import { IconHeadset } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

export interface WorkButtonProps {
  campaignId: string;
  /** The campaign session was joined: open the workspace. */
  onJoined: () => void;
}

/** "Work": shown on a running campaign whose operators include the person at this workstation; joins its session. */
export function WorkButton({ campaignId, onJoined }: WorkButtonProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { settings } = useWorkplace();
  const campaign = useQuery('campaigns.get', { id: campaignId });
  const me = settings.currentEmployeeId;
  if (!campaign.data || campaign.data.state !== 'running' || me === null || !campaign.data.operatorIds.includes(me)) return null;
  const join = async () => {
    if (await act(bridge, 'dialer.join', { campaignId }, errorText)) onJoined();
  };
  return (
    <Button size="xs" leftSection={<IconHeadset size={14} />} onClick={(e) => {
        // Inside a list row that opens the campaign.
        e.stopPropagation();
        void join();
      }} data-testid="campaign-work">
      {t('campaigns.work')}
    </Button>
  );
}
