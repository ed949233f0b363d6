import '@mantine/charts/styles.css';
import { BarChart, DonutChart, FunnelChart, LineChart } from '@mantine/charts';
import { Box, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportColumn, ReportResult } from '#contract';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { columnLabel, formatFigure, rowLabel } from './report-format';

const palette = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.6', 'pink.6', 'indigo.6', 'yellow.6'];

export interface ReportChartProps {
  result: ReportResult;
  onDrill: (cell: ReportCell) => void;
}

/** The columns drawn: those main marks for the chart, else the first one. */
export function chartColumns(result: ReportResult): ReportColumn[] {
  const marked = result.columns.filter((c) => c.chart);
  return marked.length > 0 ? marked : result.columns.slice(0, 1);
}

/** Series are named by position: column keys may hold characters recharts reads as a path ("amount:UAH", ids with dots). */
const seriesName = (index: number) => `s${index}`;

function seriesOf(t: TFunction, columns: ReportColumn[]) {
  return columns.map((column, i) => ({ name: seriesName(i), label: columnLabel(t, column), color: palette[i % palette.length] as string }));
}

/**
 * The report's figures drawn as main suggests (bars, lines over time, slices of a whole, a funnel); clicking a
 * bar, a point or a slice opens the records behind that row's figure.
 */
export function ReportChart({ result, onDrill }: ReportChartProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const columns = chartColumns(result);
  const first = columns[0];
  if (!first || result.rows.length === 0) {
    return (
      <Text c="dimmed" data-testid="report-chart" data-chart-type={result.chart.type}>
        {t('reports.noRows')}
      </Text>
    );
  }
  const drillable = (column: string) => result.columns.find((c) => c.key === column)?.drill === true;
  const drill = (rowIndex: number | undefined, column: string) => {
    const row = rowIndex === undefined ? undefined : result.rows[rowIndex];
    if (row && drillable(column)) onDrill({ rowKey: row.key, column });
  };
  const format = (column: ReportColumn) => (value: number) => formatFigure(t, locale, column.unit, value, column.currency);
  const data = result.rows.map((row) => ({ category: rowLabel(t, locale, row), ...Object.fromEntries(columns.map((c, i) => [seriesName(i), row.values[c.key] ?? 0])) }));
  const columnOf = (series: unknown) => columns.find((_c, i) => seriesName(i) === series)?.key ?? first.key;
  const cells = result.rows.map((row, i) => ({ key: row.key, name: rowLabel(t, locale, row), value: row.values[first.key] ?? 0, color: palette[i % palette.length] as string }));
  const type = result.chart.type;
  // A funnel is one row whose steps are its columns (dialed → reached → successful).
  const funnelRow = result.rows[0];
  const steps = columns.map((column, i) => ({ key: column.key, name: columnLabel(t, column), value: funnelRow?.values[column.key] ?? 0, color: palette[i % palette.length] as string }));

  return (
    <Box data-testid="report-chart" data-chart-type={type} style={{ cursor: 'pointer' }}>
      {type === 'funnel' ? (
        <FunnelChart data={steps} withLabels withTooltip valueFormatter={format(first)} funnelProps={{ onClick: (_item, index) => drill(0, columns[index]?.key ?? first.key) }} />
      ) : type === 'pie' ? (
        <DonutChart data={cells} withLabels withTooltip valueFormatter={format(first)} size={240} thickness={40} pieProps={{ onClick: (_item, index) => drill(index, first.key) }} />
      ) : type === 'line' ? (
        <LineChart
          h={300}
          data={data}
          dataKey="category"
          series={seriesOf(t, columns)}
          withLegend
          valueFormatter={format(first)}
          lineChartProps={{ onClick: (state) => drill(Number(state.activeTooltipIndex), columnOf(state.activeDataKey)) }}
        />
      ) : (
        <BarChart
          h={300}
          data={data}
          dataKey="category"
          type={type === 'stacked_bar' ? 'stacked' : 'default'}
          series={seriesOf(t, columns)}
          withLegend
          valueFormatter={format(first)}
          barProps={(series) => ({ onClick: (_item, index) => drill(index, columnOf(series.name)) })}
        />
      )}
    </Box>
  );
}
