import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppliedCounts } from '#contract';

export interface AppliedCountsTextProps {
  label: string;
  counts: AppliedCounts;
}

/** One line of a campaign file's report: how the items of a kind were applied here. */
export function AppliedCountsText({ label, counts }: AppliedCountsTextProps) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {label}: {t('campaigns.files.applied', counts)}
    </Text>
  );
}
