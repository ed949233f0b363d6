import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInfo } from '#contract';
import { formatDuration } from '#renderer/i18n/format';
import { usePhone } from './PhoneProvider';

export interface WrapUpDialogProps {
  onCreateContact: (call: CallInfo) => void;
}

/** After an answered call: what it was about and how it went, written onto the client's timeline. */
export function WrapUpDialog({ onCreateContact }: WrapUpDialogProps) {
  const { t } = useTranslation();
  const { wrapUps, finishWrapUp, calls } = usePhone();
  // Never over a call in progress: the operator finishes talking first.
  const call = calls.some((c) => c.state === 'ringing_in' || c.state === 'active') ? undefined : wrapUps[0];
  return (
    <Modal opened={call !== undefined} onClose={() => call && finishWrapUp(call.id)} title={t('wrapUp.title')} data-testid="wrap-up">
      {call && <WrapUpForm key={call.id} call={call} onCreateContact={onCreateContact} />}
    </Modal>
  );
}

function WrapUpForm({ call, onCreateContact }: { call: CallInfo; onCreateContact: (call: CallInfo) => void }) {
  const { t } = useTranslation();
  const { finishWrapUp, run } = usePhone();
  const [subject, setSubject] = useState('');
  const [outcome, setOutcome] = useState('');
  const save = async () => {
    if (subject.trim() === '') return;
    if (await run('phone.wrapUp', { callId: call.id, subject: subject.trim(), outcome: outcome.trim() === '' ? null : outcome.trim() })) finishWrapUp(call.id);
  };
  const seconds = call.answeredAt && call.endedAt ? Math.round((call.endedAt - call.answeredAt) / 1000) : 0;

  return (
        <Stack>
          <Group justify="space-between">
            <Text fw={600}>{call.contact?.fullName ?? call.remoteName ?? call.remoteNumber}</Text>
            <Text size="sm" c="dimmed">
              {call.remoteNumber} · {formatDuration(seconds)}
            </Text>
          </Group>
          {!call.contact && (
            <Button variant="light" size="xs" onClick={() => onCreateContact(call)} data-testid="wrap-up-create-contact">
              {t('incoming.createContact')}
            </Button>
          )}
          <TextInput label={t('wrapUp.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required data-autofocus data-testid="wrap-up-subject" />
          <Textarea label={t('wrapUp.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} autosize minRows={2} data-testid="wrap-up-outcome" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => finishWrapUp(call.id)} data-testid="wrap-up-skip">
              {t('wrapUp.skip')}
            </Button>
            <Button onClick={() => void save()} disabled={subject.trim() === ''} data-testid="wrap-up-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
  );
}
