import type { Knex } from 'knex';
import type { CaseState } from '../../workflows/caseMachine';
import type { ClockPhase, Light, PauseKind } from '../../workflows/clock';
import type { DeliveryMode } from '../../workflows/caseEvents';
import type { Level } from '../../workflows/levels';
import type { ApplicantType } from '../../workflows/parties';
import type { PromisePhase } from '../../workflows/promiseClock';
import type { StepKind } from '../../workflows/route';
import type { TimerKind } from '../../workflows/deadlineTimers';
import { parseJson } from '../connection';

export interface Delivery {
  mode: DeliveryMode;
  address: string | null;
  trackingNo: string | null;
}

/** A case as stored; the columns the command layer writes on every transition. */
export interface CaseRow {
  id: number;
  caseNo: string;
  queryCodeHash: string;
  queryCodeSalt: string;
  itemId: number;
  itemCode: string;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string;
  /** Migration 008: a person, or a legal person with its credit code and legal representative ('' ID number). */
  applicantType: ApplicantType;
  applicantUscc: string | null;
  applicantLegalRep: string | null;
  /** The agent (代理人) who filed for the applicant, if any. */
  agentName: string | null;
  agentIdNumber: string | null;
  agentPhone: string | null;
  applicantUserId: number | null;
  filedByUserId: number | null;
  centreCode: string;
  centrePath: string;
  state: CaseState;
  stepIndex: number;
  stepKind: StepKind;
  currentLevel: Level;
  currentJurisdiction: string;
  currentDepartment: string | null;
  snapshot: unknown;
  version: number;
  lastSeq: number;
  clockPhase: ClockPhase;
  clockStartedOn: string;
  clockLimitDays: number;
  clockPausedDays: number;
  clockPausedSince: string | null;
  clockPauseKind: PauseKind | null;
  deadlineOn: string | null;
  yellowOn: string | null;
  light: Light;
  /** The promise (承诺办结日期, migration 007): its clock beside the step clock above. */
  promisePhase: PromisePhase;
  promiseStartedOn: string | null;
  promiseLimitDays: number;
  promisePausedDays: number;
  promisePausedSince: string | null;
  promisePauseKind: PauseKind | null;
  promiseDueOn: string | null;
  promiseYellowOn: string | null;
  promiseLight: Light;
  materials: string[];
  delivery: Delivery;
  filedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  /** Derived from the machine context (migration 010): returned down and not yet forwarded; a 督办 awaits reply by this date. */
  isReturned?: boolean;
  urgeReplyBy?: string | null;
  /** The deadline timers planned with this version (migration 013), the earliest due time, and a scheduler's claim. */
  timers?: StoredTimer[] | null;
  nextDueAt?: string | null;
  timerClaimedBy?: string | null;
  timerClaimedAt?: string | null;
  /** Migration 033: the delegation deed the case was filed under (kept for life), and the deed of the step it is at. */
  delegationDeedNo?: string | null;
  currentDeedNo?: string | null;
}

/** A planned timer as stored on its case: the kind and when it comes due (a database time). */
export interface StoredTimer {
  kind: TimerKind;
  dueAt: string;
}

const NUMERIC = ['id', 'itemId', 'stepIndex', 'version', 'lastSeq', 'clockLimitDays', 'clockPausedDays', 'promiseLimitDays', 'promisePausedDays'] as const;
const JSON_COLUMNS = ['snapshot', 'materials', 'delivery', 'timers'] as const;

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function rowToCase(r: Record<string, unknown>): CaseRow {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[camel(k)] = v;
  for (const k of NUMERIC) out[k] = Number(out[k]);
  for (const k of JSON_COLUMNS) out[k] = parseJson(out[k]);
  for (const k of ['applicantUserId', 'filedByUserId']) out[k] = out[k] == null ? null : Number(out[k]);
  if ('isReturned' in out) out.isReturned = Boolean(Number(out.isReturned));
  return out as unknown as CaseRow;
}

export function caseToRow(c: Partial<CaseRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'id' || v === undefined) continue;
    out[snake(k)] = (JSON_COLUMNS as readonly string[]).includes(k) ? JSON.stringify(v) : v;
  }
  return out;
}

