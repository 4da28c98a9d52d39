import type { Knex } from 'knex';
import { parseJson } from '../connection';
import { applyDeltas, countedEvents, deltasOf } from './readModels';
import { durationsOfEvents, insertDurations } from './stepDurations';

export interface OutboxRow<P = unknown> {
  /** The case event's id: events are published in id order. */
  id: number;
  caseId: number;
  payload: P;
}

/**
 * Publishes unpublished case events in id order (the event table is the
 * outbox, migration 012): `publish` runs for the batch inside the claiming
 * transaction, and the events are marked published when it commits. The
 * payload is the event's live message with its fan-out (`{ live, ...fanout }`).
 * The same transaction counts the events in the read models (readModels.ts).
 * On MySQL, SKIP LOCKED lets several processes publish side by side without
 * taking the same event; a crash before commit leaves them for the next run.
 */
export async function publishBatch<P>(
  knex: Knex,
  dialect: 'sqlite' | 'mysql',
  o: { limit: number; /** China date on the publisher's clock: durations of earlier days mark a closed day changed. */ today: string },
  publish: (rows: OutboxRow<P>[]) => void,
): Promise<number> {
  const { limit } = o;
  return knex.transaction(async (trx) => {
    // SQLite shared by several processes: take the write lock before reading. Read first, and
    // another process could publish the same events meanwhile; this one would have sent them too
    // before its mark failed (SQLITE_BUSY_SNAPSHOT): a duplicate.
    if (dialect === 'sqlite') await trx.raw('UPDATE case_events SET unpublished = unpublished WHERE 0');
    const q = trx('case_events').where('unpublished', true).orderBy('id').limit(limit).select('id', 'case_id', 'live_payload', 'fanout');
    if (dialect === 'mysql') q.forUpdate().skipLocked();
    const rows = (await q).map((r: Record<string, any>) => ({
      id: Number(r.id),
      caseId: Number(r.case_id),
      payload: { live: parseJson(r.live_payload), ...parseJson<object>(r.fanout ?? '{}') } as P,
    }));
    if (rows.length === 0) return 0;
    // Counted in the supervisors' read models exactly when published: in this transaction, before anything is sent.
    await applyDeltas(trx, dialect, deltasOf(await countedEvents(trx, rows.map((r) => r.id))));
    await insertDurations(trx, await durationsOfEvents(trx, rows), o.today);
    publish(rows);
    await trx('case_events').whereIn('id', rows.map((r) => r.id)).update({ unpublished: null });
    return rows.length;
  });
}

/** How many events wait to be published (tests and the operator's eye). */
export async function unpublishedCount(knex: Knex, caseId?: number): Promise<number> {
  const q = knex('case_events').where('unpublished', true);
  if (caseId !== undefined) q.where({ case_id: caseId });
  const row = await q.count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
