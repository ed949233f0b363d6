import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Loader, MultiSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { formatNumber, formatShortDate } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { chartRows, tableRows } from './load-table';
import { addDays, instantOf, wallClockAt, workstationZone } from './zoned-time';

const palette = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'lime.6', 'cyan.6', 'pink.6'];

function mondayOf(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return addDays(date, -((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7));
}

/** Booked hours per employee per day or week beside their campaign callbacks: a chart and the figures. */
export function LoadAnalysis({ me }: { me: string | null }) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const zone = workstationZone();
  const [period, setPeriod] = useState<[string | null, string | null]>(() => {
    const monday = mondayOf(wallClockAt(Date.now(), zone).date);
    return [monday, addDays(monday, 13)];
  });
  const [employeeIds, setEmployeeIds] = useState<string[]>(me ? [me] : []);
  const [by, setBy] = useState<'day' | 'week'>('day');
  const employees = useQuery('employees.list', {});
  const [from, to] = period;
  const ready = from !== null && to !== null && employeeIds.length > 0;
  const load = useQuery('calendar.load', { from: ready ? instantOf(`${from}T00:00`, zone) : 0, to: ready ? instantOf(`${addDays(to, 1)}T00:00`, zone) : 1, employeeIds }, ready);
  const loads = load.data ?? [];
  const dayLabel = (day: string) => formatShortDate(locale, instantOf(`${day}T12:00`, zone));

  return (
    <Stack data-testid="calendar-load">
      <Group align="flex-end">
        <MultiSelect
          label={t('calendar.load.employees')}
          data={(employees.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          value={employeeIds}
          onChange={setEmployeeIds}
          searchable
          maxValues={50}
          w={420}
        />
        <DatePickerInput type="range" label={t('calendar.load.period')} value={period} onChange={(v) => setPeriod(v)} valueFormat="L" w={260} />
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v)}
          data={[
            { value: 'day', label: t('calendar.load.byDay') },
            { value: 'week', label: t('calendar.load.byWeek') },
          ]}
        />
      </Group>
      {load.error && <ErrorNotice error={load.error} onRetry={load.reload} />}
      {!ready && <Text c="dimmed">{t('calendar.load.choose')}</Text>}
      {ready && load.loading && !load.data && <Loader size="sm" />}
      {loads.length > 0 && (
        <>
          <BarChart
            h={280}
            data={chartRows(loads, by).map((row) => ({ ...row, period: by === 'day' ? dayLabel(String(row.period)) : t('calendar.load.weekOf', { date: dayLabel(String(row.period)) }) }))}
            dataKey="period"
            series={loads.map((l, i) => ({ name: l.employeeName, color: palette[i % palette.length] ?? 'blue.6' }))}
            unit={` ${t('calendar.load.hoursUnit')}`}
            withLegend
          />
          <Table striped withTableBorder data-testid="calendar-load-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendar.load.employee')}</Table.Th>
                <Table.Th>{by === 'day' ? t('calendar.load.day') : t('calendar.load.week')}</Table.Th>
                <Table.Th ta="end">{t('calendar.load.hours')}</Table.Th>
                <Table.Th ta="end">{t('calendar.load.meetings')}</Table.Th>
                <Table.Th ta="end">{t('calendar.load.callbacks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tableRows(loads, by).map((row) => (
                <Table.Tr key={`${row.employee}:${row.period}`}>
                  <Table.Td>{row.employee}</Table.Td>
                  <Table.Td>{dayLabel(row.period)}</Table.Td>
                  <Table.Td ta="end">{formatNumber(locale, row.hours)}</Table.Td>
                  <Table.Td ta="end">{formatNumber(locale, row.meetings)}</Table.Td>
                  <Table.Td ta="end">{formatNumber(locale, row.callbacks)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
