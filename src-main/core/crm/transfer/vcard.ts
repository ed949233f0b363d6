/** A contact as a vCard carries it (2.1, 3.0 and 4.0 read; 3.0 written). */
export interface VCardPerson {
  line: number;
  lastName: string;
  firstName: string;
  middleName: string;
  fullName: string;
  organization: string;
  title: string;
  phones: { kind: 'mobile' | 'work' | 'home' | 'fax' | 'other'; value: string }[];
  emails: string[];
  addresses: string[];
  note: string;
  categories: string[];
}

export type VCardRecord = { line: number; person: VCardPerson } | { line: number; error: string };

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Unfolds continuation lines (a line starting with space or tab continues the previous one; QP soft breaks too). */
function unfold(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const last = out.at(-1);
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (last && last.text.endsWith('=') && /ENCODING=QUOTED-PRINTABLE/i.test(last.text)) last.text = last.text.slice(0, -1) + raw;
    else out.push({ line: index + 1, text: raw });
  });
  return out;
}

function parseProperty(text: string): Property | null {
  const colon = indexOutsideQuotes(text, ':');
  if (colon < 0) return null;
  const [rawName = '', ...rawParams] = text.slice(0, colon).split(';');
  const name = rawName.replace(/^item\d+\./i, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const param of rawParams) {
    const [key, value] = param.includes('=') ? [param.slice(0, param.indexOf('=')), param.slice(param.indexOf('=') + 1)] : ['TYPE', param];
    params.set(key.toUpperCase(), [...(params.get(key.toUpperCase()) ?? []), ...value.replace(/"/g, '').split(',').map((v) => v.toUpperCase())]);
  }
  let value = text.slice(colon + 1);
  if (params.get('ENCODING')?.includes('QUOTED-PRINTABLE')) value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'UTF-8');
  return { name, params, value };
}

function indexOutsideQuotes(text: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === ch) return i;
  }
  return -1;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  return new TextDecoder(charset.toLowerCase() === 'windows-1251' ? 'windows-1251' : 'utf-8').decode(new Uint8Array(bytes));
}

/** Splits a structured value on unescaped `sep` and unescapes each part. */
function components(value: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i] as string;
      current += next === 'n' || next === 'N' ? '\n' : next;
    } else if (ch === sep) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

function phoneKind(params: Map<string, string[]>): VCardPerson['phones'][number]['kind'] {
  const types = params.get('TYPE') ?? [];
  if (types.includes('FAX')) return 'fax';
  if (types.includes('CELL') || types.includes('MOBILE')) return 'mobile';
  if (types.includes('HOME')) return 'home';
  if (types.includes('WORK')) return 'work';
  return 'other';
}

/** Reads every card in a .vcf file; a card that cannot be read is reported by the line it starts on. */
export function* readVCards(text: string): Generator<VCardRecord> {
  let card: VCardPerson | null = null;
  for (const { line, text: content } of unfold(text.replace(/^\uFEFF/, ''))) {
    if (content.trim() === '') continue;
    const property = parseProperty(content);
    if (!property) {
      if (card) {
        yield { line: card.line, error: `line ${line} is not a vCard property` };
        card = null;
      }
      continue;
    }
    if (property.name === 'BEGIN' && property.value.toUpperCase() === 'VCARD') {
      if (card) yield { line: card.line, error: 'the card has no END:VCARD' };
      card = { line, lastName: '', firstName: '', middleName: '', fullName: '', organization: '', title: '', phones: [], emails: [], addresses: [], note: '', categories: [] };
      continue;
    }
    if (!card) continue;
    switch (property.name) {
      case 'END':
        yield card.fullName || card.lastName || card.firstName || card.organization
          ? { line: card.line, person: card }
          : { line: card.line, error: 'the card has no name (N, FN or ORG)' };
        card = null;
        break;
      case 'N': {
        const [last = '', first = '', middle = ''] = components(property.value, ';');
        Object.assign(card, { lastName: last, firstName: first, middleName: middle });
        break;
      }
      case 'FN':
        card.fullName = components(property.value, ';').join(' ').trim();
        break;
      case 'ORG':
        card.organization = components(property.value, ';').filter(Boolean).join(', ');
        break;
      case 'TITLE':
        card.title = components(property.value, ';').join(' ');
        break;
      case 'TEL':
        if (property.value.trim()) card.phones.push({ kind: phoneKind(property.params), value: property.value.replace(/^tel:/i, '').trim() });
        break;
      case 'EMAIL':
        if (property.value.trim()) card.emails.push(property.value.trim());
        break;
      case 'ADR': {
        const address = components(property.value, ';').filter(Boolean).join(', ');
        if (address) card.addresses.push(address);
        break;
      }
      case 'NOTE':
        card.note = components(property.value, ';').join(';');
        break;
      case 'CATEGORIES':
        card.categories.push(...components(property.value, ',').filter(Boolean));
        break;
    }
  }
  if (card) yield { line: card.line, error: 'the file ends inside a card (no END:VCARD)' };
}

function escapeValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const telType: Record<string, string> = { mobile: 'CELL', work: 'WORK', home: 'HOME', fax: 'FAX', other: 'VOICE' };

export interface VCardOut {
  lastName: string;
  firstName: string;
  middleName: string;
  fullName: string;
  organization: string | null;
  title: string | null;
  phones: { kind: string; raw: string; e164: string | null }[];
  emails: string[];
  addresses: string[];
  note: string;
  categories: string[];
}

/** One vCard 3.0, CRLF line ends, folded. */
export function writeVCard(person: VCardOut): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${[person.lastName, person.firstName, person.middleName, '', ''].map(escapeValue).join(';')}`,
    `FN:${escapeValue(person.fullName)}`,
    ...(person.organization ? [`ORG:${escapeValue(person.organization)}`] : []),
    ...(person.title ? [`TITLE:${escapeValue(person.title)}`] : []),
    ...person.phones.map((p) => `TEL;TYPE=${telType[p.kind] ?? 'VOICE'}:${p.e164 ?? p.raw}`),
    ...person.emails.map((e) => `EMAIL;TYPE=INTERNET:${e}`),
    ...person.addresses.map((a) => `ADR:;;${escapeValue(a)};;;;`),
    ...(person.note ? [`NOTE:${escapeValue(person.note)}`] : []),
    ...(person.categories.length > 0 ? [`CATEGORIES:${person.categories.map(escapeValue).join(',')}`] : []),
    'END:VCARD',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
