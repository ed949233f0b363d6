import { Anchor, Badge, Button, Checkbox, Divider, Drawer, Group, Loader, Modal, Select, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { complaintResults, type ComplaintCard, type ComplaintState } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { goTo } from '#renderer/routing/useHashRoute';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatDate, formatDateTime } from '#renderer/i18n/format';
import { DateField } from '#renderer/ui/DateField';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useErrorText } from '#renderer/ui/useErrorText';

/** The moves the complaint state machine allows, as buttons (main checks them again). */
const moves: Record<ComplaintState, { to: ComplaintState; key: string }[]> = {
  new: [{ to: 'investigating', key: 'start' }],
  investigating: [{ to: 'resolved', key: 'resolve' }],
  resolved: [
    { to: 'closed', key: 'close' },
    { to: 'investigating', key: 'reopen' },
  ],
  closed: [{ to: 'investigating', key: 'reopen' }],
};

export interface ComplaintDrawerProps {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}

/** A complaint from registration to closing: the plan, what was done, the resolution. */
export function ComplaintDrawer({ id, onClose, onChanged }: ComplaintDrawerProps) {
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl">
      {id && <ComplaintBody id={id} onChanged={onChanged} />}
    </Drawer>
  );
}

function ComplaintBody({ id, onChanged }: { id: string; onChanged: () => void }) {
  const complaint = useQuery('complaints.get', { id });
  if (complaint.error) return <ErrorNotice error={complaint.error} onRetry={complaint.reload} />;
  if (!complaint.data) return <Loader />;
  return (
    <ComplaintContent
      complaint={complaint.data}
      refresh={() => {
        complaint.reload();
        onChanged();
      }}
    />
  );
}

