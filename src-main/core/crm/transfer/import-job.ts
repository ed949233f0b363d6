import { eq } from 'drizzle-orm';
import type { ImportSummary, ImportTarget, PhoneIssue, RejectedRow } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { buildDeferredIndexes, deferIndexes, importDeferrableIndexes } from '#core/db/deferred-indexes';
import { imports } from '#core/db/schema';
import { listCustomFields } from '#core/crm/custom-fields';
import { indexPendingPhones } from '#core/crm/search-index';
import { DomainError } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import type { Clock } from '#core/shared/clock';
import type { Delimiter, TextEncoding } from './csv-reader';
import { ImportWriter, type DuplicatePolicy } from './import-writer';
import { importedPhone, mapRow, splitFullName, type ImportedPerson, type MappedRow } from './row-mapper';
import { estimateRows, resolveSource, tabularRecords, vcardRecords, type ImportFormat } from './sources';
import type { VCardPerson } from './vcard';
import { CampaignListJoin, campaignListOf, type CampaignListTarget } from '#core/dialer/files/campaign-list-join';

/** A line the reader could not make a record of; its reader's English detail goes along as a parameter. */
function unreadable(record: { line: number; error: string }): MappedRow {
  return { ok: false, rejection: { line: record.line, field: null, reason: record.error, code: 'row_unreadable', params: { detail: record.error } } };
}

export interface ImportParams {
  importId: string;
  file: string;
  fileName: string;
  format?: ImportFormat | undefined;
  encoding?: TextEncoding | undefined;
  delimiter?: Delimiter | undefined;
  hasHeader: boolean;
  mapping: ImportTarget[];
  duplicates: DuplicatePolicy;
  /** The countries the file's numbers are read with, in order (a row's own country column goes first for it). */
  workingCountries: string[];
  employeeId: string | null;
  /** The campaign whose list the file's people join, batch by batch (see CampaignListJoin). */
  campaign?: CampaignListTarget | undefined;
}

/** Rows per transaction: big enough to be fast, small enough that a call being logged waits milliseconds, not seconds. */
const batchRows = 5_000;
/**
 * An import this large (and at least an eighth of the contacts already there) drops the indexes it can
 * do without and builds them at its end: building one sorted costs about a ninth of keeping it up row
 * by row (measured on 200,000 rows: about 5 µs against 40 µs a row), so it pays from there on.
 */
const deferIndexesFrom = { rows: 10_000, shareOfExisting: 1 / 8 };
/** Rejections and phone issues kept with the import for the report (all are counted). */
const keptRejections = 1_000;

/**
 * Imports a contact list. Rows are read, checked and written in batches; each batch is one
 * transaction, so a crash keeps every batch that was committed (and the import can be undone).
 * Bad rows are reported by line, column and reason; good rows go through. With `campaign`, each
 * batch's people also join that campaign's list in the batch's transaction.
 */