export async function insertCase(trx: Knex, c: Omit<CaseRow, 'id'>): Promise<number> {
  const [id] = await trx('cases').insert(caseToRow(c));
  return Number(typeof id === 'object' ? (id as { id: number }).id : id);
}

export async function findCaseByNo(db: Knex, caseNo: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  const q = db('cases').where({ case_no: caseNo }).first();
  if (opts.forUpdate) q.forUpdate();
  const row = await q;
  return row ? rowToCase(row) : undefined;
}

export async function findCaseById(db: Knex, id: number): Promise<CaseRow | undefined> {
  const row = await db('cases').where({ id }).first();
  return row ? rowToCase(row) : undefined;
}

/** Several cases by number, locked for update (group commit reads a batch's cases in one statement). */
export async function findCasesByNosForUpdate(trx: Knex, caseNos: string[]): Promise<Map<string, CaseRow>> {
  if (caseNos.length === 0) return new Map();
  const rows = await trx('cases').whereIn('case_no', caseNos).forUpdate();
  return new Map(rows.map((r: Record<string, unknown>) => [String(r.case_no), rowToCase(r)]));
}

/**
 * Several cases' patches in one UPDATE per chunk (group commit): the new
 * values ride in a derived table joined on the id, each row written only at
 * the version it was read at. A column one patch sets and another does not
 * keeps that row's current value (`current`, read under the batch's lock).
 * Returns whether every row was written.
 */
export async function updateCasesIfVersion(trx: Knex, changes: { current: CaseRow; patch: Partial<CaseRow> }[]): Promise<boolean> {
  // SQLite allows 500 terms in a compound SELECT and 32,766 bound values: chunks stay well inside both.
  for (let i = 0; i < changes.length; i += 200) if (!(await updateChunk(trx, changes.slice(i, i + 200)))) return false;
  return true;
}

async function updateChunk(trx: Knex, changes: { current: CaseRow; patch: Partial<CaseRow> }[]): Promise<boolean> {
  if (changes.length === 0) return true;
  const columns = [...new Set(changes.flatMap((c) => Object.keys(caseToRow(c.patch))))];
  const names = ['id', 'version_was', ...columns];
  const valuesOf = (c: { current: CaseRow; patch: Partial<CaseRow> }) => {
    const row = caseToRow({ ...c.current, ...c.patch });
    return [c.current.id, c.current.version, ...columns.map((col) => row[col] ?? null)];
  };
  // The first SELECT names the derived table's columns; the others only bring values.
  const [head, ...tail] = changes;
  const selects = [`SELECT ${names.map(() => '? AS ??').join(', ')}`, ...tail.map(() => `SELECT ${names.map(() => '?').join(', ')}`)];
  const values = [...valuesOf(head!).flatMap((v, k) => [v, names[k]]), ...tail.flatMap(valuesOf)];
  const derived = `(${selects.join(' UNION ALL ')}) AS v`;
  const setBindings = columns.flatMap((col) => [col, col]);
  const mysql = trx.client.config.client === 'mysql2';
  const res = mysql
    ? await trx.raw(`UPDATE ?? AS c JOIN ${derived} ON c.id = v.id AND c.version = v.version_was SET ${columns.map(() => 'c.?? = v.??').join(', ')}`, ['cases', ...values, ...setBindings])
    : await trx.raw(`UPDATE ?? SET ${columns.map(() => '?? = v.??').join(', ')} FROM ${derived} WHERE ??.id = v.id AND ??.version = v.version_was`, ['cases', ...setBindings, ...values, 'cases', 'cases']);
  return affectedRows(res) === changes.length;
}

/** Rows changed by a raw UPDATE, whichever driver ran it. */
function affectedRows(res: unknown): number {
  if (Array.isArray(res)) return Number((res[0] as { affectedRows?: number }).affectedRows ?? 0);
  return Number((res as { changes?: number }).changes ?? 0);
}

/**
 * Writes a transition only if nobody else has since: the version in the
 * WHERE clause is the optimistic lock that works on SQLite and MySQL alike.
 */
export async function updateCaseIfVersion(trx: Knex, id: number, version: number, patch: Partial<CaseRow>): Promise<boolean> {
  const n = await trx('cases').where({ id, version }).update(caseToRow(patch));
  return Number(n) === 1;
}
