import type { Knex } from 'knex';
import { chinaDate } from '../../workflows/calendar';
import { fromDbTime } from '../connection';
import { FINAL_STATES } from '../../workflows/caseStates';

/**
 * Time per step, as a read model (`step_durations`, migration 014): the case
 * sits at (level, jurisdiction, state) from one event to the event that
 * changes its state or moves it; a stay at a level runs until it moves or
 * closes. Events that change neither (warnings, delivery choice, extension) do
 * not split a step. The publisher records the steps its events end, from the
 * histories of their cases, in the transaction that marks them published; a
 * reader adds the steps ended by events not yet published.
 */
const FINAL = FINAL_STATES as string[];

/** One event in its case's history, with the case's place now and its centre. */
export interface HistoryRow { eid: number; id: number; fs: string | null; ts: string; lv: string | null; jc: string | null; at: string; cl: string; cj: string; p: string }
/** A step (at a level, in a state) or a stay (at a level) that an event ended, and how long it took. */
export interface DurationRecord { eventId: number; centrePath: string; kind: 'step' | 'stay'; level: string; state: string; ms: number; day: string }

/** The steps and stays ended by the events of whole case histories (ordered by case, then seq). */
export function durationRecords(rows: HistoryRow[]): DurationRecord[] {
  const out: DurationRecord[] = [];
  let stepStart = 0;
  let stayStart = 0;
  rows.forEach((e, i) => {
    const prev = rows[i - 1];
    const t = fromDbTime(e.at).getTime();
    if (!prev || prev.id !== e.id) return void (stepStart = stayStart = t);
    const next = rows[i + 1]?.id === e.id ? rows[i + 1] : undefined;
    const moved = (next ? next.lv : e.cl) !== e.lv || (next ? next.jc : e.cj) !== e.jc;
    const counted = e.lv !== null && e.fs !== null;
    const base = { eventId: e.eid, centrePath: e.p, level: e.lv ?? '', day: chinaDate(new Date(t)) };
    if (e.ts !== e.fs || moved) {
      if (counted) out.push({ ...base, kind: 'step', state: e.fs ?? '', ms: t - stepStart });
      stepStart = t;
    }
    if (moved || FINAL.includes(e.ts)) {
      if (counted) out.push({ ...base, kind: 'stay', state: '', ms: t - stayStart });
      stayStart = t;
    }
  });
  return out;
}

/** The whole histories of these cases. */
export async function historiesOf(db: Knex, caseIds: number[]): Promise<HistoryRow[]> {
  if (!caseIds.length) return [];
  const rows = await db('case_events as e')
    .join('cases as c', 'c.id', 'e.case_id')
    .whereIn('e.case_id', caseIds)
    .select('e.id as eid', 'e.case_id as id', 'e.from_state as fs', 'e.to_state as ts', 'e.level as lv', 'e.jurisdiction_code as jc', 'e.created_at as at', 'c.current_level as cl', 'c.current_jurisdiction as cj', 'c.centre_path as p')
    .orderBy([{ column: 'e.case_id' }, { column: 'e.seq' }]);
  return rows.map((r: Record<string, any>) => ({ ...r, eid: Number(r.eid), id: Number(r.id) }) as HistoryRow);
}

/** The steps and stays these events (of these cases) ended. */
export async function durationsOfEvents(db: Knex, events: { id: number; caseId: number }[]): Promise<DurationRecord[]> {
  const ids = new Set(events.map((e) => e.id));
  return durationRecords(await historiesOf(db, [...new Set(events.map((e) => e.caseId))])).filter((r) => ids.has(r.eventId));
}

/**
 * Records steps and stays. Any that land on a day before `today` (China date,
 * the writer's clock) bump the closed-day revision in the same transaction:
 * the digests that processes keep of closed days are then dropped.
 */
export async function insertDurations(trx: Knex, records: DurationRecord[], today?: string): Promise<void> {
  const rows = records.map((r) => ({ event_id: r.eventId, kind: r.kind, day: r.day, centre_path: r.centrePath, level: r.level, state: r.state, ms: r.ms }));
  for (let i = 0; i < rows.length; i += 200) await trx('step_durations').insert(rows.slice(i, i + 200));
  if (today !== undefined && records.some((r) => r.day < today)) await bumpClosedDayRevision(trx);
}

const REVISION = 'closed-day-durations';

export async function bumpClosedDayRevision(trx: Knex): Promise<void> {
  await trx('read_model_revisions').where({ name: REVISION }).increment('revision', 1);
}

/** The closed-day revision now (see insertDurations). */
export async function closedDayRevision(trx: Knex): Promise<number> {
  return Number((await trx('read_model_revisions').where({ name: REVISION }).first('revision'))?.revision ?? 0);
}

/** A recorded step or stay, as the dashboard reads it. */
export type DurationRow = Pick<DurationRecord, 'kind' | 'level' | 'state' | 'ms' | 'day'>;

/** Recorded steps and stays under a path, ended from `fromDay` (to `toDay`, China dates, both included). */
export async function storedDurations(db: Knex, path: string, fromDay: string, toDay?: string): Promise<DurationRow[]> {
  const q = db('step_durations').where('day', '>=', fromDay).where('centre_path', 'like', `${path}%`);
  if (toDay !== undefined) q.where('day', '<=', toDay);
  const rows = await q.select('kind', 'level', 'state', 'ms', 'day');
  return rows.map((r: Record<string, any>) => ({ kind: r.kind, level: r.level, state: r.state, ms: Number(r.ms), day: r.day }));
}

/** The steps and stays ended by events under a path that are not yet published (so not yet recorded). */
export async function unpublishedDurations(db: Knex, path: string): Promise<DurationRow[]> {
  const pending = await db('case_events as e').join('cases as c', 'c.id', 'e.case_id').where('e.unpublished', true).where('c.centre_path', 'like', `${path}%`).select('e.id', 'e.case_id');
  return durationsOfEvents(db, pending.map((r: { id: number; case_id: number }) => ({ id: Number(r.id), caseId: Number(r.case_id) })));
}

/** Steps and stays ended since `fromDay` (China date) under a path: the read model plus the unpublished tail, in one snapshot. */
export async function durationsSince(db: Knex, path: string, fromDay: string): Promise<DurationRow[]> {
  return db.transaction(async (trx) => [...(await storedDurations(trx, path, fromDay)), ...(await unpublishedDurations(trx, path)).filter((r) => r.day >= fromDay)]);
}

/** Records every published event's steps afresh (migration 014, after a bulk load), a thousand cases at a time. */
export async function rebuildDurations(knex: Knex): Promise<void> {
  await knex('step_durations').delete();
  const max = Number((await knex('cases').max({ m: 'id' }).first())?.m ?? 0);
  for (let from = 0; from <= max; from += 1000) {
    const ids = (await knex('cases').where('id', '>', from).where('id', '<=', from + 1000).pluck('id')).map(Number);
    if (!ids.length) continue;
    const published = new Set((await knex('case_events').whereIn('case_id', ids).whereNull('unpublished').pluck('id')).map(Number));
    const records = durationRecords(await historiesOf(knex, ids)).filter((r) => published.has(r.eventId));
    await knex.transaction((trx) => insertDurations(trx, records));
  }
  // After the last batch: digests taken midway are dropped. Migration 014 rebuilds before the revision's table (016) exists.
  if (await knex.schema.hasTable('read_model_revisions')) await bumpClosedDayRevision(knex);
}
