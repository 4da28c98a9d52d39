import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';
import { DESK_OWES, OPEN_STATES } from '../../../workflows/rectificationMachine';
import { parseJson, toBool } from '../../connection';

/** A bad rating's rectification (整改): an aggregate row of the one command path (workflows/rectificationMachine.ts). */
export interface RectificationRow {
  id: number;
  ratingId: number;
  caseId: number;
  caseNo: string;
  stage: string;
  /** The answerable desk: a centre (department null) or a department at a jurisdiction. */
  jurisdictionCode: string;
  department: string | null;
  applicantUserId: number | null;
  realName: boolean;
  dueOn: string;
  overdue: boolean;
  state: string;
  machineContext: Record<string, unknown>;
  rowVersion: number;
  lastSeq: number;
  outcome: string | null;
  outcomeText: string | null;
  calledBackAt: string | null;
  applicantScore: number | null;
  applicantComment: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

const COLUMNS: Record<keyof RectificationRow, string> = {
  id: 'id',
  ratingId: 'rating_id',
  caseId: 'case_id',
  caseNo: 'case_no',
  stage: 'stage',
  jurisdictionCode: 'jurisdiction_code',
  department: 'department',
  applicantUserId: 'applicant_user_id',
  realName: 'real_name',
  dueOn: 'due_on',
  overdue: 'overdue',
  state: 'state',
  machineContext: 'machine_context',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  outcome: 'outcome',
  outcomeText: 'outcome_text',
  calledBackAt: 'called_back_at',
  applicantScore: 'applicant_score',
  applicantComment: 'applicant_comment',
  resolvedAt: 'resolved_at',
  createdAt: 'created_at',
};

function toDb(patch: Partial<RectificationRow>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id') continue;
    row[COLUMNS[k as keyof RectificationRow]] = k === 'machineContext' ? JSON.stringify(v) : v;
  }
  return row;
}

function fromDb(r: Record<string, any>): RectificationRow {
  const out = {} as Record<string, unknown>;
  for (const [k, col] of Object.entries(COLUMNS)) out[k] = r[col] ?? null;
  const row = out as unknown as RectificationRow;
  for (const k of ['id', 'ratingId', 'caseId', 'rowVersion', 'lastSeq'] as const) row[k] = Number(r[COLUMNS[k]]);
  row.applicantUserId = r.applicant_user_id == null ? null : Number(r.applicant_user_id);
  row.applicantScore = r.applicant_score == null ? null : Number(r.applicant_score);
  row.realName = toBool(r.real_name);
  row.overdue = toBool(r.overdue);
  row.machineContext = parseJson(r.machine_context);
  return row;
}

export async function insertRectification(trx: Knex, p: Omit<RectificationRow, 'id'>): Promise<number> {
  const [id] = await trx('rectifications').insert(toDb(p));
  return Number(id);
}

export async function findRectification(db: Knex, id: number, forUpdate = false): Promise<RectificationRow | undefined> {
  const q = db('rectifications').where({ id });
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? fromDb(r) : undefined;
}

export async function findRectificationOfRating(db: Knex, ratingId: number): Promise<RectificationRow | undefined> {
  const r = await db('rectifications').where({ rating_id: ratingId }).first();
  return r ? fromDb(r) : undefined;
}

export async function listRectificationsOfCase(db: Knex, caseId: number): Promise<RectificationRow[]> {
  return (await db('rectifications').where({ case_id: caseId }).orderBy('id')).map(fromDb);
}

/** The change of a command, written only if the task is still at the version it was read at. */
export async function updateRectificationIfVersion(trx: Knex, current: RectificationRow, patch: Partial<RectificationRow>): Promise<boolean> {
  const n = await trx('rectifications').where({ id: current.id, row_version: current.rowVersion }).update(toDb(patch));
  return Number(n) === 1;
}

export interface RectificationScope {
  jurisdictionCode: string;
  department: string | null;
  /** A supervisor's area: every task under the jurisdiction. */
  within: boolean;
  state?: string;
  limit: number;
}

/** A desk's tasks (or an area's): those still owed first, the earliest due first. */
export async function listRectifications(db: Knex, s: RectificationScope): Promise<RectificationRow[]> {
  const q = db('rectifications').select('*');
  if (s.within) q.where('jurisdiction_code', 'like', `${codePrefix(s.jurisdictionCode)}%`);
  else if (s.department === null) q.where({ jurisdiction_code: s.jurisdictionCode }).whereNull('department');
  else q.where({ jurisdiction_code: s.jurisdictionCode, department: s.department });
  if (s.state) q.where('state', s.state);
  return (
    await q
      .orderByRaw(`CASE WHEN state IN (${OPEN_STATES.map(() => '?').join(', ')}) THEN 0 ELSE 1 END`, [...OPEN_STATES])
      .orderBy('due_on')
      .orderBy('id', 'desc')
      .limit(s.limit)
  ).map(fromDb);
}

/**
 * The durable timer: tasks the desk still owes an answer on, past their due
 * date and not yet flagged, each locked for the caller's transaction (SKIP
 * LOCKED on MySQL, so two processes never take the same one).
 */
export async function claimOverdueRectifications(trx: Knex, dialect: 'sqlite' | 'mysql', today: string, limit: number): Promise<number[]> {
  const q = trx('rectifications').whereIn('state', [...DESK_OWES]).where({ overdue: false }).where('due_on', '<', today).orderBy('id').limit(limit).select('id');
  if (dialect === 'mysql') q.forUpdate().skipLocked();
  return ((await q) as { id: number }[]).map((r) => Number(r.id));
}
