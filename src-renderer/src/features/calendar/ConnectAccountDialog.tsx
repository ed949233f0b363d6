import { Modal, PasswordInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarAccount } from '#contract';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { FormFooter } from '#renderer/ui/FormFooter';

export interface ConnectAccountDialogProps {
  onClose: () => void;
  onConnected: (account: CalendarAccount) => void;
}

/** Connects a CalDAV account: the server's address, user and password, and colleagues' calendars the server does not list. */
export function ConnectAccountDialog({ onClose, onConnected }: ConnectAccountDialogProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [form, setForm] = useState({ serverUrl: '', username: '', password: '', extra: '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const [connecting, setConnecting] = useState(false);
  const extraError = Object.entries(errors.fields).find(([path]) => path.startsWith('extraCalendarUrls'))?.[1];

  const connect = async () => {
    setConnecting(true);
    const extraCalendarUrls = form.extra.split(/\s+/).filter(Boolean);
    const result = await bridge.invoke('calendar.connect', { serverUrl: form.serverUrl.trim(), username: form.username, password: form.password, extraCalendarUrls });
    setConnecting(false);
    if (result.ok) onConnected(result.value);
    else setErrors(formErrors(result.error, t, onFields('serverUrl', 'username', 'password', 'extraCalendarUrls')));
  };

  return (
    <Modal opened onClose={onClose} title={t('calendar.account.connectTitle')} size="lg">
      <Stack gap="sm" data-testid="calendar-connect-form">
        <Text size="sm" c="dimmed">
          {t('calendar.account.connectHint')}
        </Text>
        <TextInput label={t('calendar.account.serverUrl')} placeholder={t('calendar.account.serverUrlExample')} value={form.serverUrl} onChange={(e) => setForm({ ...form, serverUrl: e.currentTarget.value })} error={errors.fields.serverUrl} data-testid="calendar-connect-url" data-autofocus />
        <TextInput label={t('calendar.account.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} error={errors.fields.username} data-testid="calendar-connect-user" autoComplete="username" />
        <PasswordInput label={t('calendar.account.password')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} error={errors.fields.password} data-testid="calendar-connect-password" autoComplete="current-password" />
        <Textarea label={t('calendar.account.extraUrls')} description={t('calendar.account.extraUrlsHint')} value={form.extra} onChange={(e) => setForm({ ...form, extra: e.currentTarget.value })} autosize minRows={2} error={extraError} />
        <FormFooter error={errors.form} onCancel={onClose} onSubmit={() => void connect()} submitting={connecting} submitLabel={t('calendar.account.connect')} testId="calendar-connect-submit" />
      </Stack>
    </Modal>
  );
}
