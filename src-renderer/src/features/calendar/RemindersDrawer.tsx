import { Anchor, Badge, Card, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '#renderer/api/client';
import type { Reminder } from '#contract';
import { formatDateTime, formatTime } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { kindIcons } from './kind-icons';
import { ReminderActions } from './ReminderActions';

export interface RemindersDrawerProps {
  reminders: QueryState<Reminder[]>;
  onClose: () => void;
  onOpenContact: (id: string) => void;
}

const stateColors: Record<Reminder['state'], string> = { due: 'orange', missed: 'red', snoozed: 'gray' };

/** Reminders that are due, were missed while the workstation was off, or snoozed: each snoozed or dismissed here. */
export function RemindersDrawer({ reminders, onClose, onOpenContact }: RemindersDrawerProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  return (
    <Drawer opened onClose={onClose} position="right" title={t('calendar.reminders.title')}>
      <Stack gap="xs" data-testid="calendar-reminders">
        {reminders.error && <ErrorNotice error={reminders.error} onRetry={reminders.reload} />}
        {!reminders.data && !reminders.error && <Loader size="sm" />}
        {reminders.data?.length === 0 && <Text c="dimmed">{t('calendar.reminders.none')}</Text>}
        {reminders.data?.map((reminder) => {
          const KindIcon = kindIcons[reminder.kind];
          return (
            <Card key={`${reminder.eventId}:${reminder.occurrenceStart}`} withBorder padding="xs" data-testid="calendar-reminder" data-state={reminder.state}>
              <Group gap={6} wrap="nowrap">
                <KindIcon size={16} />
                <Text fw={600} size="sm" truncate="end" style={{ flex: 1 }}>
                  {reminder.title}
                </Text>
                <Badge size="xs" color={stateColors[reminder.state]} variant="light">
                  {reminder.state === 'snoozed' && reminder.snoozedUntil ? t('calendar.reminders.snoozedUntil', { time: formatTime(locale, reminder.snoozedUntil) }) : t(`calendar.reminders.state.${reminder.state}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {formatDateTime(locale, reminder.startsAt)}
              </Text>
              {reminder.contactId && (
                <Anchor size="sm" component="button" onClick={() => reminder.contactId && onOpenContact(reminder.contactId)}>
                  {reminder.contactName ?? t('calendar.panel.contact')}
                </Anchor>
              )}
              <Group justify="flex-end" mt={4}>
                <ReminderActions reminder={reminder} onDone={reminders.reload} />
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Drawer>
  );
}
