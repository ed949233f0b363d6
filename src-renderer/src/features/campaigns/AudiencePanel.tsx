import { Button, Divider, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '#contract';
import { useQuery } from '#renderer/api/client';
import { ImportWizard } from '#renderer/features/contacts/ImportWizard';
import { formatNumber } from '#renderer/i18n/format';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { campaignSplits, type CampaignSplit } from './campaign-draft';
import { AddPeopleForm } from './AddPeopleForm';
import { CampaignFilesPanel } from './CampaignFilesPanel';
import { RebalanceControl } from './RebalanceControl';

/** The list's counts shown above it. */
const entryCounts = ['total', 'remaining', 'done', 'excluded'] as const;

export interface AudiencePanelProps {
  campaign: Campaign;
}

/** Who the campaign calls: people added from a segment, contacts or a file, split among the operators; and the campaign's files. */
export function AudiencePanel({ campaign }: AudiencePanelProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const board = useQuery('campaigns.board', { id: campaign.id });
  const [split, setSplit] = useState<CampaignSplit>('even');
  const [importing, setImporting] = useState(false);
  const entries = board.data?.entries;

  return (
    <Stack gap="lg" maw={1100}>
      {entries && (
        <SimpleGrid cols={4} data-testid="audience-counts">
          {entryCounts.map((k) => (
            <Stack key={k} gap={0}>
              <Text size="xs" c="dimmed">
                {t(`campaigns.entries.${k}`)}
              </Text>
              <Text fw={700} size="lg" data-testid={`audience-${k}`}>
                {formatNumber(locale, entries[k])}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
      <Group gap="sm">
        <Text size="sm" fw={500}>
          {t('campaigns.audience.splitAdded')}
        </Text>
        <SegmentedControl value={split} onChange={setSplit} data={campaignSplits.map((s) => ({ value: s, label: t(`campaigns.split.${s}`) }))} />
      </Group>
      <AddPeopleForm campaignId={campaign.id} split={split} onAdded={board.reload} />
      <Button variant="light" w="fit-content" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)} data-testid="audience-import">
        {t('campaigns.audience.importFile')}
      </Button>
      <Divider />
      <Title order={5}>{t('campaigns.rebalanceTitle')}</Title>
      <RebalanceControl campaignId={campaign.id} onDone={board.reload} />
      <Divider />
      <CampaignFilesPanel campaign={campaign} onImported={board.reload} />
      {importing && <ImportWizard campaign={{ id: campaign.id, split }} onClose={() => setImporting(false)} onImported={board.reload} />}
    </Stack>
  );
}
