import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPlayerPlay, IconArrowBackUp, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JobRecord } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';
import { formatDateTime, formatNumber } from '#renderer/i18n/format';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

/**
 * Work the last stop cut short (the app was killed or crashed mid-import, mid-export, mid-report),
 * shown once at start with what to do: resume it, undo an import's rows, or leave it.
 */
export function InterruptedWork() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const interrupted = useQuery('jobs.list', { states: ['interrupted'] });
  const jobs = interrupted.data ?? [];
  if (jobs.length === 0) return null;
  const run = async (work: () => Promise<unknown>) => {
    await work();
    interrupted.reload();
  };
  const progress = (job: JobRecord) => (job.total > 0 ? t('jobs.progress', { done: formatNumber(locale, job.done), total: formatNumber(locale, job.total) }) : '');
  return (
    <Stack gap="xs" mb="md" data-testid="interrupted-work">
      {jobs.map((job) => (
        <Card key={job.jobId} withBorder padding="sm" data-testid={`interrupted-${job.jobId}`}>
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600}>{t('jobs.interruptedTitle', { job: t(`jobs.${job.kind}`) })}</Text>
              <Text size="sm" c="dimmed">
                {[t('jobs.interruptedWhen', { when: formatDateTime(locale, job.startedAt) }), progress(job)].filter(Boolean).join(' · ')}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={() => void run(() => act(bridge, 'jobs.resume', { id: job.jobId }, errorText))} data-testid="resume-job">
                {t('jobs.resume')}
              </Button>
              {job.importId && (
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  leftSection={<IconArrowBackUp size={14} />}
                  onClick={() => void run(async () => (await act(bridge, 'imports.undo', { id: job.importId ?? '' }, errorText)) && act(bridge, 'jobs.dismiss', { id: job.jobId }, errorText))}
                  data-testid="undo-import"
                >
                  {t('jobs.undoImport')}
                </Button>
              )}
              <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => void run(() => act(bridge, 'jobs.dismiss', { id: job.jobId }, errorText))}>
                {t('jobs.dismiss')}
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
