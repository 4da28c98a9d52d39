import type { Knex } from 'knex';
import { chinaDate } from '../../workflows/calendar';
import { fromDbTime, parseJson, toBool } from '../connection';
import { rebuildDurations } from './stepDurations';

/**
 * Supervisors' read models (migration 014), maintained by the publisher as it
 * publishes each event, in the transaction that marks it published, so every
 * event is counted exactly once:
 * - `case_counts`: how many cases of a centre (linked items or not) stand in
 *   each state at each level now;
 * - `area_totals`: cases ever filed, accepted and decided per centre;
 * - `daily_counts`: filings, acceptances and decisions per China day, centre
 *   and the level that did them.
 * A reader adds the events not yet published (the tail, `pendingDeltas`) in
 * the same snapshot, so what it reads is exact at any moment, as the scans
 * over cases and events it replaces were.
 */

/** An event as the read models need it, with its case's centre and item. */
export interface CountedEvent {
  type: string;
  fromState: string | null;
  toState: string;
  /** Where the event happened (the level before it) and where the case stands after it. */
  level: string | null;
  levelAfter: string;
  createdAt: string;
  centreCode: string;
  centrePath: string;
  linked: boolean;
}

export interface StateCount { centreCode: string; centrePath: string; linked: boolean; state: string; level: string; n: number }
export interface AreaTotal { centreCode: string; centrePath: string; linked: boolean; filed: number; accepted: number; decided: number }
export interface DailyCount { day: string; centreCode: string; centrePath: string; linked: boolean; level: string; kind: 'filed' | 'accepted' | 'decided'; n: number }
export interface Deltas { states: StateCount[]; totals: AreaTotal[]; daily: DailyCount[] }

const KIND: Record<string, DailyCount['kind'] | undefined> = { SUBMIT: 'filed', ACCEPT: 'accepted', APPROVE: 'decided', DENY: 'decided' };

/** What a run of events changes in the read models, summed by key. */
export function deltasOf(events: CountedEvent[]): Deltas {
  const states = new Map<string, StateCount>();
  const totals = new Map<string, AreaTotal>();
  const daily = new Map<string, DailyCount>();
  const state = (e: CountedEvent, s: string, level: string, n: number) => {
    const k = `${e.centreCode}|${e.linked}|${s}|${level}`;
    const row = states.get(k) ?? states.set(k, { centreCode: e.centreCode, centrePath: e.centrePath, linked: e.linked, state: s, level, n: 0 }).get(k)!;
    row.n += n;
  };
  for (const e of events) {
    if (e.type === 'SUBMIT') state(e, e.toState, e.levelAfter, 1);
    else if (e.fromState !== e.toState || e.level !== e.levelAfter) {
      state(e, e.fromState ?? '', e.level ?? '', -1);
      state(e, e.toState, e.levelAfter, 1);
    }
    const kind = KIND[e.type];
    if (!kind) continue;
    const tk = `${e.centreCode}|${e.linked}`;
    const t = totals.get(tk) ?? totals.set(tk, { centreCode: e.centreCode, centrePath: e.centrePath, linked: e.linked, filed: 0, accepted: 0, decided: 0 }).get(tk)!;
    t[kind] += 1;
    const day = chinaDate(fromDbTime(e.createdAt));
    const dk = `${day}|${e.centreCode}|${e.linked}|${e.level}|${kind}`;
    const d = daily.get(dk) ?? daily.set(dk, { day, centreCode: e.centreCode, centrePath: e.centrePath, linked: e.linked, level: e.level ?? '', kind, n: 0 }).get(dk)!;
    d.n += 1;
  }
  return { states: [...states.values()].filter((r) => r.n !== 0), totals: [...totals.values()], daily: [...daily.values()] };
}

/** The same deltas taken away: events counted in the stored rows that must not be yet. */
export function negated(d: Deltas): Deltas {
  return {
    states: d.states.map((r) => ({ ...r, n: -r.n })),
    totals: d.totals.map((r) => ({ ...r, filed: -r.filed, accepted: -r.accepted, decided: -r.decided })),
    daily: d.daily.map((r) => ({ ...r, n: -r.n })),
  };
}

/** Event rows (case_events joined with cases and items) as the read models read them. */
export const COUNTED_COLUMNS = ['e.type', 'e.from_state', 'e.to_state', 'e.level', 'e.live_payload', 'e.created_at', 'c.centre_code', 'c.centre_path', 'i.linked'];

export function toCounted(r: Record<string, any>): CountedEvent {
  const live = parseJson<{ level?: string } | null>(r.live_payload);
  return {
    type: r.type,
    fromState: r.from_state,
    toState: r.to_state,
    level: r.level,
    levelAfter: live?.level ?? r.level ?? '',
    createdAt: r.created_at,
    centreCode: r.centre_code,
    centrePath: r.centre_path,
    linked: toBool(r.linked),
  };
}

/** The events of `ids` with their cases' centres and items, in id order. */
export async function countedEvents(db: Knex, ids: number[]): Promise<CountedEvent[]> {
  if (!ids.length) return [];
  const rows = await db('case_events as e').join('cases as c', 'c.id', 'e.case_id').join('items as i', 'i.id', 'c.item_id').whereIn('e.id', ids).orderBy('e.id').select(COUNTED_COLUMNS);
  return rows.map(toCounted);
}

