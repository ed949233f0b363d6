import { Loader, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { formatDateTime } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

/** Items the server sent that could not be read, each with why (they stay on the server untouched). */
export function ProblemsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const problems = useQuery('calendar.problems', {});
  return (
    <Modal opened onClose={onClose} title={t('calendar.problems.title')} size="xl">
      {problems.error && <ErrorNotice error={problems.error} onRetry={problems.reload} />}
      {!problems.data && !problems.error && <Loader size="sm" />}
      {problems.data?.length === 0 && <Text c="dimmed">{t('calendar.problems.none')}</Text>}
      {problems.data && problems.data.length > 0 && (
        <Table striped data-testid="calendar-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calendar.problems.calendar')}</Table.Th>
              <Table.Th>{t('calendar.problems.item')}</Table.Th>
              <Table.Th>{t('calendar.problems.reason')}</Table.Th>
              <Table.Th>{t('calendar.problems.seen')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.data.map((p) => (
              <Table.Tr key={`${p.href}:${p.reason}`}>
                <Table.Td>{p.calendarName}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{p.href}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`calendar.problems.reasons.${p.reason}`, { defaultValue: p.reason })}</Text>
                  <Text size="xs" c="dimmed">
                    {p.detail}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(locale, p.seenAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
