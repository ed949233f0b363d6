import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';

import { DomainError } from '#core/shared/errors';
import { detectDelimiter, detectEncoding, fileSource, readCsv, type Delimiter, type TextEncoding } from './csv-reader';
import type { SourceRecord } from './tabular';
import { readVCards, type VCardPerson } from './vcard';
import { readXlsx } from './xlsx-reader';

export type ImportFormat = 'csv' | 'xlsx' | 'vcard';

export interface SourceOptions {
  file: string;
  fileName: string;
  format?: ImportFormat | undefined;
  encoding?: TextEncoding | undefined;
  delimiter?: Delimiter | undefined;
}

export interface ResolvedSource {
  format: ImportFormat;
  encoding: TextEncoding;
  delimiter: Delimiter;
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const headBytes = 256 * 1024;

/** The first 256 KB of a file: enough to tell its format, encoding and delimiter without reading it all. */
function headOf(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(headBytes);
    return head.subarray(0, readSync(fd, head, 0, headBytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** The file's format, encoding and delimiter: as given, else detected from the name and the bytes. */
export function resolveSource(options: SourceOptions): ResolvedSource {
  const head = headOf(options.file);
  if (head.length === 0) throw new DomainError('invalid_payload', 'file_empty', `${options.fileName} is empty: there is nothing to import`, { file: options.fileName });
  const extension = extname(options.fileName).toLowerCase();
  const format: ImportFormat =
    options.format ?? (zipMagic.every((b, i) => head[i] === b) ? 'xlsx' : extension === '.vcf' || extension === '.vcard' ? 'vcard' : 'csv');
  return {
    format,
    encoding: options.encoding ?? (format === 'xlsx' ? 'utf-8' : detectEncoding(head)),
    delimiter: options.delimiter ?? detectDelimiter(head),
  };
}

/** Tabular records (CSV or the first worksheet), header first. */
export async function* tabularRecords(file: string, source: ResolvedSource): AsyncGenerator<SourceRecord> {
  if (source.format === 'xlsx') yield* readXlsx(file);
  else yield* readCsv(fileSource(file), source.delimiter, source.encoding);
}

export function* vcardRecords(file: string, encoding: TextEncoding): Generator<{ line: number; person: VCardPerson } | { line: number; error: string }> {
  yield* readVCards(new TextDecoder(encoding).decode(readFileSync(file)));
}

/**
 * A rough row count for the progress bar, from the file's size and the line length of its first
 * 256 KB (reading a 2 GB file twice to count lines would double the import); unknown for a workbook.
 */
export function estimateRows(file: string, format: ImportFormat): number {
  if (format === 'xlsx') return 0;
  const head = headOf(file);
  let lines = 0;
  for (let i = head.indexOf(0x0a); i >= 0; i = head.indexOf(0x0a, i + 1)) lines++;
  const size = statSync(file).size;
  const estimate = head.length === 0 ? 0 : Math.max(lines, Math.round((lines * size) / head.length));
  return format === 'vcard' ? Math.round(estimate / 6) : estimate;
}

