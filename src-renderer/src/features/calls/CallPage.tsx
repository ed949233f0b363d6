import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPhoneIncoming, IconPhoneOutgoing } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaCall } from '#contract';
import { useQuery } from '#renderer/api/client';
import { CallReviews } from '#renderer/features/quality/CallReviews';
import { scoreColor } from '#renderer/features/quality/score-color';
import { RecordingPlayer } from '#renderer/features/timeline/RecordingPlayer';
import { formatDateTime, formatDuration, formatNumber } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { CallScriptPath } from './CallScriptPath';

export interface CallPageProps {
  callId: string;
  onBack: () => void;
  onOpenContact: (id: string) => void;
}

/** One call: what happened, its recording, the script path and answers beside it, and its quality reviews. */
export function CallPage({ callId, onBack, onOpenContact }: CallPageProps) {
  const { t } = useTranslation();
  const call = useQuery('quality.call', { callId });
  return (
    <Stack data-testid="call-page">
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="call-page-back">
          {t('quality.call.back')}
        </Button>
      </Group>
      {call.error && <ErrorNotice error={call.error} onRetry={call.reload} />}
      {call.data && (
        <>
          <CallFacts call={call.data} onOpenContact={onOpenContact} />
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card withBorder data-testid="call-recording">
                <Text fw={600} mb={6}>
                  {t('quality.call.recording')}
                </Text>
                {call.data.hasRecording ? (
                  <RecordingPlayer interactionId={call.data.id} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('quality.call.noRecording')}
                  </Text>
                )}
              </Card>
              <Card withBorder mt="md">
                <CallScriptPath callId={call.data.id} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <CallReviews call={call.data} onChanged={call.reload} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

function CallFacts({ call, onOpenContact }: { call: QaCall; onOpenContact: (id: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const seconds = (value: number | null) => (value === null ? t('common.unknown') : formatDuration(value));
  const latest = call.reviews[0];
  const facts: [string, ReactNode][] = [
    [t('quality.call.when'), formatDateTime(locale, call.occurredAt)],
    [t('quality.call.number'), call.remoteNumber ?? t('common.unknown')],
    [
      t('quality.call.contact'),
      call.contact ? (
        <Anchor component="button" onClick={() => call.contact && onOpenContact(call.contact.id)} data-testid="call-page-contact">
          {call.contact.name}
        </Anchor>
      ) : (
        (call.remoteName ?? t('common.unknown'))
      ),
    ],
    [t('quality.call.operator'), call.operator?.name ?? t('common.unknown')],
    [t('quality.call.campaign'), call.campaign?.name ?? t('common.unknown')],
    [t('quality.call.disposition'), call.disposition ? <Badge variant="light">{t(`disposition.${call.disposition}`)}</Badge> : t('common.unknown')],
    [t('quality.call.duration'), seconds(call.durationSeconds)],
    [t('quality.call.talk'), seconds(call.talkSeconds)],
    [t('quality.call.hold'), seconds(call.holdSeconds)],
    [t('quality.call.wrapUp'), seconds(call.wrapUpSeconds)],
    [t('quality.call.mos'), call.mos === null ? t('common.unknown') : formatNumber(locale, call.mos)],
    [t('quality.call.quality'), latest ? <Badge color={scoreColor(latest.score)}>{formatNumber(locale, latest.score)}</Badge> : t('quality.call.notReviewed')],
  ];
  return (
    <Card withBorder data-testid="call-facts">
      <Group gap="xs" mb="sm">
        {call.direction === 'in' ? <IconPhoneIncoming size={20} aria-label={t('interaction.in')} /> : <IconPhoneOutgoing size={20} aria-label={t('interaction.out')} />}
        <Title order={3}>{call.subject || t('quality.call.title')}</Title>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm" component="div">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {call.outcome && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {call.outcome}
        </Text>
      )}
    </Card>
  );
}
