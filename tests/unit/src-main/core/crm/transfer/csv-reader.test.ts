import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding, readCsv } from '#core/crm/transfer/csv-reader';
import { suggestMapping } from '#core/crm/transfer/column-mapping';
import { splitFullName } from '#core/crm/transfer/row-mapper';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('CSV reader', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks, and counts lines as editors do', () => {
    const records = [...readCsv(bytes('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\nlast,row'), ',', 'utf-8')];
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', 'z'] },
      { line: 6, cells: ['last', 'row'] },
    ]);
  });

  it('skips a UTF-8 byte-order mark', () => {
    expect([...readCsv(bytes('\uFEFFName\nA'), ',', 'utf-8')][0]).toEqual({ line: 1, cells: ['Name'] });
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
  it('never throws: every record is cells or a reported error with its line', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom(',' as const, ';' as const, '\t' as const), fc.constantFrom('utf-8' as const, 'windows-1251' as const), (data, delimiter, encoding) => {
        for (const record of readCsv(data, delimiter, encoding)) expect(record.line).toBeGreaterThan(0);
        detectDelimiter(data);
        detectEncoding(data);
      }),
      { numRuns: 2_000 },
    );
  });
});
