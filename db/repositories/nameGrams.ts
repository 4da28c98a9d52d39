import type { Knex } from 'knex';

/**
 * The applicant and legal-representative names of each case cut into
 * single characters and pairs (migration 015): a name search looks its
 * query's pairs up here instead of scanning every name with a leading-wildcard
 * LIKE, which no B-tree serves (MariaDB has no n-gram full-text parser for
 * InnoDB, and one table serves both databases). The LIKE still has the last
 * word on the few candidates, so what is found is exactly what a scan finds.
 */
export function gramsOf(text: string): string[] {
  const chars = Array.from(text.toLowerCase());
  return [...new Set([...chars, ...pairsOf(chars)])];
}

/** What a query is looked up by: its pairs, or the one character it is. */
function queryGrams(q: string): string[] {
  const chars = Array.from(q.toLowerCase());
  return chars.length === 1 ? chars : [...new Set(pairsOf(chars))];
}

function pairsOf(chars: string[]): string[] {
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

export async function insertNameGrams(db: Knex, rows: { caseId: number; names: (string | null | undefined)[] }[]): Promise<void> {
  const grams = rows.flatMap((r) => [...new Set(r.names.filter((n): n is string => Boolean(n)).flatMap(gramsOf))].map((gram) => ({ gram, case_id: r.caseId })));
  // Letters a collation folds together (A and a) would collide on the key: the first one is enough.
  for (let i = 0; i < grams.length; i += 500) await db('case_name_grams').insert(grams.slice(i, i + 500)).onConflict(['gram', 'case_id']).ignore();
}

/**
 * The cases whose names hold every pair of `q`, or null when there are more
 * than `cap` (a query as common as 公司 narrows nothing: the scan is as good).
 */
export async function nameCandidates(db: Knex, q: string, cap: number): Promise<number[] | null> {
  const grams = queryGrams(q);
  if (grams.length === 0) return null;
  const rows = await db('case_name_grams')
    .whereIn('gram', grams)
    .groupBy('case_id')
    .havingRaw('count(*) = ?', [grams.length])
    .limit(cap + 1)
    .select('case_id');
  return rows.length > cap ? null : rows.map((r: { case_id: number }) => Number(r.case_id));
}
