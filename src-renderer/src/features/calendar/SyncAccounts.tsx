import { ActionIcon, Badge, Button, Card, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarAccount, EventPayload } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useEvent } from '#renderer/api/client';
import { formatDateTime } from '#renderer/i18n/format';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

export interface SyncAccountsProps {
  accounts: readonly CalendarAccount[];
  onConnect: () => void;
  onOpenProblems: () => void;
  onOpenConflicts: () => void;
  onChanged: () => void;
}

const phaseColors: Record<CalendarAccount['phase'] | 'done', string> = { idle: 'green', done: 'green', connecting: 'blue', pulling: 'blue', pushing: 'blue', offline: 'gray', failed: 'red' };

/** Each CalDAV account's sync: phase (live), last sync, what waits, conflicts and problems; sync now, disconnect. */
export function SyncAccounts({ accounts, onConnect, onOpenProblems, onOpenConflicts, onChanged }: SyncAccountsProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const [progress, setProgress] = useState<Record<string, EventPayload<'sync.progress'>>>({});

  useEvent('sync.progress', (payload) => {
    setProgress((p) => ({ ...p, [payload.accountId ?? '']: payload }));
    if (payload.phase === 'done' || payload.phase === 'failed' || payload.phase === 'offline') onChanged();
  });

  const disconnect = async (account: CalendarAccount) => {
    if (!window.confirm(t('calendar.account.disconnectConfirm', { server: account.serverUrl }))) return;
    if (await act(bridge, 'calendar.disconnect', { id: account.id }, errorText)) onChanged();
  };

  return (
    <Stack gap="xs" data-testid="calendar-accounts">
      {accounts.map((account) => {
        const live = progress[account.id] ?? progress[''];
        const running = live && live.phase !== 'done' && live.phase !== 'failed' && live.phase !== 'offline';
        const phase = running ? live.phase : account.phase;
        return (
          <Card key={account.id} withBorder padding="xs" data-testid="calendar-account" data-phase={phase}>
            <Group justify="space-between" wrap="nowrap" gap={4}>
              <Text size="sm" fw={600} truncate="end" title={account.serverUrl}>
                {account.username}
              </Text>
              <Group gap={2} wrap="nowrap">
                <Tooltip label={t('calendar.account.syncNow')}>
                  <ActionIcon variant="subtle" size="sm" loading={running} onClick={() => void act(bridge, 'calendar.syncNow', { accountId: account.id }, errorText)} aria-label={t('calendar.account.syncNow')} data-testid="calendar-sync-now">
                    <IconRefresh size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('calendar.account.disconnect')}>
                  <ActionIcon variant="subtle" size="sm" color="red" onClick={() => void disconnect(account)} aria-label={t('calendar.account.disconnect')}>
                    <IconPlugConnectedX size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            <Badge size="sm" variant="light" color={phaseColors[phase]}>
              {t(`calendar.sync.phase.${phase}`)}
            </Badge>
            {running && live.total > 0 && <Progress value={(100 * live.done) / live.total} size="xs" mt={4} />}
            <Text size="xs" c="dimmed">
              {account.lastSyncAt ? t('calendar.sync.lastSync', { time: formatDateTime(locale, account.lastSyncAt) }) : t('calendar.sync.never')}
            </Text>
            {account.lastError && (
              <Text size="xs" c="red">
                {account.lastError}
              </Text>
            )}
            <Group gap={6} mt={2}>
              {account.pending > 0 && (
                <Badge size="xs" color="yellow" variant="light">
                  {t('calendar.sync.pending', { count: account.pending })}
                </Badge>
              )}
              {account.conflicts > 0 && (
                <Badge size="xs" color="red" variant="light" style={{ cursor: 'pointer' }} onClick={onOpenConflicts}>
                  {t('calendar.sync.conflicts', { count: account.conflicts })}
                </Badge>
              )}
              {account.problems > 0 && (
                <Badge size="xs" color="orange" variant="light" style={{ cursor: 'pointer' }} onClick={onOpenProblems}>
                  {t('calendar.sync.problems', { count: account.problems })}
                </Badge>
              )}
            </Group>
          </Card>
        );
      })}
      <Button size="xs" variant="light" leftSection={<IconPlugConnected size={14} />} onClick={onConnect} data-testid="calendar-connect">
        {t('calendar.account.connect')}
      </Button>
    </Stack>
  );
}
