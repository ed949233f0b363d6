/** A record read from a file, or the reason it could not be read. Lines count from 1, as editors show them. */
export type SourceRecord = { line: number; cells: string[] } | { line: number; error: string };

/** Longest cell we accept: a note, not a document. Bigger cells reject their row. */
export const maxCellChars = 64 * 1024;
