import type { Knex } from 'knex';
import { parseJson } from '../connection';

/** What the publisher sends for an aggregate event: a message to rooms (the aggregate decides which). */
export interface AggregateLive {
  event: string;
  rooms: string[];
  message: object;
}

/** An event of an aggregate other than the case (an e-licence, later market orders and projects). */
export interface AggregateEventRow {
  id: number;
  aggregate: string;
  aggregateId: number;
  seq: number;
  type: string;
  fromState: string | null;
  toState: string;
  actorUserId: number | null;
  actorRole: string;
  actorName: string;
  reason: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export type NewAggregateEvent = Omit<AggregateEventRow, 'id'> & { live: AggregateLive | null };

/** Written in the command's transaction; with a live message it is an unpublished outbox row (migration 020). */
export async function insertAggregateEvent(trx: Knex, e: NewAggregateEvent): Promise<number> {
  const [id] = await trx('aggregate_events').insert({
    aggregate: e.aggregate,
    aggregate_id: e.aggregateId,
    seq: e.seq,
    type: e.type,
    from_state: e.fromState,
    to_state: e.toState,
    actor_user_id: e.actorUserId,
    actor_role: e.actorRole,
    actor_name: e.actorName,
    reason: e.reason,
    payload: JSON.stringify(e.payload),
    live: e.live ? JSON.stringify(e.live) : null,
    unpublished: e.live ? true : null,
    created_at: e.createdAt,
  });
  return Number(id);
}

/**
 * Completes the live message of an event written earlier in the same
 * transaction (still unpublished): for a figure only the change's effects
 * know, such as a project's clocks counted with the change in them.
 */
export async function reviseLiveMessage(trx: Knex, eventId: number, patch: Record<string, unknown>): Promise<void> {
  const row = await trx('aggregate_events').where({ id: eventId }).first('live');
  if (!row?.live) return;
  const live = parseJson<AggregateLive>(row.live);
  await trx('aggregate_events').where({ id: eventId }).update({ live: JSON.stringify({ ...live, message: { ...(live.message as object), ...patch } }) });
}

function fromDb(r: Record<string, any>): AggregateEventRow {
  return {
    id: Number(r.id),
    aggregate: r.aggregate,
    aggregateId: Number(r.aggregate_id),
    seq: Number(r.seq),
    type: r.type,
    fromState: r.from_state ?? null,
    toState: r.to_state,
    actorUserId: r.actor_user_id == null ? null : Number(r.actor_user_id),
    actorRole: r.actor_role,
    actorName: r.actor_name,
    reason: r.reason ?? null,
    payload: parseJson(r.payload),
    createdAt: r.created_at,
  };
}

/** One aggregate's history, oldest first. */
export async function listAggregateEvents(db: Knex, aggregate: string, ids: number[]): Promise<AggregateEventRow[]> {
  if (ids.length === 0) return [];
  return (await db('aggregate_events').where({ aggregate }).whereIn('aggregate_id', ids).orderBy('id').limit(1000)).map(fromDb);
}

/**
 * Publishes unpublished aggregate events in id order, as publishBatch does
 * for case events: `publish` runs inside the claiming transaction, and the
 * rows are marked published when it commits (SKIP LOCKED on MySQL lets
 * several processes publish side by side).
 */
export async function publishAggregateBatch(knex: Knex, dialect: 'sqlite' | 'mysql', limit: number, publish: (rows: AggregateLive[]) => void): Promise<number> {
  return knex.transaction(async (trx) => {
    if (dialect === 'sqlite') await trx.raw('UPDATE aggregate_events SET unpublished = unpublished WHERE 0');
    const q = trx('aggregate_events').where('unpublished', true).orderBy('id').limit(limit).select('id', 'live');
    if (dialect === 'mysql') q.forUpdate().skipLocked();
    const rows = await q;
    if (rows.length === 0) return 0;
    publish(rows.map((r: Record<string, any>) => parseJson<AggregateLive>(r.live)));
    await trx('aggregate_events').whereIn('id', rows.map((r: Record<string, any>) => r.id)).update({ unpublished: null });
    return rows.length;
  });
}
