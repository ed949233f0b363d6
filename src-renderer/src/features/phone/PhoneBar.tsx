import { ActionIcon, Group, TextInput, Tooltip } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PhoneStatus } from '#contract';
import { AccountLineBadge } from './AccountLineBadge';
import { usePhone } from './PhoneProvider';

export interface PhoneBarProps {
  onOpenSettings: () => void;
}

/** The phone's lines (one badge per SIP account) and a dial field, always in view. */
export function PhoneBar({ onOpenSettings }: PhoneBarProps) {
  const { t } = useTranslation();
  const { status, dial, dialAccountId, setDialAccountId } = usePhone();
  const [number, setNumber] = useState('');
  const lines = status.accounts && status.accounts.length > 0 ? status.accounts : [status];
  const several = lines.length > 1;
  // Calls go through the line chosen for dialing, else the first registered one.
  const dialLine = lines.find((l) => l.account?.id === dialAccountId) ?? lines.find((l) => l.registration === 'registered') ?? lines[0]!;
  const canCall = dialLine.registration === 'registered';
  const place = () => {
    const target = number.trim();
    if (!canCall || target === '') return;
    void dial(target).then(() => setNumber(''));
  };

  return (
    <Group gap="xs" wrap="nowrap" data-testid="phone-bar">
      {lines.map((line) => (
        <AccountLineBadge
          key={line.account?.id ?? 'none'}
          line={line}
          labelled={several}
          dialsHere={several && line === dialLine}
          onDialHere={several && line.account ? () => setDialAccountId(line.account!.id) : undefined}
          onOpenSettings={onOpenSettings}
        />
      ))}
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
      <Tooltip label={dialHint(dialLine.registration, number.trim() !== '', t)}>
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
