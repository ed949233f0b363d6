import type { TFunction } from 'i18next';
import type { ApiError, CrmBridge, ReportCell, ReportRequestInput, ReportResult } from '#contract';
import { act, jobFinished } from '#renderer/api/actions';
import { downloadFile } from '#renderer/api/files';
import { columnLabel, fieldLabel } from './report-format';

/** Headers in the operator's language for the report's table: the view's name over the rows, each column, the totals. */
export function tableHeaders(t: TFunction, result: ReportResult): Record<string, string> {
  return {
    row: t(`reports.views.${result.view}`, { defaultValue: result.view }),
    total: t('reports.total'),
    ...Object.fromEntries(result.columns.map((column) => [column.key, columnLabel(t, column)])),
  };
}

/** Headers for the records behind a cell, by their field keys. */
export function drillHeaders(t: TFunction, fields: readonly { key: string }[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.key, fieldLabel(t, field.key)]));
}

/** Writes the table (or a cell's records) in main's worker, then downloads the file like every other export. */
export async function exportReport(
  bridge: CrmBridge,
  errorText: (error: ApiError) => string,
  request: ReportRequestInput,
  format: 'csv' | 'xlsx',
  headers: Record<string, string>,
  cell?: ReportCell,
): Promise<void> {
  const started = await act(bridge, 'reports.export', { request, format, headers, ...(cell ? { cell } : {}) }, errorText);
  if (started && (await jobFinished(bridge, started.jobId)) === 'done') await downloadFile(bridge, started.fileId);
}
