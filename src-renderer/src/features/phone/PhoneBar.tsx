import { ActionIcon, Alert, Badge, Group, Menu, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBellOff, IconPhoneCall, IconRefresh, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PhoneStatus } from '#contract';
import { formatTime } from '#renderer/i18n/format';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { usePhone } from './PhoneProvider';

const statusColor: Record<PhoneStatus['registration'], string> = {
  no_account: 'gray',
  offline: 'red',
  connecting: 'yellow',
  registering: 'yellow',
  registered: 'green',
  failed: 'red',
};

export interface PhoneBarProps {
  onOpenSettings: () => void;
}

/** The phone's state and a dial field, always in view. */
export function PhoneBar({ onOpenSettings }: PhoneBarProps) {
  const { t } = useTranslation();
  const { status, dial, run } = usePhone();
  const [number, setNumber] = useState('');
  const { locale } = useWorkplace();
  const canCall = status.registration === 'registered';
  const down = status.registration === 'offline' || status.registration === 'failed';
  const place = () => {
    const target = number.trim();
    if (!canCall || target === '') return;
    void dial(target).then(() => setNumber(''));
  };

  return (
    <Group gap="xs" wrap="nowrap" data-testid="phone-bar">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label={status.detail ?? t(`phone.${status.registration}`)} disabled={!status.detail}>
            <Badge
              component="button"
              color={status.doNotDisturb ? 'orange' : statusColor[status.registration]}
              variant="dot"
              size="lg"
              style={{ cursor: 'pointer' }}
              data-testid="phone-status"
              data-registration={status.registration}
              leftSection={status.doNotDisturb ? <IconBellOff size={12} /> : undefined}
            >
              {status.doNotDisturb && status.registration === 'registered' ? t('phone.doNotDisturb') : t(`phone.${status.registration}`)}
            </Badge>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {status.account && <Menu.Label>{status.account.label}</Menu.Label>}
          {down && (
            <>
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} maw={320} mx={4} mb={4} p="xs" data-testid="phone-problem">
                <Text size="sm">{t(`sip.problem.${status.problem ?? 'unreachable'}`, { detail: status.detail ?? '' })}</Text>
                {status.retryAt !== undefined && (
                  <Text size="xs" c="dimmed">
                    {t('phone.nextAttempt', { time: formatTime(locale, status.retryAt) })}
                  </Text>
                )}
                {status.registration === 'failed' && (
                  <Text size="xs" c="dimmed">
                    {t('phone.fixInSettings')}
                  </Text>
                )}
              </Alert>
              <Menu.Item leftSection={<IconRefresh size={14} />} onClick={() => void run('phone.reconnect', {})} data-testid="phone-retry">
                {t('phone.retryNow')}
              </Menu.Item>
            </>
          )}
          <Menu.Item leftSection={<IconBellOff size={14} />} onClick={() => void run('phone.setDoNotDisturb', { on: !status.doNotDisturb })} data-testid="toggle-dnd">
            {status.doNotDisturb ? t('phone.dndOff') : t('phone.dndOn')}
          </Menu.Item>
          <Menu.Item leftSection={<IconSettings size={14} />} onClick={onOpenSettings}>
            {t('phone.settings')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <TextInput
        size="xs"
        w={170}
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') place();
        }}
        placeholder={t('phone.dialPlaceholder')}
        aria-label={t('phone.dialPlaceholder')}
        data-testid="dial-input"
      />
      <Tooltip label={dialHint(status.registration, number.trim() !== '', t)}>
        {/* data-disabled rather than disabled: a disabled button gets no hover, and its tooltip says why it is off. */}
        <ActionIcon
          variant="filled"
          color="green"
          data-disabled={!canCall || number.trim() === '' || undefined}
          aria-disabled={!canCall || number.trim() === ''}
          onClick={place}
          aria-label={t('phone.call')}
          data-testid="dial-button"
        >
          <IconPhoneCall size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** What the dial button says: why it is disabled, or what it does. */
function dialHint(registration: PhoneStatus['registration'], hasNumber: boolean, t: TFunction): string {
  switch (registration) {
    case 'no_account':
      return t('phone.needsAccount');
    case 'connecting':
    case 'registering':
      return t('phone.stillConnecting');
    case 'offline':
    case 'failed':
      return t('phone.notConnected');
    case 'registered':
      return hasNumber ? t('phone.call') : t('phone.typeNumber');
  }
}
