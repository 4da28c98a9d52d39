import type { Knex } from 'knex';
import { FINAL_STATES } from '../../workflows/caseStates';
import { isCentreLevel, type Level } from '../../workflows/levels';
import { rowToCase, type CaseRow } from './cases';
import { likeText } from '../connection';

/**
 * The light as of `today`, in SQL: derived from the stored dates while the
 * clock runs, the frozen light while it is paused or stopped.
 */
export const LIGHT_SQL = `CASE WHEN deadline_on IS NULL THEN light WHEN deadline_on < ? THEN 'red' WHEN yellow_on <= ? THEN 'yellow' ELSE 'green' END`;

/** A desk: a service centre's window, or one department (at the filter's jurisdiction and level). */
export type QueueDesk = { kind: 'centre' } | { kind: 'department'; department: string };

export interface QueueFilter {
  jurisdictionCode: string;
  level: Level;
  desk: QueueDesk;
  state?: string;
  light?: string;
  itemCode?: string;
  limit: number;
  today: string;
}

// Centre steps (workflows/levels isCentreStep): accepting and delivering at any level, every step at a
// village or town, and any step without a department; the rest are their department's.
const CENTRE_KINDS = ['accept', 'deliver'];

/** Open cases at a desk, oldest deadline first; paused cases (no running deadline) last. */
export async function listQueue(db: Knex, f: QueueFilter): Promise<CaseRow[]> {
  const q = db('cases')
    .select('*')
    .where({ current_jurisdiction: f.jurisdictionCode, current_level: f.level })
    .whereNotIn('state', FINAL_STATES as string[]);
  if (f.desk.kind === 'department') {
    // Village and town centres have no departments: nothing there is a department's.
    if (isCentreLevel(f.level)) return [];
    q.where('current_department', f.desk.department).whereNotIn('step_kind', CENTRE_KINDS);
  } else if (!isCentreLevel(f.level)) {
    q.where((w) => w.whereIn('step_kind', CENTRE_KINDS).orWhereNull('current_department'));
  }
  if (f.state) q.where('state', f.state);
  if (f.itemCode) q.where('item_code', f.itemCode);
  if (f.light) q.whereRaw(`${LIGHT_SQL} = ?`, [f.today, f.today, f.light]);
  const rows = await q
    .orderByRaw('CASE WHEN deadline_on IS NULL THEN 1 ELSE 0 END')
    .orderBy('deadline_on', 'asc')
    .orderBy('filed_at', 'asc')
    .limit(f.limit);
  return rows.map(rowToCase);
}

export interface Overview {
  total: number;
  /** Cases ever accepted (incl. deemed accepted) and ever decided (approved or denied). */
  accepted: number;
  decided: number;
  byState: Record<string, number>;
  byLevel: Record<string, number>;
  byLight: Record<string, number>;
}

/** Counts of every case filed under a subtree (one indexed prefix scan on centre_path). */
export async function overviewUnder(db: Knex, path: string, today: string): Promise<Overview> {
  const base = () => db('cases').where('centre_path', 'like', `${path}%`);
  const [byState, byLevel, byLight, done] = await Promise.all([
    base().select('state as k').count({ n: '*' }).groupBy('state'),
    base().whereNotIn('state', FINAL_STATES as string[]).select('current_level as k').count({ n: '*' }).groupBy('current_level'),
    base().whereNotIn('state', FINAL_STATES as string[]).select(db.raw(`${LIGHT_SQL} as k`, [today, today])).count({ n: '*' }).groupBy('k'),
    base().count({ a: 'accepted_at', d: 'decided_at' }).first(),
  ]);
  const toMap = (rows: { k: string; n: number | string }[]) => Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
  const states = toMap(byState as never);
  return {
    total: Object.values(states).reduce((a, b) => a + b, 0),
    accepted: Number((done as { a?: number | string } | undefined)?.a ?? 0),
    decided: Number((done as { d?: number | string } | undefined)?.d ?? 0),
    byState: states,
    byLevel: toMap(byLevel as never),
    byLight: { green: 0, yellow: 0, red: 0, ...toMap(byLight as never) },
  };
}

export interface CaseListFilter {
  /** Materialised path of the subtree (cases filed under it), or null for no subtree limit. */
  path: string | null;
  applicantUserId?: number;
  state?: string;
  light?: string;
  itemCode?: string;
  /** A case number (prefix) or the applicant's name (substring). */
  q?: string;
  today: string;
  limit: number;
  offset: number;
}

/** Cases for a list screen, newest first, with the total for paging. */
export async function listCases(db: Knex, f: CaseListFilter): Promise<{ total: number; cases: CaseRow[] }> {
  const q = db('cases');
  if (f.path) q.where('centre_path', 'like', `${f.path}%`);
  if (f.applicantUserId !== undefined) q.where('applicant_user_id', f.applicantUserId);
  if (f.state) q.where('state', f.state);
  if (f.itemCode) q.where('item_code', f.itemCode);
  if (f.light) q.whereRaw(`${LIGHT_SQL} = ?`, [f.today, f.today, f.light]);
  if (f.q) {
    const like = likeText(f.q);
    q.where((w) => w.whereRaw("case_no like ? escape '!'", [`${like}%`]).orWhereRaw("applicant_name like ? escape '!'", [`%${like}%`]));
  }
  const [{ n }] = await q.clone().count({ n: '*' });
  const rows = await q.select('*').orderBy('id', 'desc').limit(f.limit).offset(f.offset);
  return { total: Number(n), cases: rows.map(rowToCase) };
}
