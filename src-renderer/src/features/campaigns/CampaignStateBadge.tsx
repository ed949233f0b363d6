import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignState } from '#contract';

const colors: Record<CampaignState, string> = { draft: 'gray', running: 'teal', paused: 'yellow', finished: 'blue' };

export function CampaignStateBadge({ state }: { state: CampaignState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[state]} variant="light" data-testid="campaign-state" data-state={state}>
      {t(`campaigns.state.${state}`)}
    </Badge>
  );
}
