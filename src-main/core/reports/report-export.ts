import type { z } from 'zod';
import type { ReportExportRequestSchema, ReportResult } from '#contract';
import { writeTable, type TableCell } from '#core/crm/transfer/table-writer';
import type { ReadDb } from '#core/db/handles';
import { drillReport, runReport, type ReportContext } from './run-report';

type ReportExport = z.output<typeof ReportExportRequestSchema>;

/** A figure as a cell: numbers stay numbers (they sum in the workbook), blanks stay blank, seconds are rounded. */
function figure(value: number | null | undefined): TableCell {
  return value === null || value === undefined ? '' : Math.round(value * 100) / 100;
}

function reportTable(result: ReportResult, headers: Record<string, string>) {
  const header = [headers.row ?? result.view, ...result.columns.map((c) => headers[c.key] ?? c.label ?? c.key)];
  // The window words row labels (days, states) in the operator's language and sends them as `row:<key>`.
  const rows = result.rows.map((row) => [headers[`row:${row.key}`] ?? row.label, ...result.columns.map((c) => figure(row.values[c.key]))]);
  rows.push([headers.total ?? 'Total', ...result.columns.map((c) => figure(result.totals[c.key]))]);
  return { sheet: result.report, header, rows };
}

/** Every page of the records behind one cell, in the list's own order. */
function* drilledRows(db: ReadDb, request: ReportExport, context: ReportContext, fields: string[], written: () => void): Generator<TableCell[]> {
  if (!request.cell) return;
  let after: string | undefined;
  do {
    const page = drillReport(db, { ...request.request, cell: request.cell, limit: 200, ...(after ? { after } : {}) }, context);
    for (const row of page.rows) {
      yield fields.map((key) => {
        const value = row.values[key];
        return value === null || value === undefined ? '' : typeof value === 'number' ? value : value;
      });
      written();
    }
    after = page.next ?? undefined;
  } while (after);
}

/**
 * Writes a report's table (its rows and totals, headers in the operator's language) or the records behind one of
 * its cells to CSV or XLSX, in the worker: a cell may stand for a million calls.
 */
export async function runReportExport(
  db: ReadDb,
  params: { now: number; zone: string; file: string; export: ReportExport },
  report: (progress: { done: number; total: number }) => void,
): Promise<{ done: number; total: number }> {
  const context = { now: params.now, zone: params.zone };
  const { export: request } = params;
  if (!request.cell) {
    const table = reportTable(runReport(db, request.request, context), request.headers);
    await writeTable(params.file, request.format, table);
    return { done: table.rows.length, total: table.rows.length };
  }
  const first = drillReport(db, { ...request.request, cell: request.cell, limit: 1 }, context);
  const fields = first.fields.map((f) => f.key);
  let done = 0;
  await writeTable(
    params.file,
    request.format,
    { sheet: first.recordType, header: fields.map((key) => request.headers[key] ?? key), rows: drilledRows(db, request, context, fields, () => undefined) },
    () => report({ done: ++done, total: 0 }),
  );
  return { done, total: done };
}
