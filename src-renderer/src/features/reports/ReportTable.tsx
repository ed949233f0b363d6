import { Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportColumn, ReportResult } from '#contract';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { columnLabel, formatFigure, rowLabel } from './report-format';

export interface ReportTableProps {
  result: ReportResult;
  onDrill: (cell: ReportCell) => void;
}

/** The figures by row with the whole period's totals below; a figure that has records behind it opens them. */
export function ReportTable({ result, onDrill }: ReportTableProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const figure = (column: ReportColumn, value: number | null | undefined, rowKey: string | null, testId: string) => {
    const text = formatFigure(t, locale, column.unit, value, column.currency);
    return (
      <Table.Td key={column.key} ta="right" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {column.drill && value !== null && value !== undefined ? (
          <UnstyledButton fz="sm" td="underline dotted" onClick={() => onDrill({ rowKey, column: column.key })}>
            {text}
          </UnstyledButton>
        ) : (
          text
        )}
      </Table.Td>
    );
  };

  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover withTableBorder data-testid="report-table" data-report={result.report} data-view={result.view}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {result.columns.map((column) => (
              <Table.Th key={column.key} ta="right">
                {columnLabel(t, column)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.rows.map((row) => (
            <Table.Tr key={row.key} data-testid="report-row">
              <Table.Td>{rowLabel(t, locale, row)}</Table.Td>
              {result.columns.map((column) => figure(column, row.values[column.key], row.key, `report-cell-${row.key}-${column.key}`))}
            </Table.Tr>
          ))}
          {result.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={result.columns.length + 1} c="dimmed">
                {t('reports.noRows')}
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t('reports.total')}</Table.Td>
            {result.columns.map((column) => figure(column, result.totals[column.key], null, `report-total-${column.key}`))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
