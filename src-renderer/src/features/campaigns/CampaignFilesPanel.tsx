import { Alert, Button, FileButton, Group, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileImport, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, ResultsImportReport } from '#contract';
import { act } from '#renderer/api/actions';
import { call, useBridge, useQuery } from '#renderer/api/client';
import { uploadFile } from '#renderer/api/files';
import { useErrorText, useFailureText } from '#renderer/ui/useErrorText';
import { exportThenDownload } from './exportThenDownload';
import { ResultsReportModal } from './ResultsReportModal';

export interface CampaignFilesPanelProps {
  campaign: Campaign;
  onImported: () => void;
}

/** The supervisor's files, each in both sheet formats. */
const sheetExports = ['exportReport', 'exportAudit'] as const;

const sheetFormats = [
  { format: 'csv', icon: IconFileTypeCsv },
  { format: 'xlsx', icon: IconFileSpreadsheet },
] as const;

/**
 * A campaign's files: an operator's part for another workstation and its results brought back, this
 * workstation's results for the one the part came from, and the supervisor's report and audit log.
 */
export function CampaignFilesPanel({ campaign, onImported }: CampaignFilesPanelProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const failureText = useFailureText();
  const employees = useQuery('employees.list', {});
  const [operatorId, setOperatorId] = useState<string | null>(null);
  const [report, setReport] = useState<ResultsImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const campaignId = campaign.id;

  const download = (work: Promise<Parameters<typeof exportThenDownload>[1]>) =>
    void work.then((started) => exportThenDownload(bridge, started, t)).catch((error: unknown) => setFailure(error));

  const [takenBack, setTakenBack] = useState<number | null>(null);
  const takeBack = async () => {
    if (!operatorId) return;
    setFailure(null);
    try {
      setTakenBack((await call(bridge, 'campaigns.takeBackPart', { campaignId, operatorId })).entries);
      onImported();
    } catch (error) {
      setFailure(error);
    }
  };

  const importResults = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    try {
      const uploadId = await uploadFile(bridge, file, () => undefined);
      setReport(await call(bridge, 'campaigns.importResults', { campaignId, uploadId }));
      onImported();
    } catch (error) {
      setFailure(error);
    }
  };

  const operators = (employees.data ?? []).filter((e) => campaign.operatorIds.includes(e.id));
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text fw={500}>{t('campaigns.files.partTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('campaigns.files.partExplain')}
        </Text>
        <Group gap="xs" align="flex-end">
          <Select label={t('campaigns.files.operator')} data={operators.map((e) => ({ value: e.id, label: e.name }))} value={operatorId} onChange={setOperatorId} w={260} />
          <Button
            variant="light"
            leftSection={<IconDownload size={14} />}
            disabled={!operatorId}
            onClick={() => operatorId && download(act(bridge, 'campaigns.exportPart', { campaignId, operatorId }, errorText))}
            data-testid="campaign-export-part"
          >
            {t('campaigns.files.exportPart')}
          </Button>
          <Button variant="subtle" disabled={!operatorId} onClick={() => void takeBack()} data-testid="campaign-take-back-part">
            {t('campaigns.files.takeBackPart')}
          </Button>
          <FileButton onChange={(file) => void importResults(file)} accept=".json,application/json">
            {(props) => (
              <Button variant="default" leftSection={<IconFileImport size={14} />} {...props} data-testid="campaign-import-results">
                {t('campaigns.files.importResults')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />} onClick={() => download(act(bridge, 'campaigns.exportResults', { campaignId }, errorText))} data-testid="campaign-export-results">
            {t('campaigns.files.exportResults')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('campaigns.files.exportResultsHint')}
          </Text>
        </Group>
      </Stack>
      <Stack gap={6}>
        <Text fw={500}>{t('campaigns.files.reportsTitle')}</Text>
        {sheetExports.map((kind) => (
          <Group key={kind} gap="xs">
            <Text size="sm" w={260}>
              {t(`campaigns.files.${kind}`)}
            </Text>
            {sheetFormats.map(({ format, icon: Icon }) => (
              <Button
                key={format}
                size="xs"
                variant="default"
                leftSection={<Icon size={14} />}
                onClick={() => download(act(bridge, `campaigns.${kind}`, { campaignId, format }, errorText))}
                data-testid={`campaign-${kind}-${format}`}
              >
                {format.toUpperCase()}
              </Button>
            ))}
          </Group>
        ))}
      </Stack>
      {takenBack !== null && (
        <Text size="sm" data-testid="campaign-part-taken-back">
          {t('campaigns.files.partTakenBack', { count: takenBack })}
        </Text>
      )}
      {failure !== null && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)}>
          {failureText(failure)}
        </Alert>
      )}
      {report && <ResultsReportModal report={report} onClose={() => setReport(null)} />}
    </Stack>
  );
}
