/** Merge fields as the script editor offers them and the preview shows them. */

export const builtInMergeFields = ['contact.firstName', 'contact.lastName', 'contact.fullName', 'company.name', 'operator.name', 'campaign.name'] as const;

/**
 * The fields the picker offers: the built-in ones, then each custom field by its name. A name with a brace
 * or a bar could not be written inside `{…}`, so it is left out rather than offered broken.
 */
export function mergeFieldChoices(customFieldNames: readonly string[]): string[] {
  return [...builtInMergeFields, ...customFieldNames.filter((name) => name.trim() !== '' && !/[{}|]/.test(name)).map((name) => `custom.${name.trim()}`)];
}

/** The text with `{field}` put in place of the selection, and where the caret goes after it. */
export function insertMergeField(text: string, selectionStart: number, selectionEnd: number, field: string): { text: string; caret: number } {
  const token = `{${field}}`;
  const from = Math.max(0, Math.min(selectionStart, text.length));
  const to = Math.max(from, Math.min(selectionEnd, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}

export interface TextPiece {
  text: string;
  /** The piece is a merge field that had no value (main leaves it as `[field]`). */
  missing: boolean;
}

/** A merged text cut so that the gaps main marked as `[field]` can be highlighted. */
export function markMissing(text: string, missing: readonly string[]): TextPiece[] {
  const gaps = new Set(missing.map((field) => `[${field}]`));
  if (gaps.size === 0) return text === '' ? [] : [{ text, missing: false }];
  const escaped = [...gaps].map((gap) => gap.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text
    .split(new RegExp(`(${escaped.join('|')})`, 'g'))
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, missing: gaps.has(piece) }));
}
