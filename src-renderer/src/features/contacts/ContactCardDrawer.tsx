import { Badge, Divider, Drawer, Group, Loader, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactCard } from '#contract';
import { useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/app-shell/WorkplaceContext';
import { formatDateTime, formatMoney } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';

export interface ContactCardDrawerProps {
  id: string | null;
  onClose: () => void;
}

/** The client on one screen: who they are, how to reach them, what happened, what is open. */
export function ContactCardDrawer({ id, onClose }: ContactCardDrawerProps) {
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={null}>
      {id && <ContactCardBody id={id} />}
    </Drawer>
  );
}

function ContactCardBody({ id }: { id: string }) {
  const card = useQuery('contacts.get', { id });
  if (card.error) return <ErrorNotice error={card.error} onRetry={card.reload} />;
  if (!card.data) return <Loader />;
  return <CardContent card={card.data} />;
}

function CardContent({ card }: { card: ContactCard }) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  return (
    <Stack gap="sm" data-testid="contact-card">
      <div>
        <Title order={3}>{card.fullName}</Title>
        <Text c="dimmed">{[card.position, card.company?.name].filter(Boolean).join(' · ')}</Text>
        {card.responsibleName && <Text size="sm">{t('card.responsible', { name: card.responsibleName })}</Text>}
      </div>
      <Divider label={t('card.phones')} labelPosition="left" />
      {card.phones.map((phone) => (
        <Group key={phone.id} gap="xs">
          <Text ff="monospace">{phone.raw}</Text>
          {phone.e164 ? (
            <Text size="xs" c="dimmed">
              {phone.e164}
            </Text>
          ) : (
            <Tooltip label={t('card.unreadableNumber')}>
              <IconAlertCircle size={16} color="orange" />
            </Tooltip>
          )}
        </Group>
      ))}
      {card.emails.length > 0 && (
        <>
          <Divider label={t('card.emails')} labelPosition="left" />
          {card.emails.map((email) => (
            <Text key={email}>{email}</Text>
          ))}
        </>
      )}
      {card.notes && (
        <>
          <Divider label={t('card.notes')} labelPosition="left" />
          <Text>{card.notes}</Text>
        </>
      )}
      <Divider label={t('card.deals')} labelPosition="left" />
      {card.deals.length === 0 && <Text c="dimmed">{t('card.noDeals')}</Text>}
      {card.deals.map((deal) => (
        <Group key={deal.id} justify="space-between">
          <Text>{deal.title}</Text>
          <Group gap="xs">
            <Badge variant="light">{deal.stageName}</Badge>
            <Text fw={500}>{formatMoney(locale, deal.amount, deal.currency)}</Text>
          </Group>
        </Group>
      ))}
      <Divider label={t('card.history')} labelPosition="left" />
      {card.interactions.length === 0 && <Text c="dimmed">{t('card.noHistory')}</Text>}
      <Timeline bulletSize={14} lineWidth={2}>
        {card.interactions.map((item) => (
          <Timeline.Item
            key={item.id}
            title={`${t(`interaction.${item.kind}`)}${item.direction ? ` (${t(`interaction.${item.direction}`)})` : ''}: ${item.subject}`}
          >
            <Text size="xs" c="dimmed">
              {[formatDateTime(locale, item.occurredAt), item.employeeName, item.outcome].filter(Boolean).join(' · ')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
