import { Alert, Badge, Menu, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBellOff, IconCheck, IconPhoneOutgoing, IconRefresh, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountLineStatus } from '#contract';
import { formatTime } from '#renderer/i18n/format';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { usePhone } from './PhoneProvider';

const statusColor: Record<AccountLineStatus['registration'], string> = {
  no_account: 'gray',
  offline: 'red',
  connecting: 'yellow',
  registering: 'yellow',
  registered: 'green',
  failed: 'red',
};

export interface AccountLineBadgeProps {
  line: AccountLineStatus;
  /** With several accounts each badge names its line. */
  labelled: boolean;
  /** This is the line calls are placed through (shown when there are several). */
  dialsHere: boolean;
  onDialHere: (() => void) | undefined;
  onOpenSettings: () => void;
}

/** One SIP account's line in the phone bar: its registration and do-not-disturb, and a menu to act on them. */
export function AccountLineBadge({ line, labelled, dialsHere, onDialHere, onOpenSettings }: AccountLineBadgeProps) {
  const { t } = useTranslation();
  const { run } = usePhone();
  const { locale } = useWorkplace();
  const down = line.registration === 'offline' || line.registration === 'failed';
  const state = line.doNotDisturb && line.registration === 'registered' ? t('phone.doNotDisturb') : t(`phone.${line.registration}`);
  const accountId = line.account?.id;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label={line.detail ?? state} disabled={!line.detail && !labelled}>
          <Badge
            component="button"
            color={line.doNotDisturb ? 'orange' : statusColor[line.registration]}
            variant={dialsHere ? 'light' : 'dot'}
            size="lg"
            style={{ cursor: 'pointer' }}
            data-testid="phone-status"
            data-registration={line.registration}
            data-account-id={accountId}
            leftSection={line.doNotDisturb ? <IconBellOff size={12} /> : dialsHere ? <IconPhoneOutgoing size={12} /> : undefined}
          >
            {labelled && line.account ? line.account.label : state}
          </Badge>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {line.account && <Menu.Label>{labelled ? `${line.account.label} · ${state}` : line.account.label}</Menu.Label>}
        {down && (
          <>
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} maw={320} mx={4} mb={4} p="xs" data-testid="phone-problem">
              <Text size="sm">{t(`sip.problem.${line.problem ?? 'unreachable'}`, { detail: line.detail ?? '' })}</Text>
              {line.retryAt !== undefined && (
                <Text size="xs" c="dimmed">
                  {t('phone.nextAttempt', { time: formatTime(locale, line.retryAt) })}
                </Text>
              )}
              {line.registration === 'failed' && (
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
        {onDialHere && (
          <Menu.Item leftSection={dialsHere ? <IconCheck size={14} /> : <IconPhoneOutgoing size={14} />} onClick={onDialHere} data-testid="dial-through-line">
            {t('phone.dialThroughLine')}
          </Menu.Item>
        )}
        <Menu.Item
          leftSection={<IconBellOff size={14} />}
          onClick={() => void run('phone.setDoNotDisturb', { on: !line.doNotDisturb, ...(accountId ? { accountId } : {}) })}
          data-testid="toggle-dnd"
        >
          {line.doNotDisturb ? t('phone.dndOff') : t('phone.dndOn')}
        </Menu.Item>
        <Menu.Item leftSection={<IconSettings size={14} />} onClick={onOpenSettings}>
          {t('phone.settings')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
