import { Button, Group, Text } from '@mantine/core';
import { IconFlag, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignState } from '#contract';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';

export interface StateButtonsProps {
  campaign: Pick<Campaign, 'id' | 'state'>;
  onChanged: (campaign: Campaign) => void;
}

type Move = { to: CampaignState; label: 'start' | 'pause' | 'resume' | 'finish' };

/** The moves the campaign's lifecycle offers from where it is (main decides; a refusal is said here). */
const moves: Record<CampaignState, Move[]> = {
  draft: [{ to: 'running', label: 'start' }],
  running: [
    { to: 'paused', label: 'pause' },
    { to: 'finished', label: 'finish' },
  ],
  paused: [
    { to: 'running', label: 'resume' },
    { to: 'finished', label: 'finish' },
  ],
  finished: [],
};

const icons = { start: IconPlayerPlay, resume: IconPlayerPlay, pause: IconPlayerPause, finish: IconFlag };

/** Start, pause, resume and finish a campaign. */
export function StateButtons({ campaign, onChanged }: StateButtonsProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [refusal, setRefusal] = useState<string | null>(null);
  const move = async (to: CampaignState) => {
    const result = await bridge.invoke('campaigns.setState', { id: campaign.id, state: to });
    setRefusal(result.ok ? null : errorText(result.error));
    if (result.ok) onChanged(result.value);
  };
  return (
    <Group gap="xs">
      {moves[campaign.state].map(({ to, label }) => {
        const Icon = icons[label];
        return (
          <Button key={label} size="xs" variant={label === 'finish' ? 'default' : 'filled'} leftSection={<Icon size={14} />} onClick={() => void move(to)} data-testid={`campaign-${label}`}>
            {t(`campaigns.action.${label}`)}
          </Button>
        );
      })}
      {refusal && (
        <Text size="sm" c="red" role="alert" data-testid="campaign-state-refused">
          {refusal}
        </Text>
      )}
    </Group>
  );
}