export async function runImport(
  database: AppDatabase,
  params: ImportParams,
  deps: { ids: IdGenerator; clock: Clock },
  report: (progress: { done: number; total: number }) => void,
): Promise<ImportSummary> {
  const source = resolveSource(params);
  const total = estimateRows(params.file, source.format);
  const fieldsById = new Map(listCustomFields(database.read).map((f) => [f.id, f]));
  const writer = new ImportWriter(database.sqlite, {
    importId: params.importId,
    ids: deps.ids,
    now: deps.clock.now(),
    employeeId: params.employeeId,
    duplicates: params.duplicates,
  });
  // A resumed import (interrupted by a crash) carries on after the rows its committed batches covered.
  const resumed = resumePoint(database, params.importId);
  const counts = resumed.counts;
  const rejections: RejectedRow[] = resumed.rejections;
  const phoneIssues = resumed.phoneIssues;
  let skip = counts.rows;
  const campaignList = params.campaign
    ? new CampaignListJoin(database, params.campaign, { now: deps.clock.now(), ids: deps.ids, employeeId: params.employeeId, stored: resumed.campaignList })
    : null;
  const reject = (rejection: RejectedRow) => {
    counts.rejected++;
    if (rejections.length < keptRejections) rejections.push(rejection);
  };

  let batch: ImportedPerson[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    database.write((tx) => {
      const people: string[] = [];
      for (const person of rows) {
        const written = writer.write(tx, person);
        counts[written.outcome]++;
        if (written.contactId) people.push(written.contactId);
      }
      writer.flush();
      indexPendingPhones(tx);
      campaignList?.add(tx, people);
      // The counts travel with the batch: after a crash they say exactly which rows are in.
      tx.update(imports)
        .set({
          ...counts,
          rejections: JSON.stringify(rejections),
          phoneIssues: phoneIssues.count,
          phoneIssueList: JSON.stringify(phoneIssues.list),
          ...(campaignList ? { campaignList: campaignList.stored() } : {}),
        })
        .where(eq(imports.id, params.importId))
        .run();
    });
    report({ done: counts.rows, total: Math.max(total, counts.rows) });
  };
  const accept = (read: () => MappedRow) => {
    if (skip > 0) {
      skip--;
      return;
    }
    counts.rows++;
    const mapped = read();
    if (mapped.ok) {
      batch.push(mapped.person);
      phoneIssues.count += mapped.phoneIssues.length;
      for (const issue of mapped.phoneIssues) if (phoneIssues.list.length < keptRejections) phoneIssues.list.push(issue);
    } else reject(mapped.rejection);
    if (batch.length >= batchRows) flush();
  };

  // The search index merges its segments less often while a list pours in (FTS5 `automerge`), and
  // goes back to its everyday setting after, crash or not (the setting itself is harmless either way).
  // (FTS5 takes these settings as literals only: a bound value is refused.)
  const setAutomerge = (level: 4 | 16) => database.sqlite.exec(`INSERT INTO search_index (search_index, rank) VALUES ('automerge', ${level})`);
  setAutomerge(16);
  const existing = database.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts').get()?.n ?? 0;
  if (total - counts.rows >= Math.max(deferIndexesFrom.rows, existing * deferIndexesFrom.shareOfExisting)) {
    deferIndexes(database, importDeferrableIndexes, deps.clock.now());
  }
  try {
    if (source.format === 'vcard') {
      for (const record of vcardRecords(params.file, source.encoding)) {
        accept(() => ('error' in record ? unreadable(record) : personFromVCard(record.line, record.person, params.workingCountries)));
      }
    } else {
      let headers: string[] | null = null;
      for await (const record of tabularRecords(params.file, source)) {
        if (headers === null && params.hasHeader) {
          if ('error' in record) throw new DomainError('invalid_payload', 'unreadable_header', `The header row (line ${record.line}) cannot be read: ${record.error}`, { line: record.line, detail: record.error });
          headers = record.cells;
          if (headers.length !== params.mapping.length) {
            throw new DomainError('invalid_payload', 'mapping_mismatch', `The file has ${headers.length} columns but the mapping names ${params.mapping.length}; preview the file again`, { count: headers.length, mapped: params.mapping.length });
          }
          continue;
        }
        const columns = (headers ??= params.mapping.map((_, i) => `column ${i + 1}`));
        if ('error' in record) {
          accept(() => unreadable(record));
          continue;
        }
        // A spreadsheet row ends at its last filled cell; a CSV row must have every column.
        const cells = source.format === 'xlsx' && record.cells.length < columns.length ? [...record.cells, ...Array<string>(columns.length - record.cells.length).fill('')] : record.cells;
        accept(() => mapRow(record.line, cells, columns, params.mapping, fieldsById, params.workingCountries));
      }
      if (headers === null) throw new DomainError('invalid_payload', 'file_has_no_rows', `${params.fileName} has no rows`, { file: params.fileName });
    }
    flush();
    setAutomerge(4);
    buildDeferredIndexes(database);
    // A list this size can change which index suits a query: the planner's statistics are brought up to date.
    database.sqlite.pragma('optimize');
    return finish(database, params.importId, 'done', counts, rejections, phoneIssues, deps.clock);
  } catch (error) {
    setAutomerge(4);
    buildDeferredIndexes(database);
    finish(database, params.importId, 'failed', counts, [...rejections, { line: 1, field: null, reason: error instanceof Error ? error.message : String(error) }], phoneIssues, deps.clock);
    throw error;
  }
}

