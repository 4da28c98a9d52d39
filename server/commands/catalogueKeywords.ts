/**
 * The optional `keywords` column of a catalogue import: everyday words and
 * synonyms, '|'-separated (开饭店|餐馆). A file without the column keeps each
 * item's words from its previous version (db/repositories/items.ts); an empty
 * cell clears them.
 */
export const KEYWORDS_COLUMN = 'keywords';
const MAX_LENGTH = 20;

const wordsOf = (cell: string) => [...new Set(cell.split('|').map((w) => w.trim()).filter(Boolean))];

/** The row's words, or nothing when the file has no such column. */
export function keywordsOfRow(record: Record<string, string>): { keywords?: string[] } {
  if (!(KEYWORDS_COLUMN in record)) return {};
  return { keywords: wordsOf(record[KEYWORDS_COLUMN] ?? '') };
}

/** A word too long to be one (a sentence pasted in the wrong column). */
export function keywordProblems(record: Record<string, string>): { field: string; code: string; params: Record<string, number> }[] {
  const words = keywordsOfRow(record).keywords ?? [];
  return words.some((w) => [...w].length > MAX_LENGTH) ? [{ field: KEYWORDS_COLUMN, code: 'TOO_LONG', params: { max: MAX_LENGTH } }] : [];
}
