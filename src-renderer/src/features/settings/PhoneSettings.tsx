import { Alert, Button, Card, Group, PasswordInput, Progress, Select, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IceServer, MethodOutput, PhoneShortcutAction, SipAccount } from '#contract';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { usePhone } from '#renderer/features/phone/PhoneProvider';
import { shortcutOrder } from '#renderer/features/phone/shortcuts';
import { HeadsetSettings } from './HeadsetSettings';

/** The account form's fields that show their own errors. */
const accountFields = onFields('label', 'displayName', 'wsUrl', 'sipUri', 'authUser', 'password', 'iceServers');

/** ICE servers as the operator types them, one per line: "stun:host:port" or "turn:host:port user password". */
export function parseIceServers(text: string): IceServer[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [urls = '', username, credential] = line.split(/\s+/);
      return { urls, ...(username ? { username } : {}), ...(credential ? { credential } : {}) };
    });
}

/** Stored TURN passwords are never sent back: a line without one keeps the stored password. */
function iceText(servers: SipAccount['iceServers']): string {
  return servers.map((s) => [s.urls, s.username].filter(Boolean).join(' ')).join('\n');
}

const emptyDraft = { id: undefined as string | undefined, label: '', wsUrl: '', sipUri: '', authUser: '', password: '', displayName: '', ice: '', iceWithPassword: 0, hasPassword: false, record: false, consentAnnouncement: false };
type Draft = typeof emptyDraft;

function draftOf(account: SipAccount): Draft {
  return {
    id: account.id,
    label: account.label,
    wsUrl: account.wsUrl,
    sipUri: account.sipUri,
    authUser: account.authUser,
    password: '',
    displayName: account.displayName,
    ice: iceText(account.iceServers),
    iceWithPassword: account.iceServers.filter((s) => s.hasCredential).length,
    hasPassword: account.hasPassword,
    record: account.record,
    consentAnnouncement: account.consentAnnouncement,
  };
}

/** The SIP account (PBX connection) with a connection test, audio devices, ringtone and shortcuts. */
export function PhoneSettings() {
  return (
    <>
      <SipAccountEditor />
      <AudioSettings />
      <HeadsetSettings />
      <ShortcutSettings />
    </>
  );
}

function SipAccountEditor() {
  const accounts = useQuery('phone.accounts', {});
  if (!accounts.data) return null;
  const first = accounts.data[0];
  return <SipAccountForm key={first?.id ?? 'new'} account={first} onChanged={accounts.reload} />;
}

