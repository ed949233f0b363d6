import { Box, Group, Pagination, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/app-shell/WorkplaceContext';
import { formatDateTime, formatNumber } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { ContactCardDrawer } from './ContactCardDrawer';

export interface ContactsScreenProps {
  openId: string | null;
  onOpen: (id: string | null) => void;
}

const pageSize = 50;

/** Every client person, paged, sorted and searched in main against indexes. */
export function ContactsScreen({ openId, onOpen }: ContactsScreenProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [sortBy, setSortBy] = useState<'name' | 'updated'>('name');
  const [page, setPage] = useState(1);
  const list = useQuery('contacts.list', {
    search: debounced,
    sortBy,
    sortDir: sortBy === 'updated' ? 'desc' : 'asc',
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <Box>
      <ScreenTitle actions={<Text c="dimmed">{t('contacts.total', { count: formatNumber(locale, total) })}</Text>}>
        {t('contacts.title')}
      </ScreenTitle>
      <Group mb="sm" justify="space-between">
        <TextInput
          w={360}
          leftSection={<IconSearch size={16} />}
          placeholder={t('contacts.search')}
          aria-label={t('contacts.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          data-testid="contacts-search"
        />
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('contacts.sortBy')}
          </Text>
          <SegmentedControl
            size="xs"
            value={sortBy}
            onChange={(value) => setSortBy(value === 'updated' ? 'updated' : 'name')}
            data={[
              { value: 'name', label: t('contacts.sortName') },
              { value: 'updated', label: t('contacts.sortUpdated') },
            ]}
          />
        </Group>
      </Group>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data && list.data.rows.length === 0 && (
        <Text c="dimmed" py="xl" ta="center">
          {debounced ? t('contacts.noMatches', { search: debounced }) : t('contacts.empty')}
        </Text>
      )}
      {list.data && list.data.rows.length > 0 && (
        <Table highlightOnHover striped stickyHeader data-testid="contacts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.name')}</Table.Th>
              <Table.Th>{t('contacts.company')}</Table.Th>
              <Table.Th>{t('contacts.phone')}</Table.Th>
              <Table.Th>{t('contacts.email')}</Table.Th>
              <Table.Th>{t('contacts.responsible')}</Table.Th>
              <Table.Th>{t('contacts.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((row) => (
              <Table.Tr
                key={row.id}
                onClick={() => onOpen(row.id)}
                onKeyDown={(e) => e.key === 'Enter' && onOpen(row.id)}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td fw={500}>{row.fullName}</Table.Td>
                <Table.Td>{row.companyName ?? t('common.unknown')}</Table.Td>
                <Table.Td ff="monospace">{row.phone ?? t('common.unknown')}</Table.Td>
                <Table.Td>{row.email ?? t('common.unknown')}</Table.Td>
                <Table.Td>{row.responsibleName ?? t('common.unknown')}</Table.Td>
                <Table.Td>{formatDateTime(locale, row.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" aria-label={t('contacts.page', { page, pages })} />
        </Group>
      )}
      <ContactCardDrawer id={openId} onClose={() => onOpen(null)} />
    </Box>
  );
}
