import { Alert, Box, Button, FileButton, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartLoadReport } from '#contract';
import { call, useBridge, useQuery } from '#renderer/api/client';
import { uploadFile } from '#renderer/api/files';
import { formatNumber, formatShortDate } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { useFailureText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { newCampaignId, workspaceId } from './campaign-route';
import { CampaignStateBadge } from './CampaignStateBadge';
import { PartLoadReportModal } from './PartLoadReportModal';
import { useDialerSession } from './useDialerSession';
import { WorkButton } from './WorkButton';

export interface CampaignListProps {
  onOpen: (id: string) => void;
}

/** Every campaign with its mode, state, progress and period; create one, open one, work one, or load an operator's part made elsewhere. */
export function CampaignList({ onOpen }: CampaignListProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { locale } = useWorkplace();
  const failureText = useFailureText();
  const list = useQuery('campaigns.list', {});
  const { session } = useDialerSession();
  const [loaded, setLoaded] = useState<PartLoadReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const loadPart = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    try {
      const uploadId = await uploadFile(bridge, file, () => undefined);
      setLoaded(await call(bridge, 'campaigns.importPart', { uploadId }));
      list.reload();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Box>
      <ScreenTitle
        actions={
          <Group gap="xs">
            <Button leftSection={<IconPlus size={16} />} onClick={() => onOpen(newCampaignId)} data-testid="campaign-new">
              {t('campaigns.new')}
            </Button>
            <FileButton onChange={(file) => void loadPart(file)} accept=".json,application/json">
              {(props) => (
                <Button variant="default" leftSection={<IconFileImport size={16} />} {...props} data-testid="campaign-load-part">
                  {t('campaigns.files.loadPart')}
                </Button>
              )}
            </FileButton>
          </Group>
        }
      >
        {t('campaigns.title')}
      </ScreenTitle>
      {session && (
        <Alert color="teal" mb="sm" data-testid="campaign-session-banner">
          <Group justify="space-between">
            <Text size="sm">{t('dialer.workingOn', { name: session.campaignName })}</Text>
            <Button size="xs" onClick={() => onOpen(workspaceId)}>
              {t('dialer.openWorkspace')}
            </Button>
          </Group>
        </Alert>
      )}
      {failure !== null && (
        <Alert color="red" mb="sm" role="alert" withCloseButton onClose={() => setFailure(null)}>
          {failureText(failure)}
        </Alert>
      )}
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data?.length === 0 && <Text c="dimmed">{t('campaigns.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table highlightOnHover striped data-testid="campaigns-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.name')}</Table.Th>
              <Table.Th>{t('campaigns.modeLabel')}</Table.Th>
              <Table.Th>{t('campaigns.stateLabel')}</Table.Th>
              <Table.Th>{t('campaigns.progress')}</Table.Th>
              <Table.Th>{t('campaigns.period')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((row) => (
              <Table.Tr key={row.id} onClick={() => onOpen(row.id)} style={{ cursor: 'pointer' }} data-testid="campaign-row" data-row={row.id}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{t(`campaigns.mode.${row.mode}`)}</Table.Td>
                <Table.Td>
                  <CampaignStateBadge state={row.state} />
                </Table.Td>
                <Table.Td miw={180}>
                  <Stack gap={2}>
                    <Progress value={row.entries.total > 0 ? (row.entries.done / row.entries.total) * 100 : 0} size="sm" />
                    <Text size="xs" c="dimmed">
                      {t('campaigns.progressText', { done: formatNumber(locale, row.entries.done), total: formatNumber(locale, row.entries.total) })}
                      {row.entries.excluded > 0 && ` · ${t('campaigns.excludedText', { count: row.entries.excluded })}`}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{row.endsAt === null ? t('campaigns.from', { date: formatShortDate(locale, row.startsAt) }) : `${formatShortDate(locale, row.startsAt)} – ${formatShortDate(locale, row.endsAt)}`}</Table.Td>
                <Table.Td>{row.state === 'running' && <WorkButton campaignId={row.id} onJoined={() => onOpen(workspaceId)} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {loaded && <PartLoadReportModal report={loaded} onClose={() => setLoaded(null)} />}
    </Box>
  );
}
