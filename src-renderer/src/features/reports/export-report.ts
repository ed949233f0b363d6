import type { TFunction } from 'i18next';
import type { ApiError, CrmBridge, ReportCell, ReportRequestInput, ReportResult } from '#contract';
import { act, jobFinished } from '#renderer/api/actions';
import { downloadFile } from '#renderer/api/files';
import { columnLabel, fieldLabel, rowLabel } from './report-format';

/**
 * Words in the operator's language for the report's table: the view's name over the rows, each column, the
 * totals, and each row's name as the table shows it (`row:<key>`: a day in the interface language, a state).
 */
export function tableHeaders(t: TFunction, locale: string, result: ReportResult): Record<string, string> {
  const words: [string, string][] = [
    ['row', t(`reports.views.${result.view}`, { defaultValue: result.view })],
    ['total', t('reports.total')],
    ...result.columns.map((column): [string, string] => [column.key, columnLabel(t, column)]),
    ...result.rows.map((row): [string, string] => [`row:${row.key}`, rowLabel(t, locale, row)]),
  ];
  // Within the contract's bounds (keys of 120, words of 200): a longer key is left to main's own label.
  return Object.fromEntries(words.filter(([key]) => key.length <= 120).map(([key, word]) => [key, word.slice(0, 200)]));
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
