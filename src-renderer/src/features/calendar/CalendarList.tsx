import { Checkbox, ColorSwatch, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCloudOff, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';
import { defaultColor } from './occurrence-events';

export interface CalendarListProps {
  calendars: readonly Calendar[];
  me: string | null;
  onChanged: () => void;
}

const groups = ['own', 'shared', 'colleagues'] as const;
type Group = (typeof groups)[number];

function groupOf(calendar: Calendar, me: string | null): Group {
  if (calendar.ownerEmployeeId === null) return 'shared';
  return calendar.ownerEmployeeId === me ? 'own' : 'colleagues';
}

/** The calendars by whose they are (own, the department's, colleagues'), each shown or hidden on the grid. */
export function CalendarList({ calendars, me, onChanged }: CalendarListProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const toggle = async (calendar: Calendar, visible: boolean) => {
    if (await act(bridge, 'calendar.setVisible', { id: calendar.id, visible }, errorText)) onChanged();
  };
  return (
    <Stack gap="xs" data-testid="calendar-list">
      {groups.map((group) => {
        const members = calendars.filter((c) => groupOf(c, me) === group);
        if (members.length === 0) return null;
        return (
          <Stack key={group} gap={4}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t(`calendar.calendars.${group}`)}
            </Text>
            {members.map((calendar) => (
              <Group key={calendar.id} gap={6} wrap="nowrap">
                <Checkbox
                  size="xs"
                  checked={calendar.visible}
                  onChange={(e) => void toggle(calendar, e.currentTarget.checked)}
                  aria-label={calendar.displayName}
                  data-testid="calendar-visible"
                  data-calendar-id={calendar.id}
                />
                <ColorSwatch color={calendar.color ?? defaultColor} size={12} />
                <Text size="sm" truncate="end" style={{ flex: 1 }} title={calendar.ownerName ?? undefined}>
                  {calendar.displayName}
                  {group === 'colleagues' && calendar.ownerName && !calendar.displayName.includes(calendar.ownerName) ? ` · ${calendar.ownerName}` : ''}
                </Text>
                {calendar.readOnly && (
                  <Tooltip label={t('calendar.readOnly')}>
                    <IconLock size={14} aria-label={t('calendar.readOnly')} />
                  </Tooltip>
                )}
                {!calendar.remote && (
                  <Tooltip label={t('calendar.calendars.localOnly')}>
                    <IconCloudOff size={14} aria-label={t('calendar.calendars.localOnly')} />
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
