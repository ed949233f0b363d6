import { Box, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatMoney, formatNumber } from '#renderer/i18n/format';
import { stageName } from '#renderer/i18n/stage-name';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';

/** The management overview: clients, kinds of contact, and the pipeline by stage. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const summary = useQuery('reports.summary', {});
  const data = summary.data;

  return (
    <Box>
      <ScreenTitle>{t('reports.title')}</ScreenTitle>
      {summary.error && <ErrorNotice error={summary.error} onRetry={summary.reload} />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
            <Stat label={t('reports.companies')} value={formatNumber(locale, data.companies)} />
            <Stat label={t('reports.contacts')} value={formatNumber(locale, data.contacts)} />
          </SimpleGrid>
          <Title order={4} mb="xs">
            {t('reports.interactions')}
          </Title>
          <SimpleGrid cols={{ base: 2, md: 5 }} mb="lg">
            {data.interactionsByKind.map((row) => (
              <Stat key={row.kind} label={t(`interaction.${row.kind}`)} value={formatNumber(locale, row.count)} />
            ))}
          </SimpleGrid>
          <Title order={4} mb="xs">
            {t('reports.pipeline')}
          </Title>
          <Table striped data-testid="pipeline-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.stage')}</Table.Th>
                <Table.Th ta="right">{t('reports.deals')}</Table.Th>
                <Table.Th ta="right">{t('reports.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.pipeline.map((row) => (
                <Table.Tr key={row.stageId}>
                  <Table.Td>{stageName(t, { name: row.stageName, key: row.stageKey })}</Table.Td>
                  <Table.Td ta="right">{formatNumber(locale, row.deals)}</Table.Td>
                  <Table.Td ta="right">{row.amounts.map((a) => formatMoney(locale, a.amount, a.currency)).join(' + ') || t('common.unknown')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Box>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}
