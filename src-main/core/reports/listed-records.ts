import type { DrillPage, DrillRow } from '#contract';
import { readCursor } from './framework/sql-report';

/** A record a custom report lists behind a cell, with the number it is ordered by (newest first). */
export interface ListedRecord {
  sort: number;
  row: DrillRow;
}

/**
 * One page of records computed in memory (by reports whose figures SQL cannot compute), in the order and with
 * the cursor of the SQL drill-downs: newest first, ties by id, `next` = [sort, id] of the page's last row.
 */
export function pageOf(records: readonly ListedRecord[], page: { after?: string | undefined; limit: number }): Pick<DrillPage, 'rows' | 'next'> {
  const cursor = readCursor(page.after);
  const listed = records
    .filter((r) => cursor === null || r.sort < cursor.sort || (r.sort === cursor.sort && r.row.id < cursor.id))
    .sort((a, b) => b.sort - a.sort || (b.row.id < a.row.id ? -1 : b.row.id > a.row.id ? 1 : 0));
  const shown = listed.slice(0, page.limit);
  const last = shown.at(-1);
  return { rows: shown.map((r) => r.row), next: listed.length > page.limit && last ? JSON.stringify([last.sort, last.row.id]) : null };
}
