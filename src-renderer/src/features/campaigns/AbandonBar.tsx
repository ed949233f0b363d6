import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignBoard } from '#contract';
import { abandonGauge } from './board-figures';

export interface AbandonBarProps {
  abandon: CampaignBoard['abandon'];
  percent: (share: number) => string;
  number: (n: number) => string;
}

/** The campaign's abandon rate over the profile's period against its cap: a bar that turns red near the cap. */
export function AbandonBar({ abandon, percent, number }: AbandonBarProps) {
  const { t } = useTranslation();
  const gauge = abandonGauge(abandon.rate, abandon.cap);
  const label = t('campaigns.board.abandonRate', { rate: percent(abandon.rate), cap: percent(abandon.cap) });
  return (
    <Stack gap={4} data-testid="board-abandon" data-color={gauge.color}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {t('campaigns.board.abandonDetail', { abandoned: number(abandon.abandoned), live: number(abandon.live), hours: abandon.periodHours })}
        </Text>
      </Group>
      <Progress value={gauge.percentOfCap} color={gauge.color} size="lg" aria-label={label} />
    </Stack>
  );
}
