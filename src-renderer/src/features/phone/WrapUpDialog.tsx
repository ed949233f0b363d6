import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInfo } from '#contract';
import { useBridge, useQuery } from '#renderer/api/client';
import { formatDuration } from '#renderer/i18n/format';
import { PlanItemButton } from '#renderer/features/calendar/PlanItemButton';
import { QuestionnaireForm } from '#renderer/features/scripts-runner/QuestionnaireForm';
import { useResponse } from '#renderer/features/scripts-runner/useResponse';
import { useErrorText } from '#renderer/ui/useErrorText';
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
    <Modal opened={call !== undefined} onClose={() => call && finishWrapUp(call.id)} title={t('wrapUp.title')} size="lg" data-testid="wrap-up">
      {call && <WrapUpForm key={call.id} call={call} onCreateContact={onCreateContact} />}
    </Modal>
  );
}

function WrapUpForm({ call, onCreateContact }: { call: CallInfo; onCreateContact: (call: CallInfo) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { finishWrapUp } = usePhone();
  const [subject, setSubject] = useState('');
  const [outcome, setOutcome] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  // The call's questionnaire, if its script had one: required answers still missing hold the wrap-up back.
  const scriptRun = useQuery('scriptRuns.get', { callId: call.interactionId ?? call.id });
  const response = useResponse(scriptRun.data?.responseId ?? null);
  const missing = response.state ? response.state.missingRequired : [];
  const labels = new Map(response.state?.definition.sections.flatMap((s) => s.questions.map((q) => [q.id, q.label] as const)));
  const save = async () => {
    if (subject.trim() === '') return;
    await response.flush();
    const result = await bridge.invoke('phone.wrapUp', { callId: call.id, subject: subject.trim(), outcome: outcome.trim() === '' ? null : outcome.trim() });
    if (result.ok) return finishWrapUp(call.id);
    // Refused, most likely for the answers still missing: the questionnaire opens here with them marked.
    setRefusal(errorText(result.error));
    response.reload();
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
          {missing.length > 0 && (
            <Alert color="orange" p="xs" data-testid="wrap-up-missing">
              {t('scriptRunner.missingAnswers', { count: missing.length, questions: missing.map((id) => labels.get(id) ?? id).join(', ') })}
            </Alert>
          )}
          {refusal !== null && (
            <Text size="sm" c="red" data-testid="wrap-up-refused">
              {refusal}
            </Text>
          )}
          {refusal !== null && response.state && <QuestionnaireForm response={{ ...response, state: response.state }} showMissing />}
          <TextInput label={t('wrapUp.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required data-autofocus data-testid="wrap-up-subject" />
          <Textarea label={t('wrapUp.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} autosize minRows={2} data-testid="wrap-up-outcome" />
          <Group justify="flex-end">
            {call.contact && (
              // A meeting agreed on the call goes into the calendar, tied to the client and to this call.
              <PlanItemButton
                mr="auto"
                label={t('wrapUp.planMeeting')}
                testId="wrap-up-plan"
                prefill={{ kind: 'meeting', title: call.contact.fullName, contactId: call.contact.id, contactName: call.contact.fullName, callId: call.interactionId ?? null }}
              />
            )}
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
