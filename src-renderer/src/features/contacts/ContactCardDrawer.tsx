import { ActionIcon, Anchor, Badge, Button, Divider, Drawer, Grid, Group, Loader, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconDots, IconMailOff, IconPhoneCall, IconPhoneOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryFlag } from '#renderer/ui/PhoneReading';
import type { ContactCard } from '#contract';
import { act, jobFinished } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { downloadFile } from '#renderer/api/files';
import { goTo } from '#renderer/routing/useHashRoute';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { ComplaintForm } from '#renderer/features/complaints/ComplaintForm';
import { DealForm } from '#renderer/features/deals/DealForm';
import { usePhone } from '#renderer/features/phone/PhoneProvider';
import { PlanItemButton } from '#renderer/features/calendar/PlanItemButton';
import { InteractionForm } from '#renderer/features/timeline/InteractionForm';
import { Timeline } from '#renderer/features/timeline/Timeline';
import { formatDateTime, formatMoney } from '#renderer/i18n/format';
import { stageName } from '#renderer/i18n/stage-name';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useErrorText } from '#renderer/ui/useErrorText';
import { CollisionAlert } from './CollisionAlert';
import { ContactForm } from './ContactForm';
import { EraseDialog } from './EraseDialog';

export interface ContactCardDrawerProps {
  id: string | null;
  onClose: () => void;
}

/** The client on one screen: who they are, how to reach them, what colleagues have going, the whole history. */
export function ContactCardDrawer({ id, onClose }: ContactCardDrawerProps) {
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="85%" title={null}>
      {id && <ContactCardBody id={id} onGone={onClose} />}
    </Drawer>
  );
}

type Dialog = 'edit' | 'interaction' | 'deal' | 'complaint' | 'erase' | null;

function ContactCardBody({ id, onGone }: { id: string; onGone: () => void }) {
  const card = useQuery('contacts.get', { id });
  const [version, setVersion] = useState(0);
  if (card.error) {
    const mergedInto = card.error.params?.mergedInto;
    if (typeof mergedInto === 'string') {
      goTo({ area: 'contacts', id: mergedInto });
      return null;
    }
    return <ErrorNotice error={card.error} onRetry={card.reload} />;
  }
  if (!card.data) return <Loader />;
  return (
    <CardContent
      card={card.data}
      version={version}
      changed={() => {
        card.reload();
        setVersion((v) => v + 1);
      }}
      onGone={onGone}
    />
  );
}

