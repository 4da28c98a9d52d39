import type { Knex } from 'knex';
import { parseJson } from '../connection';

export interface OutboxRow<P = unknown> {
  id: number;
  caseId: number;
  topic: string;
  payload: P;
}

/**
 * Publishes unpublished outbox rows in id order: `publish` runs for each row
 * inside the claiming transaction, and the rows are marked when it commits.
 * On MySQL, SKIP LOCKED lets several processes publish side by side without
 * taking the same row; a crash before commit leaves the rows for the next run.
 */
export async function publishBatch<P>(
  knex: Knex,
  dialect: 'sqlite' | 'mysql',
  limit: number,
  at: string,
  publish: (rows: OutboxRow<P>[]) => void,
): Promise<number> {
  return knex.transaction(async (trx) => {
    // SQLite shared by several processes: take the write lock before reading. Read first, and
    // another process could publish the same rows meanwhile; this one would have sent them too
    // before its mark failed (SQLITE_BUSY_SNAPSHOT): a duplicate.
    if (dialect === 'sqlite') await trx.raw('UPDATE outbox SET published_at = published_at WHERE 0');
    const q = trx('outbox').whereNull('published_at').orderBy('id').limit(limit).select('id', 'case_id', 'topic', 'payload');
    if (dialect === 'mysql') q.forUpdate().skipLocked();
    const rows = (await q).map((r: Record<string, any>) => ({
      id: Number(r.id),
      caseId: Number(r.case_id),
      topic: r.topic,
      payload: parseJson<P>(r.payload),
    }));
    if (rows.length === 0) return 0;
    publish(rows);
    await trx('outbox').whereIn('id', rows.map((r) => r.id)).update({ published_at: at });
    return rows.length;
  });
}

/** Deletes up to `limit` rows published before `before`; replays read the case event table, not the outbox. */
export async function prunePublished(knex: Knex, before: string, limit: number): Promise<number> {
  const ids = await knex('outbox').whereNotNull('published_at').where('published_at', '<', before).orderBy('id').limit(limit).pluck('id');
  if (ids.length === 0) return 0;
  return Number(await knex('outbox').whereIn('id', ids).delete());
}