function ComplaintContent({ complaint, refresh }: { complaint: ComplaintCard; refresh: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const [step, setStep] = useState({ title: '', assigneeId: null as string | null, due: '' });
  const [action, setAction] = useState('');
  const [moving, setMoving] = useState<{ to: ComplaintState; key: string } | null>(null);
  const closed = complaint.state === 'closed';

  const run = async (promise: Promise<unknown>) => {
    if (await promise) refresh();
  };

  return (
    <Stack gap="sm" data-testid="complaint-card">
      <Group justify="space-between">
        <Title order={3}>
          {t('complaints.number', { number: complaint.number })}: {complaint.subject}
        </Title>
        <Badge size="lg" color={complaint.state === 'closed' ? 'gray' : complaint.state === 'resolved' ? 'green' : 'orange'} data-testid="complaint-state">
          {t(`complaintState.${complaint.state}`)}
        </Badge>
      </Group>
      <Group gap="md">
        {complaint.contact && (
          <Anchor onClick={() => goTo({ area: 'contacts', id: complaint.contact?.id ?? null })}>{complaint.contact.name}</Anchor>
        )}
        {complaint.company && <Text>{complaint.company.name}</Text>}
        {complaint.cause && <Badge variant="light">{complaint.cause.name}</Badge>}
        {complaint.responsible && <Text size="sm">{t('card.responsible', { name: complaint.responsible.name })}</Text>}
        <Text size="sm" c="dimmed">
          {t('complaints.registered', { date: formatDateTime(locale, complaint.registeredAt) })}
        </Text>
      </Group>
      {complaint.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{complaint.description}</Text>}
      {complaint.resolution && (
        <Text>
          <Text span fw={600}>
            {t('complaints.resolution')}:
          </Text>{' '}
          {complaint.resolution} {complaint.result && `(${t(`complaintResult.${complaint.result}`)})`}
        </Text>
      )}
      <Group>
        {moves[complaint.state].map((move) => (
          <Button key={move.key} size="xs" variant={move.key === 'reopen' ? 'default' : 'filled'} onClick={() => setMoving(move)} data-testid={`complaint-${move.key}`}>
            {t(`complaints.move.${move.key}`)}
          </Button>
        ))}
      </Group>

      <Divider label={t('complaints.plan')} labelPosition="left" />
      {complaint.steps.map((s) => (
        <Group key={s.id} gap="xs">
          <Checkbox
            checked={s.doneAt !== null}
            disabled={s.doneAt !== null || closed}
            onChange={() => void run(act(bridge, 'complaints.completeStep', { complaintId: complaint.id, stepId: s.id }, errorText))}
            label={s.title}
            data-testid="complaint-step"
          />
          <Text size="xs" c="dimmed">
            {[s.assignee?.name, s.dueAt ? t('complaints.due', { date: formatDate(locale, s.dueAt) }) : null].filter(Boolean).join(' · ')}
          </Text>
        </Group>
      ))}
      {!closed && (
        <Group align="flex-end" gap="xs">
          <TextInput label={t('complaints.newStep')} value={step.title} onChange={(e) => setStep({ ...step, title: e.currentTarget.value })} style={{ flex: 1 }} data-testid="complaint-step-title" />
          <EmployeeSelect label={t('complaints.assignee')} value={step.assigneeId} onChange={(id) => setStep({ ...step, assigneeId: id })} />
          <DateField label={t('complaints.dueDate')} value={step.due || null} onChange={(value) => setStep({ ...step, due: value ?? '' })} />
          <Button
            disabled={!step.title.trim()}
            data-testid="complaint-add-step"
            onClick={() => {
              void run(act(bridge, 'complaints.addStep', { complaintId: complaint.id, title: step.title, assigneeId: step.assigneeId, dueAt: step.due ? new Date(step.due).getTime() : null }, errorText));
              setStep({ title: '', assigneeId: null, due: '' });
            }}
          >
            {t('common.add')}
          </Button>
        </Group>
      )}

      <Divider label={t('complaints.history')} labelPosition="left" />
      {!closed && (
        <Group align="flex-end" gap="xs">
          <TextInput label={t('complaints.action')} value={action} onChange={(e) => setAction(e.currentTarget.value)} style={{ flex: 1 }} data-testid="complaint-action" />
          <Button
            disabled={!action.trim()}
            onClick={() => {
              void run(act(bridge, 'complaints.addAction', { complaintId: complaint.id, text: action }, errorText));
              setAction('');
            }}
          >
            {t('common.add')}
          </Button>
        </Group>
      )}
      <Timeline bulletSize={12}>
        {complaint.events.map((e) => (
          <Timeline.Item key={e.id} title={eventTitle(t, e)}>
            <Text size="xs" c="dimmed">
              {[formatDateTime(locale, e.at), e.employee, e.kind === 'state' ? e.text : null].filter(Boolean).join(' · ')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {moving && (
        <MoveDialog
          complaint={complaint}
          move={moving}
          onClose={() => setMoving(null)}
          onMoved={() => {
            setMoving(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

function MoveDialog({ complaint, move, onClose, onMoved }: { complaint: ComplaintCard; move: { to: ComplaintState; key: string }; onClose: () => void; onMoved: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [resolution, setResolution] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const submit = async () => {
    const moved = await act(
      bridge,
      'complaints.transition',
      {
        id: complaint.id,
        to: move.to,
        ...(move.key === 'resolve' ? { resolution, result: result as (typeof complaintResults)[number] } : {}),
        ...(note.trim() ? { note } : {}),
      },
      errorText,
    );
    if (moved) onMoved();
  };
  const ready = move.key === 'resolve' ? resolution.trim() !== '' && result !== null : move.key === 'reopen' ? note.trim() !== '' : true;
  return (
    <Modal opened onClose={onClose} title={t(`complaints.move.${move.key}`)}>
      <Stack gap="sm" data-testid="complaint-move">
        {move.key === 'resolve' && (
          <>
            <Textarea label={t('complaints.resolution')} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} autosize minRows={2} data-testid="complaint-resolution" />
            <Select label={t('complaints.result')} data={complaintResults.map((r) => ({ value: r, label: t(`complaintResult.${r}`) }))} value={result} onChange={setResult} data-testid="complaint-result" />
          </>
        )}
        <TextInput label={move.key === 'reopen' ? t('complaints.reopenWhy') : t('complaints.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!ready} onClick={() => void submit()} data-testid="complaint-move-confirm">
            {t(`complaints.move.${move.key}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** An event's headline in the interface language: registered, the state reached, the step planned or done, or the action in the operator's own words. */
function eventTitle(t: TFunction, event: ComplaintCard['events'][number]): string {
  switch (event.kind) {
    case 'state':
      if (event.fromState === null) return t('complaints.event.registered');
      return event.toState ? t(`complaintState.${event.toState}`) : '';
    case 'step_planned':
      return t('complaints.event.stepPlanned', { title: event.text });
    case 'step_done':
      return t('complaints.event.stepDone', { title: event.text });
    case 'action':
      return event.text;
  }
}
