import { Anchor, Badge, Box, Button, Divider, Drawer, Grid, Group, Loader, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyCard } from '#contract';
import { useQuery } from '#renderer/api/client';
import { goTo } from '#renderer/routing/useHashRoute';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { CollisionAlert } from '#renderer/features/contacts/CollisionAlert';
import { ContactForm } from '#renderer/features/contacts/ContactForm';
import { InteractionForm } from '#renderer/features/timeline/InteractionForm';
import { Timeline } from '#renderer/features/timeline/Timeline';
import { formatDateTime, formatNumber } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { CompanyForm } from './CompanyForm';

export interface CompaniesScreenProps {
  openId: string | null;
  onOpen: (id: string | null) => void;
}

const pageSize = 50;

/** Counterparties: search, list, and the company card with its people and the whole history. */
export function CompaniesScreen({ openId, onOpen }: CompaniesScreenProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useQuery('companies.list', { search: debounced, offset: (page - 1) * pageSize, limit: pageSize });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / pageSize));
  return (
    <Box>
      <ScreenTitle
        actions={
          <Group>
            <Text c="dimmed" data-testid="companies-total">{list.data?.unsearchable ? t('contacts.nothingToSearch') : t('contacts.total', { count: formatNumber(locale, list.data?.total ?? 0) })}</Text>
            <Button onClick={() => setCreating(true)} data-testid="companies-new">
              {t('companies.new')}
            </Button>
          </Group>
        }
      >
        {t('companies.title')}
      </ScreenTitle>
      <TextInput
        mb="sm"
        w={360}
        leftSection={<IconSearch size={16} />}
        placeholder={t('companies.search')}
        aria-label={t('companies.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
      />
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data?.rows.length === 0 && <Text c="dimmed">{t('companies.empty')}</Text>}
      {list.data && list.data.rows.length > 0 && (
        <Table striped highlightOnHover data-testid="companies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('companies.name')}</Table.Th>
              <Table.Th>{t('companies.city')}</Table.Th>
              <Table.Th>{t('contacts.phone')}</Table.Th>
              <Table.Th ta="right">{t('companies.people')}</Table.Th>
              <Table.Th>{t('contacts.responsible')}</Table.Th>
              <Table.Th>{t('contacts.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((row) => (
              <Table.Tr key={row.id} onClick={() => onOpen(row.id)} style={{ cursor: 'pointer' }}>
                <Table.Td fw={500}>{row.name}</Table.Td>
                <Table.Td>{row.city ?? t('common.unknown')}</Table.Td>
                <Table.Td ff="monospace">{row.phone ?? t('common.unknown')}</Table.Td>
                <Table.Td ta="right">{row.contacts}</Table.Td>
                <Table.Td>{row.responsibleName ?? t('common.unknown')}</Table.Td>
                <Table.Td>{formatDateTime(locale, row.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
      <Drawer
        opened={openId !== null}
        onClose={() => {
          onOpen(null);
          list.reload();
        }}
        position="right"
        size="85%"
      >
        {openId && <CompanyCardBody id={openId} />}
      </Drawer>
      {creating && (
        <CompanyForm
          company={null}
          onClose={() => setCreating(false)}
          onSaved={(card) => {
            setCreating(false);
            list.reload();
            onOpen(card.id);
          }}
        />
      )}
    </Box>
  );
}

function CompanyCardBody({ id }: { id: string }) {
  const card = useQuery('companies.get', { id });
  const [version, setVersion] = useState(0);
  if (card.error) return <ErrorNotice error={card.error} onRetry={card.reload} />;
  if (!card.data) return <Loader />;
  return (
    <CompanyContent
      card={card.data}
      version={version}
      changed={() => {
        card.reload();
        setVersion((v) => v + 1);
      }}
    />
  );
}

function CompanyContent({ card, version, changed }: { card: CompanyCard; version: number; changed: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'person' | 'log' | null>(null);
  return (
    <Stack gap="sm" data-testid="company-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{card.name}</Title>
          <Text c="dimmed">{[card.city, card.taxId, card.website].filter(Boolean).join(' · ')}</Text>
          <Group gap={6} mt={4}>
            {card.tags.map((tag) => (
              <Badge key={tag.id} variant="light">
                {tag.name}
              </Badge>
            ))}
          </Group>
        </div>
        <Group gap="xs">
          <Button size="xs" onClick={() => setDialog('person')} data-testid="company-add-person">
            {t('companies.addPerson')}
          </Button>
          <Button size="xs" variant="light" onClick={() => setDialog('log')}>
            {t('card.log')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDialog('edit')}>
            {t('common.edit')}
          </Button>
        </Group>
      </Group>
      <CollisionAlert request={{ companyId: card.id }} version={version} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs">
            <Divider label={t('card.phones')} labelPosition="left" />
            {card.phones.map((p) => (
              <Text key={p.id} ff="monospace">
                {p.raw}
              </Text>
            ))}
            {card.email && <Text>{card.email}</Text>}
            {card.address && <Text>{card.address}</Text>}
            {card.responsible && <Text size="sm">{t('card.responsible', { name: card.responsible.name })}</Text>}
            {card.custom.map((c) => (
              <Text key={c.fieldId} size="sm">
                {c.name}: {String(c.value)}
              </Text>
            ))}
            <Divider label={t('companies.people')} labelPosition="left" />
            {card.contacts.length === 0 && <Text c="dimmed">{t('companies.noPeople')}</Text>}
            {card.contacts.map((c) => (
              <Group key={c.id} gap="xs" wrap="nowrap">
                <Anchor size="sm" onClick={() => goTo({ area: 'contacts', id: c.id })}>
                  {c.fullName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[c.position, c.phone].filter(Boolean).join(' · ')}
                </Text>
              </Group>
            ))}
            {card.notes && (
              <>
                <Divider label={t('card.notes')} labelPosition="left" />
                <Text style={{ whiteSpace: 'pre-wrap' }}>{card.notes}</Text>
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Timeline subject={{ companyId: card.id }} version={version} />
        </Grid.Col>
      </Grid>
      {dialog === 'edit' && (
        <CompanyForm
          company={card}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
      {dialog === 'person' && (
        <ContactForm
          contact={null}
          initial={{ companyId: card.id, companyName: card.name }}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
      {dialog === 'log' && (
        <InteractionForm
          contactId={null}
          companyId={card.id}
          participants={card.contacts.map((c) => ({ id: c.id, name: c.fullName }))}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
    </Stack>
  );
}
