import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

import { DomainError } from '#core/shared/errors';
import { detectDelimiter, detectEncoding, readCsv, type Delimiter, type TextEncoding } from './csv-reader';
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

/** The file's format, encoding and delimiter: as given, else detected from the name and the bytes. */
export function resolveSource(options: SourceOptions): ResolvedSource {
  const head = readFileSync(options.file).subarray(0, 256 * 1024);
  if (head.length === 0) throw new DomainError('invalid_payload', `${options.fileName} is empty: there is nothing to import`);
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
  else yield* readCsv(readFileSync(file), source.delimiter, source.encoding);
}

export function* vcardRecords(file: string, encoding: TextEncoding): Generator<{ line: number; person: VCardPerson } | { line: number; error: string }> {
  yield* readVCards(new TextDecoder(encoding).decode(readFileSync(file)));
}

/** A rough row count for the progress bar (line ends in a text file; unknown for a workbook). */
export function estimateRows(file: string, format: ImportFormat): number {
  if (format === 'xlsx') return 0;
  const bytes = readFileSync(file);
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
  return format === 'vcard' ? Math.round(lines / 6) : lines;
}

