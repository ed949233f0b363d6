import { Anchor, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '#contract';
import { useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatDate, formatTimeRange } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';

export interface CalendarScreenProps {
  onOpenContact: (id: string) => void;
}

const fortnightMs = 14 * 24 * 60 * 60 * 1000;

const agendaGrid = { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr) auto', alignItems: 'center', gap: '6px var(--mantine-spacing-sm)' } as const;

function startOfToday(): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
}

/** The agenda for the next two weeks, day by day. */
export function CalendarScreen({ onOpenContact }: CalendarScreenProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const [from] = useState(startOfToday);
  const events = useQuery('calendar.range', { from, to: from + fortnightMs });
  const days = groupByDay(events.data ?? []);

  return (
    <Box>
      <ScreenTitle>{t('calendar.title')}</ScreenTitle>
      <Title order={4} mb="sm">
        {t('calendar.upcoming')}
      </Title>
      {events.error && <ErrorNotice error={events.error} onRetry={events.reload} />}
      {events.data?.length === 0 && <Text c="dimmed">{t('calendar.empty')}</Text>}
      <Stack>
        {days.map(([dayStart, items]) => (
          <Card key={dayStart} withBorder padding="sm">
            <Text fw={600} mb="xs">
              {formatDate(locale, dayStart)}
            </Text>
            {/* A grid rather than rows: the times form a column as wide as the longest of them ("10:00 AM – 12:30 PM"). */}
            <Box style={agendaGrid}>
              {items.map((event) => (
                <Fragment key={event.id}>
                  <Badge variant="light" fullWidth>
                    {formatTimeRange(locale, event.startsAt, event.endsAt)}
                  </Badge>
                  <Group gap="sm" wrap="nowrap" miw={0}>
                    {event.contactId ? (
                      <Anchor component="button" ta="start" onClick={() => event.contactId && onOpenContact(event.contactId)}>
                        {event.title}
                      </Anchor>
                    ) : (
                      <Text>{event.title}</Text>
                    )}
                    {event.location && (
                      <Text size="sm" c="dimmed">
                        {event.location}
                      </Text>
                    )}
                  </Group>
                  {event.reminderMinutes !== null ? (
                    <Group gap={4} c="dimmed" wrap="nowrap">
                      <IconBell size={14} />
                      <Text size="xs">{t('calendar.reminder', { minutes: event.reminderMinutes })}</Text>
                    </Group>
                  ) : (
                    <span />
                  )}
                </Fragment>
              ))}
            </Box>
          </Card>
        ))}
      </Stack>
    </Box>
  );
}

function groupByDay(events: CalendarEvent[]): [number, CalendarEvent[]][] {
  const days = new Map<number, CalendarEvent[]>();
  for (const event of events) {
    const d = new Date(event.startsAt);
    const key = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    days.set(key, [...(days.get(key) ?? []), event]);
  }
  return [...days.entries()];
}