/** The events under a jurisdiction path not yet counted (not yet published): what a reader adds to the read models. */
export async function pendingDeltas(db: Knex, path: string): Promise<Deltas> {
  const rows = await db('case_events as e')
    .join('cases as c', 'c.id', 'e.case_id')
    .join('items as i', 'i.id', 'c.item_id')
    .where('e.unpublished', true)
    .where('c.centre_path', 'like', `${path}%`)
    .orderBy('e.id')
    .select(COUNTED_COLUMNS);
  return deltasOf(rows.map(toCounted));
}

/** Adds deltas to the read models (in the publisher's transaction). Keys in a fixed order, so two publishers never deadlock on each other's rows. */
export async function applyDeltas(trx: Knex, dialect: 'sqlite' | 'mysql', d: Deltas): Promise<void> {
  const add = (table: string, cols: string[]) => Object.fromEntries(cols.map((c) => [c, trx.raw(dialect === 'mysql' ? `${c} + VALUES(${c})` : `${table}.${c} + excluded.${c}`)]));
  const sorted = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  const states = sorted(d.states, (r) => `${r.centreCode}|${r.linked}|${r.state}|${r.level}`).map((r) => ({ centre_code: r.centreCode, centre_path: r.centrePath, linked: r.linked, state: r.state, level: r.level, n: r.n }));
  const totals = sorted(d.totals, (r) => `${r.centreCode}|${r.linked}`).map((r) => ({ centre_code: r.centreCode, centre_path: r.centrePath, linked: r.linked, filed: r.filed, accepted: r.accepted, decided: r.decided }));
  const daily = sorted(d.daily, (r) => `${r.day}|${r.centreCode}|${r.linked}|${r.level}|${r.kind}`).map((r) => ({ day: r.day, centre_code: r.centreCode, centre_path: r.centrePath, linked: r.linked, level: r.level, kind: r.kind, n: r.n }));
  if (states.length) await trx('case_counts').insert(states).onConflict(['centre_code', 'linked', 'state', 'level']).merge(add('case_counts', ['n']));
  if (totals.length) await trx('area_totals').insert(totals).onConflict(['centre_code', 'linked']).merge(add('area_totals', ['filed', 'accepted', 'decided']));
  if (daily.length) await trx('daily_counts').insert(daily).onConflict(['day', 'centre_code', 'linked', 'level', 'kind']).merge(add('daily_counts', ['n']));
}

/**
 * Counts the read models afresh from what is stored (migration 014; a bulk
 * load that bypassed the command path): every case's state and level now,
 * every filing, acceptance and decision. Events not yet published are counted
 * by the publisher when it publishes them, so their share is taken out again.
 */
export async function rebuildReadModels(knex: Knex, dialect: 'sqlite' | 'mysql'): Promise<void> {
  for (const table of ['case_counts', 'area_totals', 'daily_counts']) await knex(table).delete();
  // China day of a UTC 'YYYY-MM-DD HH:MM:SS.mmm' string.
  const day = dialect === 'mysql' ? "DATE_FORMAT(DATE_ADD(e.created_at, INTERVAL 8 HOUR), '%Y-%m-%d')" : "date(e.created_at, '+8 hours')";
  const kind = "CASE e.type WHEN 'SUBMIT' THEN 'filed' WHEN 'ACCEPT' THEN 'accepted' ELSE 'decided' END";
  await knex.raw(`INSERT INTO case_counts (centre_code, centre_path, linked, state, level, n)
    SELECT c.centre_code, c.centre_path, i.linked, c.state, c.current_level, COUNT(*) FROM cases c JOIN items i ON i.id = c.item_id
    GROUP BY c.centre_code, c.centre_path, i.linked, c.state, c.current_level`);
  await knex.raw(`INSERT INTO area_totals (centre_code, centre_path, linked, filed, accepted, decided)
    SELECT c.centre_code, c.centre_path, i.linked, COUNT(*), COUNT(c.accepted_at), COUNT(c.decided_at) FROM cases c JOIN items i ON i.id = c.item_id
    GROUP BY c.centre_code, c.centre_path, i.linked`);
  await knex.raw(`INSERT INTO daily_counts (day, centre_code, centre_path, linked, level, kind, n)
    SELECT ${day}, c.centre_code, c.centre_path, i.linked, COALESCE(e.level, ''), ${kind}, COUNT(*)
    FROM case_events e JOIN cases c ON c.id = e.case_id JOIN items i ON i.id = c.item_id
    WHERE e.type IN ('SUBMIT', 'ACCEPT', 'APPROVE', 'DENY')
    GROUP BY ${day}, c.centre_code, c.centre_path, i.linked, COALESCE(e.level, ''), ${kind}`);
  const pending = (await knex('case_events').where('unpublished', true).pluck('id')).map(Number);
  await applyDeltas(knex, dialect, negated(deltasOf(await countedEvents(knex, pending))));
  await rebuildDurations(knex);
}
