import type { Knex } from 'knex';
import { addCalendarDays, chinaDate } from '../../workflows/calendar';
import { LEVELS, type Level } from '../../workflows/levels';
import { overviewUnder } from './caseQueries';
import { scopeCounts, type ScopeCounts } from './readModelQueries';
import { durationDigestsOf } from './durationDigests';
import type { DurationStat } from './durationHistogram';
import { listJurisdictions, type JurisdictionRow } from './jurisdictions';
import { tallyOpenUnder, type OpenTally } from './promiseLight';

export interface Place { code: string; name: string; nameEn: string; level: Level }
export interface DayCount { date: string; filed: number; accepted: number; decided: number }
/** filed/accepted/decided: in the window, by the level that did it; open: waiting at that level now. */
export interface LevelCount { level: Level; filed: number; accepted: number; decided: number; open: number }
/** `self` is the scope's own centre (cases filed there belong to no child), so rows add up to the counters. */
export interface AreaCount extends Place { self: boolean; open: number; green: number; yellow: number; red: number; overdue: number; filed: number }
export interface Volume { open: number; total: number; filed: number }
export type { DurationStat };
export interface StepDuration extends DurationStat { level: Level; state: string }
export interface LevelDuration extends DurationStat { level: Level }

/** GET /api/stats/dashboard: everything the supervisor's screen shows. */
export interface Dashboard extends Omit<Place, 'code'> {
  scope: string;
  today: string;
  days: number;
  /** First day of the window (China time); `daily` runs from it to `today`. */
  from: string;
  /** The scope's ancestors and itself, top down, for the breadcrumb. */
  trail: Place[];
  /** All time, like the live `stats:changed` counters: filed = every case, open = not final, overdue = past the promised date now. */
  counters: { filed: number; accepted: number; decided: number; open: number; overdue: number };
  daily: DayCount[];
  byLevel: LevelCount[];
  areas: AreaCount[];
  /** Cases of linked items (filed low, decided higher up) against the rest. */
  linked: { linked: Volume; unlinked: Volume };
  /** Steps left within the window, slowest (by average) first. `byLevel` is a whole stay at one level. */
  durations: { unit: 'calendarDays'; byLevel: LevelDuration[]; byStep: StepDuration[] };
}

const PLACE = ['code', 'name', 'name_en as nameEn', 'level'];
const num = (v: unknown) => Number(v ?? 0);

export async function dashboardUnder(db: Knex, root: JurisdictionRow, opts: { now: Date; days: number }): Promise<Dashboard> {
  const { now, days } = opts;
  const today = chinaDate(now);
  const from = addCalendarDays(today, -(days - 1));
  // Counters and step durations from the read models; lights and overdue, which move with the date, from the open cases.
  // The open cases are scanned once for everything that moves with the date (lights, overdue).
  const [counts, tally] = await Promise.all([scopeCounts(db, root.path, from), tallyOpenUnder(db, root.path, today)]);
  const overdue = tally.filter((t) => t.overdue).reduce((a, t) => a + t.n, 0);
  const [overview, trail, areas, durations] = await Promise.all([
    overviewUnder(db, root.path, today, counts, tally),
    db('jurisdictions').select(PLACE).whereIn('code', root.path.split('/').filter(Boolean)).orderBy('path') as Promise<Place[]>,
    areasUnder(db, root, counts, tally),
    durationsUnder(db, root.path, from, now),
  ]);
  const open = Object.values(overview.byLevel).reduce((a, b) => a + b, 0);
  const daily = new Map<string, DayCount>();
  for (let d = from; d <= today; d = addCalendarDays(d, 1)) daily.set(d, { date: d, filed: 0, accepted: 0, decided: 0 });
  const byLevel = new Map(LEVELS.map((level) => [level, { level, filed: 0, accepted: 0, decided: 0, open: overview.byLevel[level] ?? 0 }]));
  for (const a of counts.activity) {
    const day = daily.get(a.day);
    const lvl = byLevel.get(a.level as Level);
    if (day) day[a.kind] += a.n;
    if (lvl) lvl[a.kind] += a.n;
  }
  return {
    scope: root.code,
    name: root.name,
    nameEn: root.nameEn,
    level: root.level,
    today,
    days,
    from,
    trail,
    counters: { filed: overview.total, accepted: overview.accepted, decided: overview.decided, open, overdue },
    daily: [...daily.values()],
    byLevel: [...byLevel.values()],
    areas,
    linked: { linked: { ...counts.linked.get(true)! }, unlinked: { ...counts.linked.get(false)! } },
    durations,
  };
}

/** One row per child jurisdiction (all of them, zeros included), plus the scope's own centre if it has cases. */
async function areasUnder(db: Knex, root: JurisdictionRow, counts: ScopeCounts, tally: OpenTally[]): Promise<AreaCount[]> {
  // The child's code is the path segment right after the scope's ('' for the scope's own centre).
  const childOf = (path: string) => path.slice(root.path.length, root.path.length + 12);
  const children = await listJurisdictions(db, { parentCode: root.code });
  const filed = [...counts.filedByPath].map(([path, n]) => ({ ch: childOf(path), n }));
  const rows = new Map<string, AreaCount>();
  const row = (p: Place, self: boolean) => rows.set(self ? '' : p.code, { code: p.code, name: p.name, nameEn: p.nameEn, level: p.level, self, open: 0, green: 0, yellow: 0, red: 0, overdue: 0, filed: 0 });
  for (const c of children) row(c, false);
  const at = (ch: string | null) => {
    if (!ch && !rows.has('')) row(root, true);
    return rows.get(ch ?? '');
  };
  for (const t of tally) {
    const r = at(t.ch);
    if (!r) continue;
    r[t.light] += t.n;
    r.open += t.n;
    // Lights and overdue read what the office owes (promiseLight.ts): the acceptance period, then the promise.
    if (t.overdue) r.overdue += t.n;
  }
  for (const f of filed as unknown as { ch: string; n: number | string }[]) {
    const r = at(f.ch);
    if (r) r.filed += num(f.n);
  }
  return [...rows.values()];
}

/** Time per step and per stay at a level, for steps left since `fromDay` (db/repositories/stepDurations.ts, durationDigests.ts). */
async function durationsUnder(db: Knex, path: string, fromDay: string, now: Date): Promise<Dashboard['durations']> {
  const byLevel: LevelDuration[] = [];
  const byStep: StepDuration[] = [];
  for (const [key, h] of await durationDigestsOf(db).since(db, path, fromDay, now)) {
    const [kind, level, state] = key.split('|') as [string, Level, string];
    if (kind === 'step') byStep.push({ level, state, ...h.stat() });
    else byLevel.push({ level, ...h.stat() });
  }
  const slowestFirst = <T extends DurationStat>(a: T, b: T) => b.avgDays - a.avgDays || b.p90Days - a.p90Days;
  return { unit: 'calendarDays', byLevel: byLevel.sort(slowestFirst), byStep: byStep.sort(slowestFirst) };
}
