import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';
import { parseJson, toBool } from '../../connection';

/** A post-check (核查) task of a commitment: an aggregate row of the one command path (workflows/postCheckMachine.ts). */
export interface PostCheckRow {
  id: number;
  commitmentId: number;
  caseId: number;
  caseNo: string;
  itemCode: string;
  proof: string;
  jurisdictionCode: string;
  department: string;
  applicantUserId: number | null;
  subjectType: 'person' | 'organisation';
  subjectCode: string;
  subjectName: string;
  dueOn: string;
  overdue: boolean;
  state: string;
  machineContext: Record<string, unknown>;
  rowVersion: number;
  lastSeq: number;
  decisionNo: string | null;
  outcomeReason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

const COLUMNS: Record<keyof PostCheckRow, string> = {
  id: 'id',
  commitmentId: 'commitment_id',
  caseId: 'case_id',
  caseNo: 'case_no',
  itemCode: 'item_code',
  proof: 'proof',
  jurisdictionCode: 'jurisdiction_code',
  department: 'department',
  applicantUserId: 'applicant_user_id',
  subjectType: 'subject_type',
  subjectCode: 'subject_code',
  subjectName: 'subject_name',
  dueOn: 'due_on',
  overdue: 'overdue',
  state: 'state',
  machineContext: 'machine_context',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  decisionNo: 'decision_no',
  outcomeReason: 'outcome_reason',
  decidedAt: 'decided_at',
  createdAt: 'created_at',
};

function toDb(patch: Partial<PostCheckRow>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id') continue;
    row[COLUMNS[k as keyof PostCheckRow]] = k === 'machineContext' ? JSON.stringify(v) : v;
  }
  return row;
}

function fromDb(r: Record<string, any>): PostCheckRow {
  const out = {} as Record<string, unknown>;
  for (const [k, col] of Object.entries(COLUMNS)) out[k] = r[col] ?? null;
  const row = out as unknown as PostCheckRow;
  for (const k of ['id', 'commitmentId', 'caseId', 'rowVersion', 'lastSeq'] as const) row[k] = Number(r[COLUMNS[k]]);
  row.applicantUserId = r.applicant_user_id == null ? null : Number(r.applicant_user_id);
  row.overdue = toBool(r.overdue);
  row.machineContext = parseJson(r.machine_context);
  return row;
}

export async function insertPostCheck(trx: Knex, p: Omit<PostCheckRow, 'id'>): Promise<number> {
  const [id] = await trx('post_checks').insert(toDb(p));
  return Number(id);
}

export async function findPostCheck(db: Knex, id: number, forUpdate = false): Promise<PostCheckRow | undefined> {
  const q = db('post_checks').where({ id });
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? fromDb(r) : undefined;
}

/** The change of a command, written only if the task is still at the version it was read at. */
export async function updatePostCheckIfVersion(trx: Knex, current: PostCheckRow, patch: Partial<PostCheckRow>): Promise<boolean> {
  const n = await trx('post_checks').where({ id: current.id, row_version: current.rowVersion }).update(toDb(patch));
  return Number(n) === 1;
}

export interface PostCheckScope {
  jurisdictionCode: string;
  department: string | null;
  /** A supervisor's area: every task under the jurisdiction. */
  within: boolean;
  state?: string;
  limit: number;
}

/** A desk's tasks (or an area's), open ones first, the earliest due first. */
export async function listPostChecks(db: Knex, s: PostCheckScope): Promise<PostCheckRow[]> {
  const q = db('post_checks').select('post_checks.*');
  if (s.within) q.where('post_checks.jurisdiction_code', 'like', `${codePrefix(s.jurisdictionCode)}%`);
  else q.where({ 'post_checks.jurisdiction_code': s.jurisdictionCode, 'post_checks.department': s.department });
  if (s.state) q.where('post_checks.state', s.state);
  return (await q.orderByRaw("CASE WHEN post_checks.state = 'open' THEN 0 ELSE 1 END").orderBy('post_checks.due_on').orderBy('post_checks.id', 'desc').limit(s.limit)).map(fromDb);
}

/** The tasks of the commitments an applicant account signed, newest first. */
export async function listPostChecksOfApplicant(db: Knex, userId: number): Promise<PostCheckRow[]> {
  return (await db('post_checks').where('applicant_user_id', userId).orderBy('id', 'desc').limit(500)).map(fromDb);
}

/**
 * The durable timer: open tasks past their due date not yet flagged, each
 * locked for the caller's transaction (SKIP LOCKED on MySQL, so two
 * processes never take the same task; SQLite has one writer).
 */
export async function claimOverduePostChecks(trx: Knex, dialect: 'sqlite' | 'mysql', today: string, limit: number): Promise<number[]> {
  const q = trx('post_checks').where({ state: 'open', overdue: false }).where('due_on', '<', today).orderBy('id').limit(limit).select('id');
  if (dialect === 'mysql') q.forUpdate().skipLocked();
  return ((await q) as { id: number }[]).map((r) => Number(r.id));
}