function SipAccountForm({ account, onChanged }: { account: SipAccount | undefined; onChanged: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [draft, setDraft] = useState<Draft>(account ? draftOf(account) : emptyDraft);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const [test, setTest] = useState<MethodOutput<'phone.testAccount'> | 'running' | null>(null);
  const [saved, setSaved] = useState(false);

  const input = () => ({
    ...(draft.id ? { id: draft.id } : {}),
    label: draft.label,
    wsUrl: draft.wsUrl,
    sipUri: draft.sipUri,
    authUser: draft.authUser,
    displayName: draft.displayName,
    iceServers: parseIceServers(draft.ice),
    record: draft.record,
    consentAnnouncement: draft.consentAnnouncement,
    // Leaving the field empty keeps the stored password.
    ...(draft.password !== '' || !draft.hasPassword ? { password: draft.password } : {}),
  });
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const save = async () => {
    const result = await bridge.invoke('phone.saveAccount', input());
    if (!result.ok) {
      setErrors(formErrors(result.error, t, accountFields));
      return;
    }
    setErrors({ fields: {}, form: null });
    setDraft(draftOf(result.value));
    setSaved(true);
    onChanged();
  };
  const runTest = async () => {
    setTest('running');
    const result = await bridge.invoke('phone.testAccount', input());
    if (result.ok) {
      setErrors({ fields: {}, form: null });
      setTest(result.value);
    } else {
      setErrors(formErrors(result.error, t, accountFields));
      setTest(null);
    }
  };
  const remove = async () => {
    if (!draft.id) return;
    const result = await bridge.invoke('phone.deleteAccount', { id: draft.id });
    if (result.ok) {
      setDraft(emptyDraft);
      onChanged();
    }
  };
  const field = (name: keyof Draft) => errors.fields[name];

  return (
    <Card withBorder data-testid="sip-account">
      <Title order={4}>{t('sip.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sip.hint')}
      </Text>
      <Stack gap="xs">
        <Group grow>
          <TextInput label={t('sip.label')} value={draft.label} onChange={(e) => set({ label: e.currentTarget.value })} error={field('label')} data-testid="sip-label" />
          <TextInput label={t('sip.displayName')} value={draft.displayName} onChange={(e) => set({ displayName: e.currentTarget.value })} error={field('displayName')} />
        </Group>
        <TextInput label={t('sip.wsUrl')} placeholder={t('sip.wsUrlExample')} value={draft.wsUrl} onChange={(e) => set({ wsUrl: e.currentTarget.value })} error={field('wsUrl')} data-testid="sip-ws-url" />
        <Group grow>
          <TextInput label={t('sip.sipUri')} placeholder={t('sip.sipUriExample')} value={draft.sipUri} onChange={(e) => set({ sipUri: e.currentTarget.value })} error={field('sipUri')} data-testid="sip-uri" />
          <TextInput label={t('sip.authUser')} value={draft.authUser} onChange={(e) => set({ authUser: e.currentTarget.value })} error={field('authUser')} data-testid="sip-auth-user" />
          <PasswordInput
            label={t('sip.password')}
            placeholder={draft.hasPassword ? t('sip.passwordStored') : ''}
            value={draft.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
            error={field('password')}
            data-testid="sip-password"
          />
        </Group>
        <Textarea label={t('sip.iceServers')} description={draft.iceWithPassword > 0 ? `${t('sip.iceHint')}. ${t('sip.iceStoredPasswords', { count: draft.iceWithPassword })}` : t('sip.iceHint')} value={draft.ice} onChange={(e) => set({ ice: e.currentTarget.value })} autosize minRows={1} error={Object.entries(errors.fields).find(([k]) => k.startsWith('iceServers'))?.[1]} />
        <Group>
          <Switch label={t('sip.record')} checked={draft.record} onChange={(e) => set({ record: e.currentTarget.checked })} data-testid="sip-record" />
          <Switch
            label={t('sip.consentAnnouncement')}
            checked={draft.consentAnnouncement}
            disabled={!draft.record}
            onChange={(e) => set({ consentAnnouncement: e.currentTarget.checked })}
            data-testid="sip-consent"
          />
        </Group>
        {errors.form && <Alert color="red">{errors.form}</Alert>}
        {test && test !== 'running' && (
          <Alert color={test.ok ? 'green' : 'red'} data-testid="sip-test-result">
            {test.ok ? t('sip.testOk') : t(`sip.problem.${test.problem ?? 'rejected'}`, { detail: test.detail })}
          </Alert>
        )}
        {saved && <Text size="sm" c="green">{t('sip.saved')}</Text>}
        <Group>
          <Button variant="default" loading={test === 'running'} onClick={() => void runTest()} data-testid="sip-test">
            {t('sip.test')}
          </Button>
          <Button onClick={() => void save()} data-testid="sip-save">
            {t('common.save')}
          </Button>
          {draft.id && (
            <Button color="red" variant="subtle" onClick={() => void remove()}>
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The microphone's level, so the operator sees it works before a call. */
function useMicrophoneLevel(deviceId: string | null, on: boolean): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!on) return;
    let stopped = false;
    let frame = 0;
    let stream: MediaStream | undefined;
    let context: AudioContext | undefined;
    void navigator.mediaDevices
      .getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true })
      .then((s) => {
        if (stopped) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        context = new AudioContext();
        const analyser = context.createAnalyser();
        analyser.fftSize = 512;
        context.createMediaStreamSource(s).connect(analyser);
        const samples = new Uint8Array(analyser.fftSize);
        const tick = () => {
          analyser.getByteTimeDomainData(samples);
          let peak = 0;
          for (const v of samples) peak = Math.max(peak, Math.abs(v - 128));
          setLevel(Math.min(100, (peak / 128) * 100));
          frame = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch(() => setLevel(0));
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
      void context?.close();
    };
  }, [deviceId, on]);
  return level;
}

function AudioSettings() {
  const { t } = useTranslation();
  const { settings, updateSettings } = useWorkplace();
  const { calls } = usePhone();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [testing, setTesting] = useState(false);
  const [notificationsAsked, setNotificationsAsked] = useState(() => (typeof Notification === 'undefined' ? 'granted' : Notification.permission));
  useEffect(() => {
    const load = () => void navigator.mediaDevices?.enumerateDevices().then(setDevices);
    load();
    navigator.mediaDevices?.addEventListener('devicechange', load);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', load);
  }, []);
  // Not during a call: the meter would hold a second microphone stream.
  const level = useMicrophoneLevel(settings.phone.microphoneId, testing && calls.length === 0);
  const options = (kind: MediaDeviceKind) => [
    { value: '', label: t('audio.systemDefault') },
    ...devices.filter((d) => d.kind === kind && d.deviceId && d.deviceId !== 'default').map((d, i) => ({ value: d.deviceId, label: d.label || `${kind} ${i + 1}` })),
  ];
  const phone = settings.phone;

  return (
    <Card withBorder>
      <Title order={4}>{t('audio.title')}</Title>
      <Stack gap="xs">
        <Group grow align="flex-end">
          <Select label={t('audio.microphone')} data={options('audioinput')} value={phone.microphoneId ?? ''} allowDeselect={false} onChange={(id) => void updateSettings({ phone: { ...phone, microphoneId: id || null } })} />
          <Select label={t('audio.speaker')} data={options('audiooutput')} value={phone.speakerId ?? ''} allowDeselect={false} onChange={(id) => void updateSettings({ phone: { ...phone, speakerId: id || null } })} />
        </Group>
        <Group>
          <Button size="xs" variant="default" onClick={() => setTesting((v) => !v)}>
            {testing ? t('audio.stopTest') : t('audio.testMicrophone')}
          </Button>
          {testing && <Progress value={level} w={200} aria-label={t('audio.level')} />}
        </Group>
        <Switch label={t('audio.ringtone')} checked={phone.ringtone} onChange={(e) => void updateSettings({ phone: { ...phone, ringtone: e.currentTarget.checked } })} />
        {notificationsAsked === 'default' && (
          // In a browser the page must ask before it may show a notification for a call while hidden.
          <Button size="xs" variant="default" w="fit-content" onClick={() => void Notification.requestPermission().then(setNotificationsAsked)}>
            {t('audio.allowNotifications')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function ShortcutSettings() {
  const { settings } = useWorkplace();
  // A change saved (here or elsewhere) starts the form afresh from the stored shortcuts.
  return <ShortcutForm key={JSON.stringify(settings.phone.shortcuts)} />;
}

function ShortcutForm() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { settings } = useWorkplace();
  const [draft, setDraft] = useState(settings.phone.shortcuts);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async (action: PhoneShortcutAction, value: string) => {
    const shortcuts = { ...draft, [action]: value };
    const result = await bridge.invoke('settings.update', { phone: { ...settings.phone, shortcuts } });
    if (result.ok) return setErrors({});
    const path = `phone.shortcuts.${action}`;
    const words = formErrors(result.error, t, (p) => p === path);
    setErrors({ [action]: words.fields[path] ?? words.form ?? '' });
  };

  return (
    <Card withBorder>
      <Title order={4}>{t('shortcuts.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('shortcuts.hint')}
      </Text>
      <Table>
        <Table.Tbody>
          {shortcutOrder.map((action) => (
            <Table.Tr key={action}>
              <Table.Td>{t(`shortcuts.${action}`)}</Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={draft[action]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, [action]: value }));
                  }}
                  onBlur={(e) => void save(action, e.currentTarget.value)}
                  error={errors[action]}
                  ff="monospace"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
