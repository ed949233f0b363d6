import { Anchor, Badge, Button, Chip, Group, Select, Stack, Text, Timeline as MantineTimeline } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconMail, IconNote, IconPhoneIncoming, IconPhoneOutgoing, IconTargetArrow, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interactionKinds, type InteractionKind, type Milestone, type TimelineItem } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatDateTime, formatDuration } from '#renderer/i18n/format';
import { stageName } from '#renderer/i18n/stage-name';
import { useErrorText } from '#renderer/ui/useErrorText';
import { CallScriptSummary } from './CallScriptSummary';
import { RecordingPlayer } from './RecordingPlayer';

export interface TimelineProps {
  subject: { contactId: string } | { companyId: string };
  /** Bumped by the card when it adds something, to reload from the top. */
  version: number;
}

function TimelineEntry({ item, showContact, onComplete }: { item: TimelineItem; showContact: boolean; onComplete: (item: TimelineItem) => void }) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  return (
    <MantineTimeline.Item
      bullet={<KindIcon item={item} />}
      title={`${t(`interaction.${item.kind}`)}${item.direction ? ` (${t(`interaction.${item.direction}`)})` : ''}: ${item.subject || (item.call ? t(`disposition.${item.call.disposition}`) : '')}`}
      data-testid="timeline-item"
    >
      <Text size="xs" c="dimmed">
        {[formatDateTime(locale, item.occurredAt), item.employeeName, showContact ? item.contact?.name : null, item.durationSeconds !== null ? formatDuration(item.durationSeconds) : null].filter(Boolean).join(' · ')}
      </Text>
      {item.outcome && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {item.outcome}
        </Text>
      )}
      <Group gap={6}>
        {item.participants.length > 0 && <Text size="xs">{t('timeline.with', { names: item.participants.map((p) => p.name).join(', ') })}</Text>}
        {item.deal && (
          <Badge size="xs" variant="outline">
            {item.deal.name}
          </Badge>
        )}
        {item.call && item.subject !== '' && item.call.disposition !== 'answered' && (
          <Badge size="xs" variant="light">
            {t(`disposition.${item.call.disposition}`)}
          </Badge>
        )}
        {item.call?.hasRecording && <RecordingPlayer interactionId={item.id} />}
        {item.complaint && (
          <Badge size="xs" variant="outline" color="orange">
            {t('complaints.number', { number: item.complaint.number })}
          </Badge>
        )}
        {item.kind === 'planned' && item.completedAt === null && (
          <Anchor size="xs" component="button" onClick={() => onComplete(item)}>
            {t('timeline.markDone')}
          </Anchor>
        )}
        {item.kind === 'planned' && item.completedAt !== null && (
          <Badge size="xs" color="green">
            {t('timeline.done')}
          </Badge>
        )}
      </Group>
      {item.call?.scripted && <CallScriptSummary interactionId={item.id} />}
    </MantineTimeline.Item>
  );
}

function KindIcon({ item }: { item: TimelineItem }) {
  switch (item.kind) {
    case 'call':
      return item.direction === 'in' ? <IconPhoneIncoming size={14} /> : <IconPhoneOutgoing size={14} />;
    case 'meeting':
      return <IconUsers size={14} />;
    case 'email':
      return <IconMail size={14} />;
    case 'planned':
      return <IconCalendarEvent size={14} />;
    case 'note':
      return <IconNote size={14} />;
  }
}

