import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';

/** Outbound campaigns arrive with the dialer; until then the area says what it will hold. */
export function CampaignsScreen() {
  const { t } = useTranslation();
  return (
    <Box>
      <ScreenTitle>{t('campaigns.title')}</ScreenTitle>
      <Text c="dimmed">{t('campaigns.empty')}</Text>
    </Box>
  );
}
