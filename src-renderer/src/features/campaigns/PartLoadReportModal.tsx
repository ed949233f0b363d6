import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartLoadReport } from '#contract';
import { AppliedCountsText } from './AppliedCountsText';
import { FileIssues } from './FileIssues';

export interface PartLoadReportModalProps {
  report: PartLoadReport;
  onClose: () => void;
}

/** What loading an operator's part did here: the campaign, its numbers and people, the rules it was prepared under, the items refused. */
export function PartLoadReportModal({ report, onClose }: PartLoadReportModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('campaigns.files.partLoaded', { name: report.campaignName })} size="lg">
      <Stack gap="xs" data-testid="part-load-report">
        <Text size="sm">{t(`campaigns.files.campaign.${report.campaign}`)}</Text>
        <AppliedCountsText label={t('campaigns.files.entries')} counts={report.entries} />
        <Text size="sm">{t('campaigns.files.contacts', report.contacts)}</Text>
        <AppliedCountsText label={t('campaigns.files.attempts')} counts={report.attempts} />
        <AppliedCountsText label={t('campaigns.files.doNotCall')} counts={report.doNotCall} />
        <AppliedCountsText label={t('campaigns.files.consents')} counts={report.consents} />
        {report.profiles
          .filter((p) => p.here !== p.version)
          .map((p) => (
            <Alert key={p.id} color="orange" p="xs">
              {p.here === null ? t('campaigns.files.profileMissing', { profile: p.id, version: p.version }) : t('campaigns.files.profileDiffers', { profile: p.id, version: p.version, here: p.here })}
            </Alert>
          ))}
        {report.rejected.length > 0 && <Text fw={500}>{t('campaigns.files.rejected', { count: report.rejected.length })}</Text>}
        <FileIssues issues={report.rejected} testId="part-load-rejected" />
        {report.flagged.length > 0 && <Text fw={500}>{t('campaigns.files.flagged', { count: report.flagged.length })}</Text>}
        <FileIssues issues={report.flagged} testId="part-load-flagged" />
      </Stack>
    </Modal>
  );
}