/** The whole history with a client, newest first, filtered by kind and by colleague, with who works with them. */
export function Timeline({ subject, version }: TimelineProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const [kinds, setKinds] = useState<InteractionKind[]>([]);
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const filter = { ...subject, ...(kinds.length > 0 ? { kinds } : {}), ...(employeeId ? { employeeId } : {}), limit: 30 };
  const page = useQuery('timeline.list', filter);
  const reloadPage = page.reload;
  useEffect(() => {
    if (version > 0 || reload > 0) reloadPage();
  }, [version, reload, reloadPage]);
  // Older pages belong to one filter and one version of the history; any change starts from the top again.
  const key = JSON.stringify(filter) + version + reload;
  const [olderPages, setOlderPages] = useState<{ key: string; items: TimelineItem[]; milestones: Milestone[]; before: number | null }>({ key, items: [], milestones: [], before: null });
  const older = olderPages.key === key ? olderPages.items : [];
  const olderMilestones = olderPages.key === key ? olderPages.milestones : [];
  const olderBefore = olderPages.key === key ? olderPages.before : null;

  const loadMore = async () => {
    const before = olderBefore ?? page.data?.nextBefore;
    if (!before) return;
    const next = await act(bridge, 'timeline.list', { ...filter, before }, errorText);
    if (next) setOlderPages({ key, items: [...older, ...next.items], milestones: [...olderMilestones, ...next.milestones], before: next.nextBefore ?? 0 });
  };
  const complete = async (item: TimelineItem) => {
    if (await act(bridge, 'interactions.complete', { id: item.id }, errorText)) setReload((r) => r + 1);
  };

  const items = [...(page.data?.items ?? []), ...older];
  const entries: ({ at: number; item: TimelineItem } | { at: number; milestone: Milestone })[] = [
    ...items.map((item) => ({ at: item.occurredAt, item })),
    ...[...(page.data?.milestones ?? []), ...olderMilestones].map((milestone) => ({ at: milestone.at, milestone })),
  ].sort((a, b) => b.at - a.at);
  const more = olderBefore === null ? page.data?.nextBefore : olderBefore || null;
  return (
    <Stack gap="sm" data-testid="timeline">
      {(page.data?.colleagues.length ?? 0) > 0 && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('timeline.colleagues')}
          </Text>
          {page.data?.colleagues.map((c) => (
            <Badge key={c.employee.id} variant="light" title={t('timeline.colleagueDetail', { contacts: t('timeline.colleagueContacts', { count: c.interactions }), deals: t('timeline.colleagueDeals', { count: c.openDeals }), complaints: t('timeline.colleagueComplaints', { count: c.openComplaints }) })}>
              {c.employee.name} · {c.interactions}
            </Badge>
          ))}
        </Group>
      )}
      <Group gap="xs">
        <Chip.Group multiple value={kinds} onChange={(v) => setKinds(v)}>
          {interactionKinds.map((k) => (
            <Chip key={k} value={k} size="xs">
              {t(`interaction.${k}`)}
            </Chip>
          ))}
        </Chip.Group>
        <Select
          size="xs"
          w={200}
          placeholder={t('timeline.anyColleague')}
          data={(page.data?.colleagues ?? []).map((c) => ({ value: c.employee.id, label: c.employee.name }))}
          value={employeeId}
          onChange={setEmployeeId}
          clearable
          aria-label={t('timeline.anyColleague')}
        />
      </Group>
      {entries.length === 0 && !page.loading && <Text c="dimmed">{t('card.noHistory')}</Text>}
      <MantineTimeline bulletSize={22} lineWidth={2}>
        {entries.map((entry) =>
          'milestone' in entry ? (
            <MantineTimeline.Item
              key={`${entry.milestone.kind}-${entry.milestone.id}-${entry.at}`}
              bullet={entry.milestone.kind === 'deal' ? <IconTargetArrow size={14} /> : <IconAlertTriangle size={14} />}
              title={
                entry.milestone.kind === 'deal'
                  ? t('timeline.dealMilestone', { title: entry.milestone.title, to: stageName(t, { name: entry.milestone.to, key: entry.milestone.toKey }) })
                  : t('timeline.complaintMilestone', { number: entry.milestone.number, title: entry.milestone.title, to: t(`complaintState.${entry.milestone.to}`) })
              }
              data-testid="timeline-milestone"
            >
              <Text size="xs" c="dimmed">
                {[formatDateTime(locale, entry.at), entry.milestone.employeeName].filter(Boolean).join(' · ')}
              </Text>
            </MantineTimeline.Item>
          ) : (
            <TimelineEntry key={entry.item.id} item={entry.item} showContact={'companyId' in subject} onComplete={(item) => void complete(item)} />
          ),
        )}
      </MantineTimeline>
      {more ? (
        <Button variant="subtle" size="xs" onClick={() => void loadMore()} w="fit-content">
          {t('timeline.older')}
        </Button>
      ) : null}
    </Stack>
  );
}
