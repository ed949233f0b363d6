import { Anchor, Box, Group, Pagination, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPhoneIncoming, IconPhoneOutgoing } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/app-shell/WorkplaceContext';
import { formatDateTime, formatDuration } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';

export interface CallsScreenProps {
  onOpenContact: (id: string) => void;
}

const pageSize = 50;
type DirectionFilter = 'all' | 'in' | 'out';

/** Every call in and out, newest first, from the client history. */
export function CallsScreen({ onOpenContact }: CallsScreenProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const [direction, setDirection] = useState<DirectionFilter>('all');
  const [page, setPage] = useState(1);
  const history = useQuery('calls.history', {
    offset: (page - 1) * pageSize,
    limit: pageSize,
    ...(direction === 'all' ? {} : { direction }),
  });
  const pages = Math.max(1, Math.ceil((history.data?.total ?? 0) / pageSize));

  return (
    <Box>
      <ScreenTitle
        actions={
          <SegmentedControl
            value={direction}
            onChange={(value) => {
              setDirection(value === 'in' || value === 'out' ? value : 'all');
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('calls.all') },
              { value: 'in', label: t('calls.incoming') },
              { value: 'out', label: t('calls.outgoing') },
            ]}
          />
        }
      >
        {t('calls.title')}
      </ScreenTitle>
      {history.error && <ErrorNotice error={history.error} onRetry={history.reload} />}
      {history.data?.rows.length === 0 && <Text c="dimmed">{t('calls.empty')}</Text>}
      {history.data && history.data.rows.length > 0 && (
        <Table striped highlightOnHover data-testid="calls-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calls.when')}</Table.Th>
              <Table.Th>{t('calls.direction')}</Table.Th>
              <Table.Th>{t('calls.contact')}</Table.Th>
              <Table.Th>{t('calls.duration')}</Table.Th>
              <Table.Th>{t('calls.operator')}</Table.Th>
              <Table.Th>{t('calls.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{formatDateTime(locale, row.occurredAt)}</Table.Td>
                <Table.Td>
                  {row.direction === 'in' ? (
                    <IconPhoneIncoming size={16} aria-label={t('interaction.in')} />
                  ) : (
                    <IconPhoneOutgoing size={16} aria-label={t('interaction.out')} />
                  )}
                </Table.Td>
                <Table.Td>
                  {row.contactId ? (
                    <Anchor component="button" onClick={() => row.contactId && onOpenContact(row.contactId)}>
                      {row.contactName}
                    </Anchor>
                  ) : (
                    t('common.unknown')
                  )}
                </Table.Td>
                <Table.Td>{row.durationSeconds === null ? t('common.unknown') : formatDuration(row.durationSeconds)}</Table.Td>
                <Table.Td>{row.employeeName ?? t('common.unknown')}</Table.Td>
                <Table.Td>{row.outcome ?? t('common.unknown')}</Table.Td>
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
    </Box>
  );
}