/** Where an import starts: from nothing, or after the rows its committed batches covered (a resumed import). */
function resumePoint(
  database: AppDatabase,
  importId: string,
): {
  counts: { rows: number; created: number; merged: number; skipped: number; rejected: number };
  rejections: RejectedRow[];
  phoneIssues: { count: number; list: PhoneIssue[] };
  campaignList: string | null;
} {
  return database.write((tx) => {
    const row = tx.select().from(imports).where(eq(imports.id, importId)).get();
    if (!row) throw new DomainError('not_found', 'record_gone', `Import ${importId} is not recorded`, { id: importId });
    if (row.state === 'undone') throw new DomainError('conflict', 'import_undone', 'This import was undone; start a new one');
    tx.update(imports).set({ state: 'running', finishedAt: null }).where(eq(imports.id, importId)).run();
    const { rows, created, merged, skipped, rejected } = row;
    return {
      counts: { rows, created, merged, skipped, rejected },
      rejections: JSON.parse(row.rejections) as RejectedRow[],
      phoneIssues: { count: row.phoneIssues, list: JSON.parse(row.phoneIssueList) as PhoneIssue[] },
      campaignList: row.campaignList,
    };
  });
}

/** Imports still "running" at start were cut short by the last stop: interrupted, resumable, undoable. */
export function markInterruptedImports(database: AppDatabase, clock: Clock): void {
  database.write((tx) => tx.update(imports).set({ state: 'interrupted', finishedAt: clock.now() }).where(eq(imports.state, 'running')).run());
}

function finish(
  database: AppDatabase,
  importId: string,
  state: 'done' | 'failed',
  counts: { rows: number; created: number; merged: number; skipped: number; rejected: number },
  rejections: RejectedRow[],
  phoneIssues: { count: number; list: PhoneIssue[] },
  clock: Clock,
): ImportSummary {
  database.write((tx) =>
    tx
      .update(imports)
      .set({ state, ...counts, rejections: JSON.stringify(rejections), phoneIssues: phoneIssues.count, phoneIssueList: JSON.stringify(phoneIssues.list), finishedAt: clock.now() })
      .where(eq(imports.id, importId))
      .run(),
  );
  const row = database.read.select().from(imports).where(eq(imports.id, importId)).get();
  if (!row) throw new Error(`import ${importId} vanished`);
  return toImportSummary(row);
}

export function toImportSummary(row: typeof imports.$inferSelect): ImportSummary {
  return {
    ...row,
    rejections: JSON.parse(row.rejections) as RejectedRow[],
    phoneIssueList: JSON.parse(row.phoneIssueList) as PhoneIssue[],
    campaignList: campaignListOf(row.campaignList),
  };
}

function personFromVCard(line: number, card: VCardPerson, countries: readonly string[]): MappedRow {
  const name = card.lastName || card.firstName ? card : { ...card, ...splitFullName(card.fullName) };
  const phones: ImportedPerson['phones'] = [];
  const phoneIssues: PhoneIssue[] = [];
  for (const phone of card.phones) {
    const read = importedPhone(phone.value, phone.kind === 'mobile' ? 'mobile' : phone.kind === 'work' ? 'work' : 'other', countries, { line, field: 'TEL' });
    phones.push(read.phone);
    if (read.issue) phoneIssues.push(read.issue);
  }
  return {
    ok: true,
    person: {
      lastName: name.lastName,
      firstName: name.firstName,
      middleName: name.middleName,
      company: card.organization,
      position: card.title,
      phones,
      emails: card.emails,
      address: card.addresses[0] ?? '',
      city: '',
      tags: card.categories,
      notes: card.note,
      source: 'vcard',
      doNotCall: false,
      custom: [],
    },
    phoneIssues,
  };
}
