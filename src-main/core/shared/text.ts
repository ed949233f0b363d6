/**
 * Folds a name for search and sorting: Unicode lower case (SQLite's lower() is ASCII-only),
 * ё → е, apostrophes dropped (Ukrainian "Мар'яна" is typed both ways), spaces collapsed.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
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
