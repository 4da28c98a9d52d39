import type { Knex } from 'knex';
import { FINAL_STATES } from '../../workflows/caseStates';
import { isCentreLevel, type Level } from '../../workflows/levels';
import { rowToCase, type CaseRow } from './cases';
import { likeText } from '../connection';
import { addCalendarDays } from '../../workflows/calendar';
import type { Light } from '../../workflows/clock';
import { SEARCH_HASH_COLUMNS } from './searchHashes';
import { whereInReach, type CaseReach } from './caseReach';
import { nameCandidates } from './nameGrams';
import { tallyOpenUnder, whereLight, whereOverdue, type OpenTally } from './promiseLight';
import { countCases, scopeCounts, type CountableFilter, type ScopeCounts } from './readModelQueries';

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
    // Village and town centres have no departments: nothing there is a department's, but the steps a delegation deed moved to a town.
    if (f.level === 'village') return [];
    if (isCentreLevel(f.level)) q.whereNotNull('current_deed_no');
    q.where('current_department', f.desk.department).whereNotIn('step_kind', CENTRE_KINDS);
  } else if (!isCentreLevel(f.level)) {
    q.where((w) => w.whereIn('step_kind', CENTRE_KINDS).orWhereNull('current_department'));
  } else {
    q.whereNull('current_deed_no');
  }
  if (f.state) q.where('state', f.state);
  if (f.itemCode) q.where('item_code', f.itemCode);
  if (f.light) q.whereRaw(`${LIGHT_SQL} = ?`, [f.today, f.today, f.light]);
  const rows = await q
    // A supervisor's 督办 awaiting this desk's reply is pinned on top, the earliest reply-by first.
    .orderByRaw('CASE WHEN urge_reply_by IS NULL THEN 1 ELSE 0 END')
    .orderBy('urge_reply_by', 'asc')
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

/**
 * Counts of every case filed under a subtree: states, levels and totals from
 * the read models (readModelQueries.ts); lights, which move with the date,
 * from the open cases only (closed_at IS NULL, indexed with centre_path).
 */
export async function overviewUnder(db: Knex, path: string, today: string, counts?: ScopeCounts, tally?: OpenTally[]): Promise<Overview> {
  const [c, open] = await Promise.all([
    counts ?? scopeCounts(db, path, today),
    // The case's light (pending: its acceptance period; accepted: its promise), as the dashboard's.
    tally ?? tallyOpenUnder(db, path, today),
  ]);
  const byState = Object.fromEntries(c.byState);
  const byLight = { green: 0, yellow: 0, red: 0 };
  for (const t of open) byLight[t.light] += t.n;
  return {
    total: Object.values(byState).reduce((a, b) => a + b, 0),
    accepted: c.accepted,
    decided: c.decided,
    byState,
    byLevel: Object.fromEntries(c.byLevel),
    byLight,
  };
}

export interface CaseListFilter {
  /** Whose cases may appear at all (db/repositories/caseReach.ts), or null for an applicant's own list. */
  reach: CaseReach | null;
  applicantUserId?: number;
  /** Filed at this very centre (the dashboard's row for a scope's own centre). */
  centreCode?: string;
  /** Drill-down filters, each matching one number of the supervisor's dashboard (db/repositories/statsQueries.ts). */
  open?: boolean;
  overdue?: boolean;
  light?: Light;
  /** The current step's own light (LIGHT_SQL), as the desks' queues show it. */
  stepLight?: Light;
  level?: Level;
  state?: string;
  itemCode?: string;
  /** Filed on or after this China date. */
  filedFrom?: string;
  accepted?: boolean;
  decided?: boolean;
  linked?: boolean;
  /** A case number (prefix) or a name (substring: applicant, legal representative) ... */
  q?: string;
  /** ... or the keyed hash of a whole ID number, USCC or phone (server/search/searchHash.ts). */
  qHash?: string;
  today: string;
  limit: number;
  offset: number;
}

