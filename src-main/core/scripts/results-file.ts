import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ScriptResults } from '#contract';
import { safeCell } from '#core/crm/transfer/table-writer';

type Cell = string | number;
interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

const rate = (successes: number, runs: number) => (runs === 0 ? 0 : Math.round((successes / runs) * 1000) / 10);

/** The results as tables; headers in Ukrainian and English, as the contact export writes them. */
function sheets(results: ScriptResults, ordinal: ReadonlyMap<string, number>): Sheet[] {
  return [
    {
      name: 'Versions',
      header: ['Версія / Version', 'Опубліковано / Published', 'Дзвінків / Calls'],
      rows: results.versions.map((v) => [v.ordinal, new Date(v.publishedAt).toISOString(), v.runs]),
    },
    {
      name: 'Questions',
      header: ['Питання / Question', 'Версії / Versions', 'Відповідь / Answer', 'Кількість / Count'],
      rows: results.questions.flatMap((q) => {
        const versions = q.versionIds.map((id) => ordinal.get(id) ?? '?').join(', ');
        return [
          [q.label, versions, '', q.answered] as Cell[],
          ...q.options.map((o) => [q.label, versions, o.label, o.count]),
          ...(q.numbers ? [[q.label, versions, 'mean', q.numbers.mean], [q.label, versions, 'min', q.numbers.min], [q.label, versions, 'max', q.numbers.max]] : []),
          ...q.texts.map((text) => [q.label, versions, text, 1]),
        ];
      }),
    },
    {
      name: 'Paths',
      header: ['Шлях / Path', 'Дзвінків / Calls', 'Успішних / Successes', 'Успіх, % / Success, %'],
      rows: results.paths.map((p) => [p.titles.join(' → '), p.runs, p.successes, rate(p.successes, p.runs)]),
    },
    {
      name: 'Objections',
      header: ['Заперечення / Objection', 'Дзвінків / Calls', 'Успішних / Successes', 'Успіх, % / Success, %'],
      rows: results.objections.map((o) => [o.title, o.runs, o.successes, rate(o.successes, o.runs)]),
    },
    {
      name: 'Operators',
      header: ['Оператор / Operator', 'Дзвінків / Calls', 'Успішних / Successes', 'Успіх, % / Success, %'],
      rows: results.byOperator.map((o) => [o.name ?? '—', o.runs, o.successes, rate(o.successes, o.runs)]),
    },
  ];
}

function csvCell(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const safe = safeCell(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Writes the results into `file`: CSV (UTF-8 with a BOM and ";", one table after another) or XLSX (a sheet
 * per table). `ordinals` numbers the versions answers were counted over (the script's and its questionnaire's).
 */
export async function writeResultsFile(results: ScriptResults, ordinals: ReadonlyMap<string, number>, format: 'csv' | 'xlsx', file: string): Promise<void> {
  const tables = sheets(results, ordinals);
  if (format === 'csv') {
    const lines = tables.flatMap((t) => [csvCell(t.name), t.header.map(csvCell).join(';'), ...t.rows.map((r) => r.map(csvCell).join(';')), '']);
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}`);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeCell(cell) : cell)));
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 50 : 18;
    });
  }
  await workbook.xlsx.writeFile(file);
}
