import { Alert, Button, Card, Group, Kbd, Stack, Text, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDisposition, OperatorSession } from '#contract';
import { useBridge } from '#renderer/api/client';
import { DateTimeField } from '#renderer/ui/DateField';
import { useErrorText } from '#renderer/ui/useErrorText';
import { wallClockToEpoch } from './session-clock';

export interface WrapUpPanelProps {
  session: OperatorSession;
  dispositions: readonly CampaignDisposition[];
  onSession: (session: OperatorSession) => void;
}

/**
 * The conversation's disposition: one button per disposition, each also on its hotkey; a callback asks
 * for the time the client named (in the client's zone) first; a note goes with it. Main may refuse (a
 * required questionnaire answer missing): the refusal is said here and the wrap-up stays.
 */
export function WrapUpPanel({ session, dispositions, onSession }: WrapUpPanelProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const [callback, setCallback] = useState<CampaignDisposition | null>(null);
  const [callbackAt, setCallbackAt] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const zone = session.entry?.timeZone ?? null;

  const dispose = async (disposition: CampaignDisposition, at: number | null) => {
    if (sending) return;
    setSending(true);
    const result = await bridge.invoke('dialer.dispose', { dispositionId: disposition.id, callbackAt: at, note });
    setSending(false);
    if (!result.ok) return setRefusal(errorText(result.error));
    setRefusal(null);
    onSession(result.value);
  };
  const choose = (disposition: CampaignDisposition) => {
    if (disposition.kind !== 'callback') return void dispose(disposition, null);
    setCallback(disposition);
    setRefusal(null);
  };
  useHotkeys(dispositions.flatMap((d) => (d.hotkey ? [[d.hotkey.toLowerCase(), () => choose(d)] as [string, () => void]] : [])));

  return (
    <Card withBorder padding="md" data-testid="session-wrap-up">
      <Stack gap="sm">
        <Text fw={600}>{t('dialer.wrapUp.title')}</Text>
        <Group gap="xs">
          {dispositions.map((d) => (
            <Button
              key={d.id}
              size="md"
              variant={callback?.id === d.id ? 'filled' : 'light'}
              color={d.success ? 'green' : d.optOut ? 'red' : d.kind === 'callback' ? 'violet' : 'blue'}
              leftSection={d.hotkey && <Kbd size="xs">{d.hotkey}</Kbd>}
              onClick={() => choose(d)}
              disabled={sending}
              data-testid="disposition-button"
              data-disposition={d.id}
            >
              {d.label}
            </Button>
          ))}
        </Group>
        {callback && (
          <Group gap="xs" align="flex-end">
            <DateTimeField
              label={zone ? t('dialer.wrapUp.callbackAtZone', { zone }) : t('dialer.wrapUp.callbackAt')}
              value={callbackAt}
              onChange={setCallbackAt}
              w={300}
              data-testid="callback-at"
            />
            <Button disabled={callbackAt === null || sending} onClick={() => callbackAt && void dispose(callback, wallClockToEpoch(callbackAt, zone))} data-testid="callback-confirm">
              {t('dialer.wrapUp.scheduleCallback')}
            </Button>
          </Group>
        )}
        <Textarea label={t('dialer.wrapUp.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="wrap-up-note" />
        {refusal && (
          <Alert color="red" role="alert" data-testid="dispose-refused">
            {refusal}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