/** More cases than this share a name's pairs: the query narrows nothing, and the scan serves it. */
const NAME_CANDIDATES_CAP = 2000;

/** Cases for a list screen, newest first, with the total for paging. */
export async function listCases(db: Knex, f: CaseListFilter): Promise<{ total: number; cases: CaseRow[] }> {
  const q = db('cases');
  if (f.reach) whereInReach(q, f.reach);
  if (f.applicantUserId !== undefined) q.where('applicant_user_id', f.applicantUserId);
  if (f.centreCode) q.where('centre_code', f.centreCode);
  if (f.open) q.whereNotIn('state', FINAL_STATES as string[]);
  if (f.overdue) whereOverdue(q, f.today);
  if (f.light) whereLight(q, f.light, f.today);
  if (f.stepLight) q.whereRaw(`${LIGHT_SQL} = ?`, [f.today, f.today, f.stepLight]);
  if (f.level) q.where('current_level', f.level);
  if (f.state) q.where('state', f.state);
  if (f.itemCode) q.where('item_code', f.itemCode);
  // DB times are UTC: a China day starts at 16:00 UTC the day before (as the dashboard's window).
  if (f.filedFrom) q.where('filed_at', '>=', `${addCalendarDays(f.filedFrom, -1)} 16:00:00.000`);
  if (f.accepted) q.whereNotNull('accepted_at');
  if (f.decided) q.whereNotNull('decided_at');
  if (f.linked !== undefined) q.whereIn('item_id', db('items').select('id').where('linked', f.linked));
  if (f.q) {
    const like = likeText(f.q);
    // A case number with its hyphen (20161230-000123…), or a whole ID number, USCC or phone (keyed hash),
    // is served by an index, without the substring scan a name needs. Shorter runs of digits may be part
    // of a name (温州第1药房, 药房123456) and are still looked for there.
    const compact = f.q.replace(/[\s-]/g, '');
    const numberLike = /^[0-9]{8}-[0-9]*$/.test(f.q.trim()) || (f.qHash !== undefined && compact.length >= 11 && /[0-9]{6}/.test(compact));
    // A name is looked up by its character pairs first (nameGrams.ts); the LIKE then checks the few candidates.
    const candidates = numberLike ? [] : await nameCandidates(db, f.q, NAME_CANDIDATES_CAP);
    const names = (w: Knex.QueryBuilder) => w.whereRaw("applicant_name like ? escape '!'", [`%${like}%`]).orWhereRaw("applicant_legal_rep like ? escape '!'", [`%${like}%`]);
    q.where((w) => {
      w.whereRaw("case_no like ? escape '!'", [`${like}%`]);
      if (candidates === null) w.orWhere(names);
      else if (candidates.length > 0) w.orWhere((c) => c.whereIn('id', candidates).andWhere(names));
      if (f.qHash) for (const c of SEARCH_HASH_COLUMNS) w.orWhere(c, f.qHash);
    });
  }
  const countable = countableFilter(f);
  const total = countable ? await countCases(db, countable) : Number((await q.clone().count({ n: '*' }))[0].n);
  const rows = await q.select('*').orderBy('id', 'desc').limit(f.limit).offset(f.offset);
  return { total, cases: rows.map(rowToCase) };
}

/** The list's filter as the read model counts it, when it can: a whole subtree, by centre, state, openness, linked, an open level. */
function countableFilter(f: CaseListFilter): CountableFilter | null {
  if (f.reach?.kind !== 'subtree' || f.applicantUserId !== undefined || f.overdue || f.light || f.stepLight || f.itemCode || f.filedFrom || f.accepted || f.decided || f.q || f.qHash) return null;
  if (f.level && !f.open) return null;
  return { path: f.reach.path, centreCode: f.centreCode, open: f.open, state: f.state, linked: f.linked, openLevel: f.level };
}
