import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionEntry } from '#contract';
import { formatDateTime } from '#renderer/i18n/format';
import { goTo } from '#renderer/routing/useHashRoute';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { calleeLocalTime } from './session-clock';

export interface PersonCardProps {
  entry: SessionEntry;
  now: number;
}

/** The person on the card or the line: name and number, their local time now, attempts so far, the last outcome, a callback they asked for. */
export function PersonCard({ entry, now }: PersonCardProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const localTime = calleeLocalTime(entry.timeZone, now, locale);
  return (
    <Card withBorder padding="md" data-testid="session-card" data-entry={entry.entryId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={3} data-testid="session-card-name">
              <Anchor inherit onClick={() => goTo({ area: 'contacts', id: entry.contactId })}>
                {entry.contactName}
              </Anchor>
            </Title>
            <Text size="lg" ff="monospace" data-testid="session-card-phone">
              {entry.phone}
            </Text>
          </Stack>
          {entry.callbackAt !== null && (
            <Badge color="violet" size="lg" data-testid="session-card-callback">
              {t('dialer.card.callback', { time: formatDateTime(locale, entry.callbackAt) })}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={3}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('dialer.card.localTime')}
            </Text>
            <Text fw={600} data-testid="session-card-local-time">
              {localTime ?? t('dialer.card.zoneUnknown')}
            </Text>
            {entry.timeZone && (
              <Text size="xs" c="dimmed">
                {entry.timeZone}
              </Text>
            )}
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('dialer.card.attempts')}
            </Text>
            <Text fw={600} data-testid="session-card-attempts">
              {entry.attempts}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('dialer.card.lastOutcome')}
            </Text>
            <Text fw={600}>{entry.lastOutcome === null ? t('dialer.card.firstCall') : t(`dialer.outcome.${entry.lastOutcome}`, { defaultValue: entry.lastOutcome })}</Text>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
