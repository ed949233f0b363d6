import { Button, Group, Menu } from '@mantine/core';
import { IconAlarmSnooze, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';

export const snoozeMinutes = [5, 15, 60] as const;

export interface ReminderActionsProps {
  reminder: Pick<Reminder, 'eventId' | 'occurrenceStart'>;
  /** The reminder was snoozed or dismissed. */
  onDone: () => void;
}

/** Snooze (5, 15, 60 min) and dismiss, for the reminder list and the notice that pops up when one is due. */
export function ReminderActions({ reminder, onDone }: ReminderActionsProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const ref = { eventId: reminder.eventId, occurrenceStart: reminder.occurrenceStart };
  const snooze = async (minutes: number) => {
    if (await act(bridge, 'calendar.snoozeReminder', { ...ref, minutes }, errorText)) onDone();
  };
  const dismiss = async () => {
    if (await act(bridge, 'calendar.dismissReminder', ref, errorText)) onDone();
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="compact-xs" variant="light" leftSection={<IconAlarmSnooze size={14} />} data-testid="reminder-snooze">
            {t('calendar.reminders.snooze')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {snoozeMinutes.map((minutes) => (
            <Menu.Item key={minutes} onClick={() => void snooze(minutes)} data-testid={`reminder-snooze-${minutes}`}>
              {t('calendar.reminders.snoozeFor', { count: minutes })}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => void dismiss()} data-testid="reminder-dismiss">
        {t('calendar.reminders.dismiss')}
      </Button>
    </Group>
  );
}
