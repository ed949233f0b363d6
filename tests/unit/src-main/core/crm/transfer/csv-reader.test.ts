import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bytesSource, detectDelimiter, detectEncoding, readCsv, type Delimiter, type TextEncoding } from '#core/crm/transfer/csv-reader';
import { suggestMapping } from '#core/crm/transfer/column-mapping';
import { splitFullName } from '#core/crm/transfer/row-mapper';
import type { SourceRecord } from '#core/crm/transfer/tabular';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function read(data: Uint8Array, delimiter: Delimiter = ',', encoding: TextEncoding = 'utf-8'): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readCsv(bytesSource(data), delimiter, encoding)) records.push(record);
  return records;
}

describe('CSV reader', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks, and counts lines as editors do', async () => {
    const records = await read(bytes('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\nlast,row'));
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', 'z'] },
      { line: 6, cells: ['last', 'row'] },
    ]);
  });

  it('skips a UTF-8 byte-order mark', async () => {
    expect((await read(bytes('\uFEFFName\nA')))[0]).toEqual({ line: 1, cells: ['Name'] });
  });

  it('takes a stray quote inside a cell literally: no row after it is lost', async () => {
    const records = await read(bytes('Товар;Ціна\r\nМонітор 24" дюйми;100\r\nКабель;5\r\n'), ';');
    expect(records).toEqual([
      { line: 1, cells: ['Товар', 'Ціна'] },
      { line: 2, cells: ['Монітор 24" дюйми', '100'] },
      { line: 3, cells: ['Кабель', '5'] },
    ]);
  });

  it('costs a quote opened and never closed only its own row, in the middle of the file or at its end', async () => {
    const records = await read(bytes('a;b\nx;"opened\n\ny;1\nz;2\nw;"again\n'), ';');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, error: 'a quoted cell opened on line 2 is never closed; the row is skipped' },
      { line: 4, cells: ['y', '1'] },
      { line: 5, cells: ['z', '2'] },
      { line: 6, error: 'a quoted cell opened on line 6 is never closed; the row is skipped' },
    ]);
  });

  it('reads Windows-1251, and reports a row that is not valid UTF-8 on its own line', async () => {
    expect(await read(new Uint8Array(iconv.encode('Прізвище;Місто\r\nШевченко;Київ\r\n', 'win1251')), ';', 'windows-1251')).toEqual([
      { line: 1, cells: ['Прізвище', 'Місто'] },
      { line: 2, cells: ['Шевченко', 'Київ'] },
    ]);
    const broken = new Uint8Array([...Buffer.from('a;b\n'), ...Buffer.from('x;'), 0xc3, 0x28, ...Buffer.from('\nok;1\n')]);
    expect(await read(broken, ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, error: 'the row is not valid UTF-8 text (column 2, byte 0x28)' },
      { line: 3, cells: ['ok', '1'] },
    ]);
  });

  it('detects the delimiter from the header', () => {
    expect(detectDelimiter(bytes('a;b;c\n1,2;3'))).toBe(';');
    expect(detectDelimiter(bytes('a\tb\tc'))).toBe('\t');
    expect(detectDelimiter(bytes('"a;b",c,d'))).toBe(',');
  });

  it('tells Windows-1251 from UTF-8 with one broken byte', () => {
    expect(detectEncoding(new Uint8Array([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x3b, 0xd1, 0xe5, 0xf0]))).toBe('windows-1251');
    expect(detectEncoding(new Uint8Array([...Buffer.from('Іван;Петро\n'), 0xc3, 0x28, ...Buffer.from(';Олена')]))).toBe('utf-8');
  });
});

describe('column mapping', () => {
  it('recognises Ukrainian, Russian and English headers, and bilingual ones', () => {
    expect(suggestMapping(['ПІБ', 'Компания', 'Телефон', 'Моб.', 'E-mail', 'Примітки', 'Що це?'], [])).toEqual([
      'fullName',
      'company',
      'phone',
      'mobile',
      'email',
      'notes',
      'skip',
    ]);
    expect(suggestMapping(['Прізвище / Last name', "Ім'я / First name", 'Телефони / Phones', 'Телефон 2'], [])).toEqual(['lastName', 'firstName', 'phone', 'phone']);
  });

  it('maps a column named like a custom field to that field', () => {
    expect(suggestMapping(['Рівень'], [{ id: 'f1', entity: 'contact', name: 'рівень', type: 'text', options: [], position: 0 }])).toEqual(['custom:f1']);
  });
});

describe('full names', () => {
  it('reads Ukrainian and Russian order (surname first) and English order', () => {
    expect(splitFullName('Шевченко Тарас Григорович')).toEqual({ lastName: 'Шевченко', firstName: 'Тарас', middleName: 'Григорович' });
    expect(splitFullName('Emma Smith')).toEqual({ lastName: 'Smith', firstName: 'Emma', middleName: '' });
  });
});

describe('CSV reader on any bytes', () => {
  it('never throws: every record is cells or a reported error with its line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom(',' as const, ';' as const, '\t' as const), fc.constantFrom('utf-8' as const, 'windows-1251' as const), async (data, delimiter, encoding) => {
        for (const record of await read(data, delimiter, encoding)) expect(record.line).toBeGreaterThan(0);
        detectDelimiter(data);
        detectEncoding(data);
      }),
      { numRuns: 1_000 },
    );
  });
});
