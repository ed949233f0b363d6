/**
 * Folds a name for search and sorting: Unicode lower case (SQLite's lower() is ASCII-only),
 * ё → е, apostrophes dropped (Ukrainian "Мар'яна" is typed both ways), accents dropped from
 * Latin letters (Müller → muller) while Cyrillic й, ї stay letters of their own; spaces collapsed.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`]/g, '')
    .replace(/[a-zà-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŉōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžß]/g, stripLatinAccent)
    .replace(/\s+/g, ' ')
    .trim();
}

function stripLatinAccent(letter: string): string {
  if (letter === 'ß') return 'ss';
  if (letter === 'ł') return 'l';
  if (letter === 'đ') return 'd';
  if (letter === 'œ') return 'oe';
  return letter.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The exclusive upper bound of all strings starting with `prefix`, for index range scans. */
export function prefixUpperBound(prefix: string): string {
  return prefix + '\uffff';
}

/** Digits of a phone-like query, or null when the text is not phone-like. */
export function phoneDigits(text: string): string | null {
  if (!/^[+\d\s().\-/]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 3 ? digits : null;
}

/** Words of a search text, folded, for prefix matching: "Шевч, Київ" → ["шевч", "київ"]. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** `%`-escapes decoded, never throwing: a broken escape (`%`, `%ZZ`, a cut UTF-8 sequence) stays as written. */
export function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (escape: string, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code < 0x80 ? String.fromCharCode(code) : escape;
    });
  }
}
