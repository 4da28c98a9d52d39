import type { Knex } from 'knex';
import { addCalendarDays, chinaDate } from '../../workflows/calendar';
import { FINAL_STATES } from '../../workflows/caseStates';
import { fromDbTime, toBool } from '../connection';
import { scopeCounts } from './readModelQueries';
import { durationRecords, durationsSince, historiesOf, type DurationRecord } from './stepDurations';

/**
 * The supervisors' counters counted the slow way, by walking cases and
 * events under a path: the definition the read models (readModels.ts) must
 * agree with. Used by the test that proves them equal and by
 * `npm run check-read-models`, never by a screen.
 */
const FINAL = FINAL_STATES as string[];
const num = (v: unknown) => Number(v ?? 0);

export async function countsByScan(db: Knex, path: string, since: string) {
  const base = () => db('cases as c').where('c.centre_path', 'like', `${path}%`);
  const byState = await base().select('c.state as k').count({ n: '*' }).groupBy('c.state');
  const byLevel = await base().whereNotIn('c.state', FINAL).select('c.current_level as k').count({ n: '*' }).groupBy('c.current_level');
  const done = (await base().count({ a: 'c.accepted_at', d: 'c.decided_at' }).first()) as { a?: unknown; d?: unknown } | undefined;
  const linked = (await base()
    .join('items as i', 'i.id', 'c.item_id')
    .select('i.linked as lk')
    .count({ total: '*' })
    .select(db.raw(`sum(case when c.state in (${FINAL.map(() => '?').join(', ')}) then 0 else 1 end) as op`, FINAL))
    .select(db.raw('sum(case when c.filed_at >= ? then 1 else 0 end) as fw', [since]))
    .groupBy('lk')) as unknown as { lk: unknown; total: unknown; op: unknown; fw: unknown }[];
  const filed = await base().where('c.filed_at', '>=', since).select('c.centre_path as p').count({ n: '*' }).groupBy('c.centre_path');
  const activity = await db('case_events as e')
    .join('cases as c', 'c.id', 'e.case_id')
    .where('c.centre_path', 'like', `${path}%`)
    .whereIn('e.type', ['SUBMIT', 'ACCEPT', 'APPROVE', 'DENY'])
    .where('e.created_at', '>=', since)
    .select('e.type as tp', 'e.level as lv', 'e.created_at as at');
  const map = (rows: { k: string; n: unknown }[]) => Object.fromEntries(rows.map((r) => [r.k, num(r.n)]));
  return {
    byState: map(byState as never),
    byLevel: map(byLevel as never),
    accepted: num(done?.a),
    decided: num(done?.d),
    linked: Object.fromEntries(linked.map((r) => [String(toBool(r.lk)), { total: num(r.total), open: num(r.op), filed: num(r.fw) }])),
    filedByPath: Object.fromEntries((filed as unknown as { p: string; n: unknown }[]).map((r) => [r.p, num(r.n)])),
    activity: activity as { tp: string; lv: string | null; at: string }[],
  };
}

/**
 * Where the read models and the scans disagree under a path, for the window
 * starting on `fromDay` (China date): an empty list when they agree.
 */
export async function readModelDifferences(db: Knex, path: string, fromDay: string): Promise<string[]> {
  const since = `${addCalendarDays(fromDay, -1)} 16:00:00.000`;
  const [scan, model] = [await countsByScan(db, path, since), await scopeCounts(db, path, fromDay)];
  const kind = (tp: string) => (tp === 'SUBMIT' ? 'filed' : tp === 'ACCEPT' ? 'accepted' : 'decided');
  const scanActivity: Record<string, number> = {};
  for (const a of scan.activity) {
    const k = `${chinaDate(fromDbTime(a.at))}|${a.lv ?? ''}|${kind(a.tp)}`;
    scanActivity[k] = (scanActivity[k] ?? 0) + 1;
  }
  const sorted = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== 0).sort(([a], [b]) => a.localeCompare(b))));
  const pairs: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['byState', scan.byState, Object.fromEntries(model.byState)],
    ['byLevel', scan.byLevel, Object.fromEntries(model.byLevel)],
    ['totals', { accepted: scan.accepted, decided: scan.decided }, { accepted: model.accepted, decided: model.decided }],
    ['linked', { ...{ true: { total: 0, open: 0, filed: 0 }, false: { total: 0, open: 0, filed: 0 } }, ...scan.linked }, Object.fromEntries([...model.linked].map(([k, v]) => [String(k), v]))],
    ['filedByPath', scan.filedByPath, Object.fromEntries(model.filedByPath)],
    ['activity', scanActivity, Object.fromEntries(model.activity.map((a) => [`${a.day}|${a.level}|${a.kind}`, a.n]))],
    ['durations', await durationsByScan(db, path, since, fromDay), durationsKeyed(await durationsSince(db, path, fromDay))],
  ];
  return pairs.filter(([, a, b]) => sorted(a) !== sorted(b)).map(([name, a, b]) => `${name}: scan ${sorted(a)} ≠ read model ${sorted(b)}`);
}

/** Every step and stay ended since `fromDay`, walked from the whole histories of the cases changed since then. */
async function durationsByScan(db: Knex, path: string, since: string, fromDay: string) {
  const ids = (await db('cases').where('centre_path', 'like', `${path}%`).where('updated_at', '>=', since).pluck('id')).map(Number);
  const records: DurationRecord[] = [];
  for (let i = 0; i < ids.length; i += 500) records.push(...durationRecords(await historiesOf(db, ids.slice(i, i + 500))).filter((r) => r.day >= fromDay));
  return durationsKeyed(records);
}

/** Durations as a comparable multiset: "kind|level|state" → sorted milliseconds. */
function durationsKeyed(rs: Pick<DurationRecord, 'kind' | 'level' | 'state' | 'ms'>[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const r of rs) (out[`${r.kind}|${r.level}|${r.state}`] ??= []).push(r.ms);
  for (const k of Object.keys(out)) out[k]!.sort((a, b) => a - b);
  return out;
}