function CardContent({ card, version, changed, onGone }: { card: ContactCard; version: number; changed: () => void; onGone: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const softphone = usePhone();
  const [dialog, setDialog] = useState<Dialog>(null);
  const deals = useQuery('deals.list', { contactId: card.id, openOnly: true, limit: 20 });
  const complaints = useQuery('complaints.list', { contactId: card.id, openOnly: true, limit: 20 });
  const company = useQuery('companies.get', { id: card.company?.id ?? '' }, card.company !== null);
  const colleagues = card.company ? (company.data?.contacts ?? []).filter((c) => c.id !== card.id).map((c) => ({ id: c.id, name: c.fullName })) : [];
  const reloadAll = () => {
    changed();
    deals.reload();
    complaints.reload();
  };

  const exportPersonalData = async () => {
    const started = await act(bridge, 'privacy.export', { contactId: card.id }, errorText);
    if (started && (await jobFinished(bridge, started.jobId)) === 'done') await downloadFile(bridge, started.fileId);
  };

  return (
    <Stack gap="sm" data-testid="contact-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{card.fullName}</Title>
          <Group gap={6}>
            {card.position && <Text c="dimmed">{card.position}</Text>}
            {card.city && <Text c="dimmed">{card.city}</Text>}
            {card.company && (
              <Anchor onClick={() => goTo({ area: 'companies', id: card.company?.id ?? null })} data-testid="card-company">
                {card.company.name}
              </Anchor>
            )}
          </Group>
          <Group gap={6} mt={4}>
            {card.tags.map((tag) => (
              <Badge key={tag.id} variant="light" color={tag.color}>
                {tag.name}
              </Badge>
            ))}
            {card.doNotCall && (
              <Badge color="red" leftSection={<IconPhoneOff size={12} />}>
                {t('card.doNotCall')}
              </Badge>
            )}
            {card.noEmail && (
              <Badge color="orange" leftSection={<IconMailOff size={12} />}>
                {t('card.noEmail')}
              </Badge>
            )}
          </Group>
        </div>
        <Group gap="xs">
          <Button size="xs" onClick={() => setDialog('interaction')} data-testid="card-log">
            {t('card.log')}
          </Button>
          {/* Plans are the calendar's: a callback, meeting or planned contact tied to this person, in the owner's calendar. */}
          <PlanItemButton
            size="xs"
            label={t('card.plan')}
            testId="card-plan"
            prefill={{ kind: 'callback', title: card.fullName, contactId: card.id, contactName: card.fullName, companyId: card.company?.id ?? null, companyName: card.company?.name ?? null }}
            onSaved={reloadAll}
          />
          <Button size="xs" variant="light" onClick={() => setDialog('deal')} data-testid="card-new-deal">
            {t('card.newDeal')}
          </Button>
          <Button size="xs" variant="light" color="orange" onClick={() => setDialog('complaint')} data-testid="card-new-complaint">
            {t('card.newComplaint')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDialog('edit')} data-testid="card-edit">
            {t('common.edit')}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="subtle" aria-label={t('common.more')}>
                <IconDots size={16} />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportPersonalData()}>{t('privacy.export')}</Menu.Item>
              <Menu.Item color="red" onClick={() => setDialog('erase')}>
                {t('privacy.erase')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <CollisionAlert request={{ contactId: card.id }} version={version} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs">
            <Divider label={t('card.phones')} labelPosition="left" />
            {card.phones.length === 0 && <Text c="dimmed">{t('common.unknown')}</Text>}
            {card.phones.map((phone) => (
              <Group key={phone.id} gap="xs">
                <Tooltip label={t('phone.call')}>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="green"
                    disabled={softphone.status.registration !== 'registered'}
                    onClick={() => void softphone.dial(phone.raw, card.id)}
                    aria-label={t('phone.call')}
                    data-testid="contact-dial"
                  >
                    <IconPhoneCall size={14} />
                  </ActionIcon>
                </Tooltip>
                <Text ff="monospace">{phone.raw}</Text>
                <Text size="xs" c="dimmed">
                  {countryFlag(phone.country)} {t(`phoneKind.${phone.kind}`)}
                </Text>
                {phone.status !== 'ok' && (
                  <Tooltip label={phone.status === 'invalid' ? t('card.unreadableNumber') : t('card.numberToReview', { alternatives: [phone.e164, ...phone.alternatives].filter(Boolean).join(', ') })}>
                    <IconAlertCircle size={16} color="orange" data-testid={`phone-flag-${phone.status}`} />
                  </Tooltip>
                )}
              </Group>
            ))}
            {card.emails.length > 0 && <Divider label={t('card.emails')} labelPosition="left" />}
            {card.emails.map((email) => (
              // An address has no spaces to wrap at: a long one breaks anywhere rather than running out of the column.
              <Text key={email} style={{ overflowWrap: 'anywhere' }}>
                {email}
              </Text>
            ))}
            {card.addresses.length > 0 && <Divider label={t('card.addresses')} labelPosition="left" />}
            {card.addresses.map((a, i) => (
              <Text key={i}>{a.text}</Text>
            ))}
            {card.custom.length > 0 && <Divider label={t('card.more')} labelPosition="left" />}
            {card.custom.map((c) => (
              <Text key={c.fieldId} size="sm">
                <Text span c="dimmed">
                  {c.name}:
                </Text>{' '}
                {String(c.value)}
              </Text>
            ))}
            {card.responsible && <Text size="sm">{t('card.responsible', { name: card.responsible.name })}</Text>}
            {card.source && <Text size="sm">{t('card.source', { source: card.source })}</Text>}
            {card.notes && (
              <>
                <Divider label={t('card.notes')} labelPosition="left" />
                <Text style={{ whiteSpace: 'pre-wrap' }}>{card.notes}</Text>
              </>
            )}
            <Divider label={t('card.deals')} labelPosition="left" />
            {deals.data?.rows.length === 0 && <Text c="dimmed">{t('card.noDeals')}</Text>}
            {deals.data?.rows.map((deal) => (
              <Group key={deal.id} justify="space-between" wrap="nowrap">
                <Anchor size="sm" onClick={() => goTo({ area: 'deals', id: deal.id })}>
                  {deal.title}
                </Anchor>
                <Group gap={4} wrap="nowrap">
                  <Badge variant="light" size="sm">
                    {stageName(t, deal.stage)}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {formatMoney(locale, deal.amount, deal.currency)}
                  </Text>
                </Group>
              </Group>
            ))}
            <Divider label={t('card.complaints')} labelPosition="left" />
            {complaints.data?.rows.length === 0 && <Text c="dimmed">{t('card.noComplaints')}</Text>}
            {complaints.data?.rows.map((c) => (
              <Group key={c.id} justify="space-between" wrap="nowrap">
                <Anchor size="sm" onClick={() => goTo({ area: 'complaints', id: c.id })} data-testid="card-complaint">
                  {t('complaints.number', { number: c.number })}: {c.subject}
                </Anchor>
                <Badge size="sm" color="orange" variant="light">
                  {t(`complaintState.${c.state}`)}
                </Badge>
              </Group>
            ))}
            <Text size="xs" c="dimmed" mt="sm">
              {t('card.created', { date: formatDateTime(locale, card.createdAt) })}
            </Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Timeline subject={{ contactId: card.id }} version={version} />
        </Grid.Col>
      </Grid>
      {dialog === 'edit' && (
        <ContactForm
          contact={card}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reloadAll();
          }}
        />
      )}
      {dialog === 'interaction' && (
        <InteractionForm
          contactId={card.id}
          companyId={card.company?.id ?? null}
          participants={colleagues}
          defaultKind="call"
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reloadAll();
          }}
        />
      )}
      {dialog === 'deal' && (
        <DealForm
          deal={null}
          initial={{ contactId: card.id, contactName: card.fullName }}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reloadAll();
          }}
        />
      )}
      {dialog === 'complaint' && (
        <ComplaintForm
          contactId={card.id}
          contactName={card.fullName}
          onClose={() => setDialog(null)}
          onSaved={(complaint) => {
            setDialog(null);
            reloadAll();
            goTo({ area: 'complaints', id: complaint.id });
          }}
        />
      )}
      {dialog === 'erase' && (
        <EraseDialog
          contactId={card.id}
          fullName={card.fullName}
          onClose={() => setDialog(null)}
          onErased={() => {
            setDialog(null);
            onGone();
          }}
        />
      )}
    </Stack>
  );
}
