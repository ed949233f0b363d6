import { Button, Group, Select } from '@mantine/core';
import { IconArrowsShuffle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';
import { notifications } from '@mantine/notifications';
import { campaignSplits, type CampaignSplit } from './campaign-draft';

export interface RebalanceControlProps {
  campaignId: string;
  onDone?: () => void;
}

/** Splits the numbers still waiting among the campaign's operators again, by the split chosen. */
export function RebalanceControl({ campaignId, onDone }: RebalanceControlProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [split, setSplit] = useState<CampaignSplit>('even');
  const rebalance = async () => {
    const result = await act(bridge, 'campaigns.rebalance', { id: campaignId, split }, errorText);
    if (!result) return;
    notifications.show({ color: 'teal', message: t('campaigns.rebalanced', { count: result.moved }) });
    onDone?.();
  };
  return (
    <Group gap="xs" align="flex-end">
      <Select
        size="xs"
        w={200}
        label={t('campaigns.splitLabel')}
        data={campaignSplits.map((s) => ({ value: s, label: t(`campaigns.split.${s}`) }))}
        value={split}
        onChange={(value) => value && setSplit(value)}
        allowDeselect={false}
      />
      <Button size="xs" variant="light" leftSection={<IconArrowsShuffle size={14} />} onClick={() => void rebalance()} data-testid="campaign-rebalance">
        {t('campaigns.rebalance')}
      </Button>
    </Group>
  );
}
