import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';
/** Numbers stay numbers in a workbook (they sum and sort there); text is guarded against formulas. */
export type TableCell = string | number;

/** A cell that Excel would run as a formula is written as text (CSV injection); phone numbers keep their "+". */
export function safeCell(value: string): string {
  return /^[=@]|^[+-][^\d\s(]|^\t|^\r/.test(value) ? `'${value}` : value;
}

function csvCell(value: TableCell): string {
  if (typeof value === 'number') return String(value);
  const safe = safeCell(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes the pieces into `file` in order, waiting whenever the disk falls behind. */
export async function writeStreamed(file: string, pieces: Iterable<string>): Promise<void> {
  const stream = createWriteStream(file);
  for (const piece of pieces) {
    if (!stream.write(piece)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Writes one table into `file`, streaming row by row: CSV as UTF-8 with a BOM and ";" (as Excel in Ukraine
 * and Russia opens it), or an XLSX workbook with one sheet. `written` is called after every row.
 */
export async function writeTable(
  file: string,
  format: TableFormat,
  table: { sheet: string; header: readonly string[]; rows: Iterable<readonly TableCell[]> },
  written: () => void = () => undefined,
): Promise<void> {
  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.addRow([...table.header]).commit();
    for (const row of table.rows) {
      sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeCell(cell) : cell))).commit();
      written();
    }
    sheet.commit();
    await workbook.commit();
    return;
  }
  await writeStreamed(
    file,
    (function* () {
      yield `\uFEFF${table.header.map(csvCell).join(';')}\r\n`;
      for (const row of table.rows) {
        yield `${row.map(csvCell).join(';')}\r\n`;
        written();
      }
    })(),
  );
}
