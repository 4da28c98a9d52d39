import type { Knex } from 'knex';
import type { OrgContext } from '../../../workflows/transferOrgMachine';
import { parseJson } from '../../connection';
import { contains } from './directory';

/** A receiving organisation (承接主体) as stored (migration 034): its directory state is its machine's. */
export interface TransferOrgRow {
  id: number;
  name: string;
  uscc: string;
  kind: string;
  registeredOn: string;
  creditRating: string | null;
  state: string;
  machineContext: OrgContext;
  rowVersion: number;
  lastSeq: number;
  removedOn: string | null;
}

function orgFromDb(r: Record<string, any>): TransferOrgRow {
  return {
    id: Number(r.id), name: r.name, uscc: r.uscc, kind: r.kind, registeredOn: r.registered_on, creditRating: r.credit_rating ?? null, state: r.state,
    machineContext: parseJson<OrgContext>(r.machine_context), rowVersion: Number(r.row_version), lastSeq: Number(r.last_seq), removedOn: r.removed_on ?? null,
  };
}

export async function findOrg(db: Knex, id: number, forUpdate = false): Promise<TransferOrgRow | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const q = db('transfer_orgs').where({ id });
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? orgFromDb(r) : undefined;
}

/** Writes the evaluation's change if the row is still at the version it was read at. */
export async function updateOrgIfVersion(trx: Knex, current: TransferOrgRow, patch: Partial<TransferOrgRow>): Promise<boolean> {
  const row: Record<string, unknown> = {};
  if (patch.state !== undefined) row.state = patch.state;
  if (patch.machineContext !== undefined) row.machine_context = JSON.stringify(patch.machineContext);
  if (patch.rowVersion !== undefined) row.row_version = patch.rowVersion;
  if (patch.lastSeq !== undefined) row.last_seq = patch.lastSeq;
  if (patch.removedOn !== undefined) row.removed_on = patch.removedOn;
  const n = await trx('transfer_orgs').where({ id: current.id, row_version: current.rowVersion }).update(row);
  return Number(n) === 1;
}

export interface OrgFilter {
  kind?: string;
  state?: string;
  q?: string;
}

/** The receiving organisations with what they hold (functions, agreements) and their latest evaluation. */
export async function listOrgs(db: Knex, f: OrgFilter, page: { offset: number; limit: number }) {
  const base = () => {
    const q = db('transfer_orgs as o');
    if (f.kind) q.where('o.kind', f.kind);
    if (f.state) q.where('o.state', f.state);
    if (f.q) contains(q, 'o.name', f.q);
    return q;
  };
  const counted = await base().count({ n: '*' }).first();
  const rows = await base()
    .select('o.*')
    .select(db('transfer_functions as f').whereRaw('f.org_id = o.id').count('*').as('functions'))
    .select(db('transfer_agreements as a').whereRaw('a.org_id = o.id').count('*').as('agreements'))
    .orderBy('o.id')
    .offset(page.offset)
    .limit(page.limit);
  return { total: Number(counted?.n ?? 0), rows: rows.map((r: Record<string, any>) => ({ ...orgFromDb(r), functions: Number(r.functions), agreements: Number(r.agreements) })) };
}

export interface EvaluationRow {
  id: number;
  orgId: number;
  year: number;
  score: number;
  grade: string;
  consequence: string;
  stateAfter: string;
  notes: string;
  createdAt: string;
}

const evaluationFromDb = (r: Record<string, any>): EvaluationRow => ({
  id: Number(r.id), orgId: Number(r.org_id), year: Number(r.year), score: Number(r.score), grade: r.grade, consequence: r.consequence, stateAfter: r.state_after, notes: r.notes, createdAt: r.created_at,
});

export async function evaluationsOf(db: Knex, orgId: number): Promise<EvaluationRow[]> {
  return (await db('transfer_evaluations').where({ org_id: orgId }).orderBy('year')).map(evaluationFromDb);
}

export async function findEvaluation(db: Knex, orgId: number, year: number): Promise<EvaluationRow | undefined> {
  const r = await db('transfer_evaluations').where({ org_id: orgId, year }).first();
  return r ? evaluationFromDb(r) : undefined;
}

export async function insertEvaluation(trx: Knex, e: Omit<EvaluationRow, 'id'> & { evaluatedBy: number | null }): Promise<number> {
  const [id] = await trx('transfer_evaluations').insert({
    org_id: e.orgId, year: e.year, score: e.score, grade: e.grade, consequence: e.consequence, state_after: e.stateAfter, notes: e.notes, evaluated_by: e.evaluatedBy, created_at: e.createdAt,
  });
  return Number(id);
}
