import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultsImportReport } from '#contract';
import { AppliedCountsText } from './AppliedCountsText';
import { FileIssues } from './FileIssues';

export interface ResultsReportModalProps {
  report: ResultsImportReport;
  onClose: () => void;
}

/** What a results file from another workstation changed here. */
export function ResultsReportModal({ report, onClose }: ResultsReportModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('campaigns.files.resultsImported')} size="lg">
      <Stack gap="xs" data-testid="results-import-report">
        <AppliedCountsText label={t('campaigns.files.entries')} counts={report.entries} />
        <AppliedCountsText label={t('campaigns.files.attempts')} counts={report.attempts} />
        <AppliedCountsText label={t('campaigns.files.optOuts')} counts={report.optOuts} />
        <Text size="sm">{t('campaigns.files.contactsOptedOut', { count: report.contactsOptedOut })}</Text>
        {report.rejected.length > 0 && <Text fw={500}>{t('campaigns.files.rejected', { count: report.rejected.length })}</Text>}
        <FileIssues issues={report.rejected} testId="results-rejected" />
        {report.flagged.length > 0 && <Text fw={500}>{t('campaigns.files.flagged', { count: report.flagged.length })}</Text>}
        <FileIssues issues={report.flagged} testId="results-flagged" />
      </Stack>
    </Modal>
  );
}
