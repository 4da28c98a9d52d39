import type { Knex } from 'knex';

/** The columns of migration 009 holding keyed hashes of personal numbers (server/search/searchHash.ts). */
export const SEARCH_HASH_COLUMNS = ['search_id_hash', 'search_uscc_hash', 'search_phone_hash', 'search_agent_id_hash', 'search_agent_phone_hash'] as const;

/** The personal numbers of a case not yet hashed for search (columns of migration 008 when present). */
export interface UnhashedCase {
  id: number;
  idNumber: string | null;
  uscc: string | null;
  phone: string | null;
  agentIdNumber: string | null;
  agentPhone: string | null;
}

/** Up to `limit` cases whose search hashes were never written (filed before migration 009). */
export async function casesWithoutSearchHashes(db: Knex, limit: number): Promise<UnhashedCase[]> {
  // `*`: the organisation and agent columns exist only once migration 008 has run.
  const rows = (await db('cases').select('*').where('search_hashed', false).orderBy('id').limit(limit)) as Record<string, unknown>[];
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return rows.map((r) => ({
    id: Number(r.id),
    idNumber: text(r.applicant_id_number),
    uscc: text(r.applicant_uscc),
    phone: text(r.applicant_phone),
    agentIdNumber: text(r.agent_id_number),
    agentPhone: text(r.agent_phone),
  }));
}

/** Writes one case's hashes (snake_case columns) and marks it hashed. */
export async function saveSearchHashes(db: Knex, id: number, columns: Record<string, string | null>): Promise<void> {
  await db('cases').where({ id }).update({ ...columns, search_hashed: true });
}
