import type { Knex } from 'knex';
import { FINAL_STATES } from '../../workflows/caseStates';
import { toBool } from '../connection';
import { pendingDeltas, type DailyCount, type Deltas } from './readModels';

const FINAL = FINAL_STATES as string[];
const num = (v: unknown) => Number(v ?? 0);
const bump = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);

/**
 * The counters under a jurisdiction path, from the read models plus the
 * events not yet counted (read in one transaction: one snapshot). `fromDay`
 * bounds the daily figures (China dates).
 */
export interface ScopeCounts {
  byState: Map<string, number>;
  /** Open cases by the level they wait at. */
  byLevel: Map<string, number>;
  accepted: number;
  decided: number;
  /** Linked items or not: all cases, open cases, filed since fromDay. */
  linked: Map<boolean, { total: number; open: number; filed: number }>;
  /** Since fromDay: per day, level and kind. */
  activity: { day: string; level: string; kind: DailyCount['kind']; n: number }[];
  /** Filed since fromDay, per centre path. */
  filedByPath: Map<string, number>;
}

export async function scopeCounts(db: Knex, path: string, fromDay: string): Promise<ScopeCounts> {
  return db.transaction(async (trx) => {
    const under = (table: string) => trx(table).where('centre_path', 'like', `${path}%`);
    const states = await under('case_counts').select('state', 'level', 'linked').sum({ n: 'n' }).groupBy('state', 'level', 'linked');
    const totals = await under('area_totals').sum({ a: 'accepted', d: 'decided' }).first();
    const activity = await under('daily_counts').where('day', '>=', fromDay).select('day', 'level', 'kind').sum({ n: 'n' }).groupBy('day', 'level', 'kind');
    const filed = await under('daily_counts').where('day', '>=', fromDay).where('kind', 'filed').select('centre_path as p', 'linked').sum({ n: 'n' }).groupBy('centre_path', 'linked');
    const tail = await pendingDeltas(trx, path);
    return fold(states as never, totals as never, activity as never, filed as never, tail, fromDay);
  });
}

function fold(
  states: { state: string; level: string; linked: unknown; n: unknown }[],
  totals: { a: unknown; d: unknown } | undefined,
  daily: { day: string; level: string; kind: DailyCount['kind']; n: unknown }[],
  filed: { p: string; linked: unknown; n: unknown }[],
  tail: Deltas,
  fromDay: string,
): ScopeCounts {
  const out: ScopeCounts = { byState: new Map(), byLevel: new Map(), accepted: num(totals?.a), decided: num(totals?.d), linked: new Map([[true, { total: 0, open: 0, filed: 0 }], [false, { total: 0, open: 0, filed: 0 }]]), activity: [], filedByPath: new Map() };
  const state = (s: string, level: string, linked: boolean, n: number) => {
    bump(out.byState, s, n);
    const l = out.linked.get(linked)!;
    l.total += n;
    if (!FINAL.includes(s)) {
      bump(out.byLevel, level, n);
      l.open += n;
    }
  };
  for (const r of states) state(r.state, r.level, toBool(r.linked), num(r.n));
  for (const r of tail.states) state(r.state, r.level, r.linked, r.n);
  for (const t of tail.totals) {
    out.accepted += t.accepted;
    out.decided += t.decided;
  }
  const activity = new Map<string, number>();
  const filedAt = (p: string, linked: boolean, n: number) => {
    out.linked.get(linked)!.filed += n;
    bump(out.filedByPath, p, n);
  };
  for (const r of daily) bump(activity, `${r.day}|${r.level}|${r.kind}`, num(r.n));
  for (const r of filed) filedAt(r.p, toBool(r.linked), num(r.n));
  for (const r of tail.daily) {
    if (r.day < fromDay) continue;
    bump(activity, `${r.day}|${r.level}|${r.kind}`, r.n);
    if (r.kind === 'filed') filedAt(r.centrePath, r.linked, r.n);
  }
  for (const [k, n] of activity) {
    const [d, level, kind] = k.split('|') as [string, string, DailyCount['kind']];
    out.activity.push({ day: d, level, kind, n });
  }
  for (const [k, n] of [...out.byState]) if (n === 0) out.byState.delete(k);
  for (const [k, n] of [...out.byLevel]) if (n === 0) out.byLevel.delete(k);
  return out;
}

/** The filters of a case list that the read model `case_counts` can count (a level only among open cases: closed ones keep the level they closed at). */
export interface CountableFilter {
  path: string;
  centreCode?: string;
  open?: boolean;
  state?: string;
  linked?: boolean;
  openLevel?: string;
}

/**
 * How many cases under a path match, from `case_counts` plus the events not
 * yet counted, in one snapshot: a list's total without counting a city's
 * rows one by one.
 */
export async function countCases(db: Knex, f: CountableFilter): Promise<number> {
  return db.transaction(async (trx) => {
    const q = trx('case_counts').where('centre_path', 'like', `${f.path}%`);
    if (f.centreCode) q.where('centre_code', f.centreCode);
    if (f.open || f.openLevel) q.whereNotIn('state', FINAL);
    if (f.openLevel) q.where('level', f.openLevel);
    if (f.state) q.where('state', f.state);
    if (f.linked !== undefined) q.where('linked', f.linked);
    const stored = num((await q.sum({ n: 'n' }).first())?.n);
    const matches = (s: Deltas['states'][number]) =>
      (!f.centreCode || s.centreCode === f.centreCode) &&
      (!(f.open || f.openLevel) || !FINAL.includes(s.state)) &&
      (!f.openLevel || s.level === f.openLevel) &&
      (!f.state || s.state === f.state) &&
      (f.linked === undefined || s.linked === f.linked);
    return stored + (await pendingDeltas(trx, f.path)).states.filter(matches).reduce((a, s) => a + s.n, 0);
  });
}
