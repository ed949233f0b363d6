import { Box, Group, Progress, SegmentedControl, Select, SimpleGrid, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintStates, type ComplaintState } from '#contract';
import { useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatDate, formatNumber } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { ComplaintDrawer } from './ComplaintDrawer';

export interface ComplaintsScreenProps {
  openId: string | null;
  onOpen: (id: string | null) => void;
}

const day = 86_400_000;

/** All complaints by state, and their analysis by cause and by time to resolve. */
export function ComplaintsScreen({ openId, onOpen }: ComplaintsScreenProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const [state, setState] = useState<ComplaintState | 'open' | 'all'>('open');
  const [causeId, setCauseId] = useState<string | null>(null);
  const causes = useQuery('complaints.causes', {});
  const list = useQuery('complaints.list', { ...(state === 'open' ? { openOnly: true } : state === 'all' ? {} : { state }), ...(causeId ? { causeId } : {}), limit: 200 });
  const [period, setPeriod] = useState('90');
  const [now] = useState(() => Date.now());
  const analysis = useQuery('complaints.analysis', { from: now - Number(period) * day, to: now + 1 });

  return (
    <Box>
      <ScreenTitle>{t('complaints.title')}</ScreenTitle>
      <Tabs defaultValue="list">
        <Tabs.List mb="sm">
          <Tabs.Tab value="list">{t('complaints.list')}</Tabs.Tab>
          <Tabs.Tab value="analysis">{t('complaints.analysis')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <Group mb="sm">
            <SegmentedControl value={state} onChange={(v) => setState(v)} data={[{ value: 'open', label: t('complaints.open') }, ...complaintStates.map((s) => ({ value: s, label: t(`complaintState.${s}`) })), { value: 'all', label: t('calls.all') }]} />
            <Select placeholder={t('complaints.cause')} data={(causes.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={causeId} onChange={setCauseId} clearable aria-label={t('complaints.cause')} />
          </Group>
          {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
          {list.data?.rows.length === 0 && <Text c="dimmed">{t('complaints.empty')}</Text>}
          {list.data && list.data.rows.length > 0 && (
            <Table highlightOnHover striped data-testid="complaints-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('complaints.numberShort')}</Table.Th>
                  <Table.Th>{t('complaints.subject')}</Table.Th>
                  <Table.Th>{t('complaints.client')}</Table.Th>
                  <Table.Th>{t('complaints.cause')}</Table.Th>
                  <Table.Th>{t('complaints.state')}</Table.Th>
                  <Table.Th>{t('complaints.responsible')}</Table.Th>
                  <Table.Th>{t('complaints.registeredOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((c) => (
                  <Table.Tr key={c.id} onClick={() => onOpen(c.id)} style={{ cursor: 'pointer' }}>
                    <Table.Td>{c.number}</Table.Td>
                    <Table.Td>{c.subject}</Table.Td>
                    <Table.Td>{c.contact?.name ?? c.company?.name ?? t('common.unknown')}</Table.Td>
                    <Table.Td>{c.cause?.name ?? t('common.unknown')}</Table.Td>
                    <Table.Td>{t(`complaintState.${c.state}`)}</Table.Td>
                    <Table.Td>{c.responsible?.name ?? t('common.unknown')}</Table.Td>
                    <Table.Td>{formatDate(locale, c.registeredAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="analysis">
          <SegmentedControl mb="sm" value={period} onChange={setPeriod} data={['30', '90', '365'].map((d) => ({ value: d, label: t('complaints.lastDays', { count: Number(d) }) }))} />
          {analysis.data && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Table data-testid="complaints-by-cause">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('complaints.cause')}</Table.Th>
                    <Table.Th ta="right">{t('complaints.count')}</Table.Th>
                    <Table.Th ta="right">{t('complaints.open')}</Table.Th>
                    <Table.Th ta="right">{t('complaints.meanHours')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {analysis.data.byCause.map((row) => (
                    <Table.Tr key={row.cause?.id ?? 'none'}>
                      <Table.Td>{row.cause?.name ?? t('complaints.noCause')}</Table.Td>
                      <Table.Td ta="right">{formatNumber(locale, row.count)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(locale, row.open)}</Table.Td>
                      <Table.Td ta="right">{row.meanHoursToResolve === null ? t('common.unknown') : formatNumber(locale, row.meanHoursToResolve)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Box>
                <Text fw={600} mb="xs">
                  {t('complaints.timeToResolve')}
                </Text>
                {analysis.data.timeToResolve.map((bucket) => {
                  const resolved = analysis.data?.timeToResolve.reduce((n, b) => n + b.count, 0) ?? 0;
                  return (
                    <Box key={bucket.bucket} mb={6}>
                      <Group justify="space-between">
                        <Text size="sm">{t(`complaints.bucket.${bucket.bucket}`)}</Text>
                        <Text size="sm">{formatNumber(locale, bucket.count)}</Text>
                      </Group>
                      <Progress value={resolved ? (bucket.count / resolved) * 100 : 0} />
                    </Box>
                  );
                })}
              </Box>
            </SimpleGrid>
          )}
        </Tabs.Panel>
      </Tabs>
      <ComplaintDrawer id={openId} onClose={() => onOpen(null)} onChanged={() => list.reload()} />
    </Box>
  );
}
