import { ActionIcon, Badge, Group, Menu, TextInput, Tooltip } from '@mantine/core';
import { IconBellOff, IconPhoneCall, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneStatus } from '#contract';
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
  const canCall = status.registration === 'registered';
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
      <Tooltip label={canCall ? t('phone.call') : t('phone.needsAccount')}>
        <ActionIcon variant="filled" color="green" disabled={!canCall || number.trim() === ''} onClick={place} aria-label={t('phone.call')} data-testid="dial-button">
          <IconPhoneCall size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
