import ExcelJS from 'exceljs';
import type { SourceRecord } from './tabular';
import { maxCellChars } from './tabular';

/** A cell as the text a person sees in Excel: dates as YYYY-MM-DD, formulas by their result, links by their text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** The first worksheet's rows, streamed (a million-row sheet is never held whole). */
export async function* readXlsx(file: string): AsyncGenerator<SourceRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'cache', styles: 'cache', worksheets: 'emit' });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      // row.values is sparse (index 1 is column A; empty cells are holes): fill the holes with ''.
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]).trim());
      const tooBig = cells.findIndex((c) => c.length > maxCellChars);
      if (tooBig >= 0) yield { line: row.number, error: `column ${tooBig + 1} holds ${cells[tooBig]?.length} characters; a cell may hold at most ${maxCellChars}` };
      else yield { line: row.number, cells };
    }
    return; // the first sheet only
  }
}
