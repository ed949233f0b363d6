import { ActionIcon, Badge, Group, TextInput, Tooltip } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneStatus } from '#contract';
import { useEvent, useQuery } from '#renderer/api/client';

const statusColor: Record<PhoneStatus['registration'], string> = {
  no_account: 'gray',
  offline: 'gray',
  connecting: 'yellow',
  registering: 'yellow',
  registered: 'green',
  failed: 'red',
};

/** The phone's state and a dial field, always in view. */
export function PhoneBar() {
  const { t } = useTranslation();
  const initial = useQuery('phone.status', {});
  const [pushed, setPushed] = useState<PhoneStatus | undefined>();
  useEvent('phone.status', setPushed);
  const status = pushed ?? initial.data ?? { registration: 'no_account' as const };
  const [number, setNumber] = useState('');
  const canCall = status.registration === 'registered';

  return (
    <Group gap="xs" wrap="nowrap" data-testid="phone-bar">
      <Badge color={statusColor[status.registration]} variant="dot" size="lg" data-testid="phone-status">
        {t(`phone.${status.registration}`)}
      </Badge>
      <TextInput
        size="xs"
        w={180}
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
        placeholder={t('phone.dialPlaceholder')}
        aria-label={t('phone.dialPlaceholder')}
      />
      <Tooltip label={canCall ? t('phone.call') : t('phone.needsAccount')}>
        <ActionIcon variant="filled" color="green" disabled={!canCall || number.trim() === ''} aria-label={t('phone.call')}>
          <IconPhoneCall size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
