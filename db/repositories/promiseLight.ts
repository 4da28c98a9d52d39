import type { Knex } from 'knex';
import { FINAL_STATES } from '../../workflows/caseStates';
import type { Light } from '../../workflows/clock';

/**
 * The light of a case as of `today`, in SQL: what the office owes now. A case
 * not yet accepted has no promised date yet, but the statutory acceptance
 * period (行政许可法 Art. 32, 5 working days) is owed: it reads by its
 * acceptance clock (deadline_on/yellow_on, the frozen light while paused for
 * 补正). An accepted case reads by its promise (承诺办结日期): from the stored
 * dates while it runs (red the day after promise_due_on), the frozen
 * promise_light while paused or finished. The one definition behind the
 * dashboard's lights and overdue counts and the drill-down lists.
 * `t` is an optional table alias ("c" gives "c.promise_due_on"); bind with lightBindings(today).
 */
export function promiseLightSql(t = ''): string {
  const c = (name: string) => (t ? `${t}.${name}` : name);
  const acceptance = `CASE WHEN ${c('deadline_on')} IS NULL THEN ${c('light')} WHEN ${c('deadline_on')} < ? THEN 'red' WHEN ${c('yellow_on')} <= ? THEN 'yellow' ELSE 'green' END`;
  const promise = `CASE WHEN ${c('promise_due_on')} < ? THEN 'red' WHEN ${c('promise_yellow_on')} <= ? THEN 'yellow' ELSE 'green' END`;
  return `(CASE WHEN ${c('promise_phase')} = 'pending' THEN (${acceptance}) WHEN ${c('promise_phase')} = 'running' THEN (${promise}) ELSE ${c('promise_light')} END)`;
}

/** The bindings of promiseLightSql: `today` for each of its four comparisons. */
export const lightBindings = (today: string): string[] => [today, today, today, today];

const col = (t: string, name: string) => (t ? `${t}.${name}` : name);

/**
 * Open cases the office is late with: red by the light above and not yet
 * delivered (a file past its acceptance period, an accepted case past its
 * promised date, running or paused).
 */
export function whereOverdue<Q extends Knex.QueryBuilder>(qb: Q, today: string, t = ''): Q {
  return qb
    .whereNotIn(col(t, 'state'), FINAL_STATES as string[])
    .whereNot(col(t, 'promise_phase'), 'finished')
    .whereRaw(`${promiseLightSql(t)} = ?`, [...lightBindings(today), 'red']) as Q;
}

/** Cases whose light (above) is `light` as of `today` (open or not: callers add their own state filter). */
export function whereLight<Q extends Knex.QueryBuilder>(qb: Q, light: Light, today: string, t = ''): Q {
  return qb.whereRaw(`${promiseLightSql(t)} = ?`, [...lightBindings(today), light]) as Q;
}

/**
 * Open cases under a path, through the (closed_at, centre_path) index:
 * closed_at is set exactly when a case reaches a final state.
 */
export const openUnder = (db: Knex, path: string) => db('cases').whereNull('closed_at').where('centre_path', 'like', `${path}%`).whereNotIn('state', FINAL_STATES as string[]);

/** Open cases under a path counted by child area (the 12-digit path segment after `path`, '' for the scope's own centre), light and overdue. */
export interface OpenTally {
  ch: string;
  light: Light;
  overdue: boolean;
  n: number;
}

/**
 * One scan of the open cases under a path serves every number that moves
 * with the date: the lights (overview and areas) and overdue (areas and the
 * total), each the same definition as whereLight / whereOverdue.
 */
export async function tallyOpenUnder(db: Knex, path: string, today: string): Promise<OpenTally[]> {
  const rows = (await openUnder(db, path)
    .select(db.raw('substr(centre_path, ?, 12) as ch', [path.length + 1]), db.raw(`${promiseLightSql()} as lt`, lightBindings(today)), db.raw(`CASE WHEN promise_phase = 'finished' THEN 0 ELSE 1 END as lv`))
    .count({ n: '*' })
    .groupBy('ch', 'lt', 'lv')) as unknown as { ch: string | null; lt: Light; lv: number | string; n: number | string }[];
  return rows.map((r) => ({ ch: r.ch ?? '', light: r.lt, overdue: r.lt === 'red' && Number(r.lv) === 1, n: Number(r.n) }));
}
