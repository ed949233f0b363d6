import { ActionIcon, Badge, Button, Group, Paper, Popover, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowsRightLeft, IconDialpad, IconMicrophone, IconMicrophoneOff, IconPhoneOff, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallInfo } from '#contract';
import { formatDuration } from '#renderer/i18n/format';
import { usePhone } from './PhoneProvider';
import { useNow } from './useNow';

const keypad = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

function mosColor(mos: number): string {
  if (mos >= 4) return 'green';
  if (mos >= 3.5) return 'yellow';
  return 'red';
}

export interface ActiveCallCardProps {
  call: CallInfo;
  onOpenContact: (id: string) => void;
}

/** One call in progress: who, how long, how it sounds, and what can be done with it. */
export function ActiveCallCard({ call, onOpenContact }: ActiveCallCardProps) {
  const { t } = useTranslation();
  const { run, muted, toggleMute, quality, calls, setTransferring } = usePhone();
  const now = useNow(1_000, call.answeredAt !== null);
  const sample = quality.get(call.id);
  const isMuted = muted.has(call.id);
  const busy = call.state === 'holding' || call.state === 'resuming';
  const talking = call.state === 'active' || busy;
  // Attended transfer: the held call can be handed to the one being consulted.
  const consulted = call.state === 'held' ? calls.find((c) => c.id !== call.id && c.state === 'active') : undefined;

  return (
    <Paper withBorder shadow="md" p="sm" w={360} data-testid="active-call" data-call-state={call.state}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            {call.contact ? (
              <Text fw={600} truncate component="button" onClick={() => call.contact && onOpenContact(call.contact.id)} style={{ background: 'none', border: 0, padding: 0, textAlign: 'left', cursor: 'pointer' }}>
                {call.contact.fullName}
              </Text>
            ) : (
              <Text fw={600} truncate>
                {call.remoteName ?? call.remoteNumber}
              </Text>
            )}
            <Text size="xs" c="dimmed" truncate>
              {[call.remoteNumber, call.contact?.companyName].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <Badge color={call.state === 'held' ? 'orange' : call.state === 'active' ? 'green' : 'gray'} data-testid="call-state">
              {t(`callState.${call.state}`)}
            </Badge>
            <Text size="xs" ff="monospace">
              {call.answeredAt !== null ? formatDuration(Math.max(0, Math.floor((now - call.answeredAt) / 1000))) : ''}
            </Text>
          </Stack>
        </Group>
        {call.recording && call.answeredAt !== null && (
          <Badge color="red" variant="dot" size="sm" data-testid="call-recording">
            {t('call.recording')}
          </Badge>
        )}
        {call.detail && (
          <Text size="xs" c="red" data-testid="call-detail">
            {call.detail}
          </Text>
        )}
        {sample && (
          <Text size="xs" c={mosColor(sample.mos)} data-testid="call-quality">
            {t('call.quality', { mos: sample.mos.toFixed(1), jitter: Math.round(sample.jitterMs), loss: sample.packetLossPercent.toFixed(1), rtt: Math.round(sample.roundTripMs) })}
          </Text>
        )}
        <Group gap="xs" justify="space-between">
          <Group gap={6}>
            {call.state === 'held' || call.state === 'resuming' ? (
              <Tooltip label={t('call.resume')}>
                <ActionIcon variant="light" loading={busy} onClick={() => void run('phone.resume', { callId: call.id })} aria-label={t('call.resume')} data-testid="call-resume">
                  <IconPlayerPlay size={16} />
                </ActionIcon>
              </Tooltip>
            ) : (
              <Tooltip label={t('call.hold')}>
                <ActionIcon variant="light" loading={busy} disabled={!talking} onClick={() => void run('phone.hold', { callId: call.id })} aria-label={t('call.hold')} data-testid="call-hold">
                  <IconPlayerPause size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            <Tooltip label={isMuted ? t('call.unmute') : t('call.mute')}>
              <ActionIcon variant={isMuted ? 'filled' : 'light'} color={isMuted ? 'red' : undefined} disabled={!talking} onClick={() => toggleMute(call.id)} aria-label={isMuted ? t('call.unmute') : t('call.mute')} data-testid="call-mute">
                {isMuted ? <IconMicrophoneOff size={16} /> : <IconMicrophone size={16} />}
              </ActionIcon>
            </Tooltip>
            <Popover position="top" withArrow>
              <Popover.Target>
                <ActionIcon variant="light" disabled={call.state !== 'active'} aria-label={t('call.keypad')} data-testid="call-keypad">
                  <IconDialpad size={16} />
                </ActionIcon>
              </Popover.Target>
              <Popover.Dropdown>
                <SimpleGrid cols={3} spacing={4}>
                  {keypad.map((tone) => (
                    <Button key={tone} variant="default" size="xs" onClick={() => void run('phone.dtmf', { callId: call.id, tones: tone })} data-testid={`dtmf-${tone}`}>
                      {tone}
                    </Button>
                  ))}
                </SimpleGrid>
              </Popover.Dropdown>
            </Popover>
            <Tooltip label={t('call.transfer')}>
              <ActionIcon variant="light" disabled={call.state !== 'active' && call.state !== 'held'} onClick={() => setTransferring(call.id)} aria-label={t('call.transfer')} data-testid="call-transfer">
                <IconArrowsRightLeft size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Tooltip label={t('call.hangup')}>
            <ActionIcon variant="filled" color="red" onClick={() => void run('phone.hangup', { callId: call.id })} aria-label={t('call.hangup')} data-testid="call-hangup">
              <IconPhoneOff size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {consulted && (
          <Group gap="xs" grow>
            <Button size="xs" variant="light" onClick={() => void run('phone.attendedTransfer', { callId: call.id, toCallId: consulted.id })} data-testid="complete-transfer">
              {t('call.completeTransfer', { name: consulted.contact?.fullName ?? consulted.remoteName ?? consulted.remoteNumber })}
            </Button>
            <Button size="xs" variant="light" color="grape" onClick={() => void run('phone.conference', { callIds: [consulted.id, call.id] })} data-testid="join-conference">
              {t('call.conference')}
            </Button>
          </Group>
        )}
        {call.conference && (
          <Group gap="xs" justify="space-between">
            <Badge color="grape" variant="light">
              {t('call.inConference')}
            </Badge>
            <Button size="xs" variant="subtle" onClick={() => void run('phone.split', { callId: call.id })} data-testid="split-conference">
              {t('call.split')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
