import type { CustomField, ImportPreview } from '#contract';
import { DomainError } from '#core/shared/errors';
import type { Delimiter, TextEncoding } from './csv-reader';
import { suggestMapping } from './column-mapping';
import { resolveSource, tabularRecords, vcardRecords, type ImportFormat } from './sources';

const sampleRows = 20;

/** The first rows of a file as the import would read them, with a guessed column mapping. */
export async function previewImport(
  options: { file: string; fileName: string; format?: ImportFormat | undefined; encoding?: TextEncoding | undefined; delimiter?: Delimiter | undefined; hasHeader: boolean },
  fields: readonly CustomField[],
): Promise<ImportPreview> {
  const source = resolveSource(options);
  if (source.format === 'vcard') {
    const sample: string[][] = [];
    for (const record of vcardRecords(options.file, source.encoding)) {
      if (sample.length >= sampleRows) break;
      sample.push('error' in record ? [`line ${record.line}: ${record.error}`, '', '', ''] : [record.person.fullName || `${record.person.lastName} ${record.person.firstName}`.trim(), record.person.organization, record.person.phones.map((p) => p.value).join(', '), record.person.emails.join(', ')]);
    }
    return { ...source, headers: ['FN', 'ORG', 'TEL', 'EMAIL'], sample, suggestedMapping: ['fullName', 'company', 'phone', 'email'] };
  }
  let headers: string[] | null = null;
  const sample: string[][] = [];
  for await (const record of tabularRecords(options.file, source)) {
    const cells = 'error' in record ? [`line ${record.line}: ${record.error}`] : record.cells;
    if (headers === null) {
      headers = options.hasHeader ? cells : cells.map((_, i) => `column ${i + 1}`);
      if (options.hasHeader) continue;
    }
    sample.push(cells);
    if (sample.length >= sampleRows) break;
  }
  if (headers === null) throw new DomainError('invalid_payload', 'file_has_no_rows', `${options.fileName} has no rows to import`, { file: options.fileName });
  return { ...source, headers, sample, suggestedMapping: suggestMapping(headers, fields) };
}
