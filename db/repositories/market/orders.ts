import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';
import { parseJson, toBool } from '../../connection';

/** A purchase order of the intermediary market: an aggregate row of the one command path (workflows/marketOrderMachine.ts). */
export interface OrderRow {
  id: number;
  orderNo: string;
  ownerUserId: number;
  ownerKind: 'person' | 'legal_person' | 'department';
  ownerName: string;
  serviceItemCode: string;
  jurisdictionCode: string;
  caseNo: string | null;
  title: string;
  content: string;
  budgetMin: number;
  budgetMax: number;
  method: 'direct' | 'random' | 'bidding';
  requiredQualification: string;
  requiredLevel: string | null;
  avoidedAgencies: number[];
  signupDeadline: string;
  selectionAt: string;
  serviceDays: number;
  state: string;
  machineContext: Record<string, unknown>;
  rowVersion: number;
  lastSeq: number;
  chosenAgencyId: number | null;
  contractAmount: number | null;
  serviceDueOn: string | null;
  overdue: boolean;
  drawCommitment: string | null;
  drawSeed: string | null;
  contractFileId: string | null;
  resultFileId: string | null;
  nextDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS: Record<keyof OrderRow, string> = {
  id: 'id',
  orderNo: 'order_no',
  ownerUserId: 'owner_user_id',
  ownerKind: 'owner_kind',
  ownerName: 'owner_name',
  serviceItemCode: 'service_item_code',
  jurisdictionCode: 'jurisdiction_code',
  caseNo: 'case_no',
  title: 'title',
  content: 'content',
  budgetMin: 'budget_min',
  budgetMax: 'budget_max',
  method: 'method',
  requiredQualification: 'required_qualification',
  requiredLevel: 'required_level',
  avoidedAgencies: 'avoided_agencies',
  signupDeadline: 'signup_deadline',
  selectionAt: 'selection_at',
  serviceDays: 'service_days',
  state: 'state',
  machineContext: 'machine_context',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  chosenAgencyId: 'chosen_agency_id',
  contractAmount: 'contract_amount',
  serviceDueOn: 'service_due_on',
  overdue: 'overdue',
  drawCommitment: 'draw_commitment',
  drawSeed: 'draw_seed',
  contractFileId: 'contract_file_id',
  resultFileId: 'result_file_id',
  nextDueAt: 'next_due_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

function toDb(patch: Partial<OrderRow>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id' || v === undefined) continue;
    row[COLUMNS[k as keyof OrderRow]] = k === 'machineContext' || k === 'avoidedAgencies' ? JSON.stringify(v) : v;
  }
  return row;
}

const num = (v: unknown) => (v == null ? null : Number(v));

export function orderFromDb(r: Record<string, any>): OrderRow {
  const out = {} as Record<string, unknown>;
  for (const [k, col] of Object.entries(COLUMNS)) out[k] = r[col] ?? null;
  const row = out as unknown as OrderRow;
  for (const k of ['id', 'ownerUserId', 'budgetMin', 'budgetMax', 'serviceDays', 'rowVersion', 'lastSeq'] as const) row[k] = Number(r[COLUMNS[k]]);
  row.chosenAgencyId = num(r.chosen_agency_id);
  row.contractAmount = num(r.contract_amount);
  row.overdue = toBool(r.overdue);
  row.machineContext = parseJson(r.machine_context);
  row.avoidedAgencies = parseJson<number[]>(r.avoided_agencies).map(Number);
  return row;
}

export async function insertOrder(trx: Knex, o: Omit<OrderRow, 'id'>): Promise<number> {
  const [id] = await trx('market_orders').insert(toDb(o));
  return Number(id);
}

export async function findOrder(db: Knex, id: number, forUpdate = false): Promise<OrderRow | undefined> {
  const q = db('market_orders').where({ id });
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? orderFromDb(r) : undefined;
}

export async function updateOrderIfVersion(trx: Knex, current: OrderRow, patch: Partial<OrderRow>): Promise<boolean> {
  const n = await trx('market_orders').where({ id: current.id, row_version: current.rowVersion }).update(toDb(patch));
  return Number(n) === 1;
}

/** A patch outside the machine's columns (the order number once the id is known). */
export async function patchOrder(trx: Knex, id: number, patch: Partial<OrderRow>): Promise<void> {
  await trx('market_orders').where({ id }).update(toDb(patch));
}

export interface OrderFilter {
  states?: string[];
  serviceItemCode?: string;
  method?: string;
  ownerUserId?: number;
  agencyId?: number;
  /** Orders whose area is under this jurisdiction (the centre's). */
  within?: string;
  /** Only orders the centre approved (announced, their draw seed committed): the public's. */
  announced?: boolean;
  offset: number;
  limit: number;
}

function filtered(db: Knex, f: OrderFilter): Knex.QueryBuilder {
  const q = db('market_orders');
  if (f.states?.length) q.whereIn('state', f.states);
  if (f.serviceItemCode) q.where('service_item_code', f.serviceItemCode);
  if (f.method) q.where('method', f.method);
  if (f.ownerUserId !== undefined) q.where('owner_user_id', f.ownerUserId);
  if (f.within) q.where('jurisdiction_code', 'like', `${codePrefix(f.within)}%`);
  if (f.announced) q.whereNotNull('draw_commitment');
  if (f.agencyId !== undefined) q.where((w) => w.where('chosen_agency_id', f.agencyId!).orWhereIn('id', db('market_signups').select('order_id').where('agency_id', f.agencyId!)));
  return q;
}

/** A page of orders, newest first, and how many match. */
export async function listOrders(db: Knex, f: OrderFilter): Promise<{ rows: OrderRow[]; total: number }> {
  const [{ n }] = (await filtered(db, f).count({ n: '*' })) as { n: number | string }[];
  const rows = await filtered(db, f).select('*').orderBy('id', 'desc').offset(f.offset).limit(f.limit);
  return { rows: rows.map(orderFromDb), total: Number(n) };
}

/**
 * The durable timer: orders whose `next_due_at` has come, each locked for the
 * caller's transaction (SKIP LOCKED on MySQL: two processes never take the same one).
 */
export async function claimDueOrders(trx: Knex, dialect: 'sqlite' | 'mysql', now: string, limit: number): Promise<number[]> {
  const q = trx('market_orders').whereNotNull('next_due_at').where('next_due_at', '<=', now).orderBy('next_due_at').limit(limit).select('id');
  if (dialect === 'mysql') q.forUpdate().skipLocked();
  return ((await q) as { id: number }[]).map((r) => Number(r.id));
}

/** The orders an agency holds open (chosen, not yet completed or ended). */
export async function countOpenOrdersOf(db: Knex, agencyId: number, openStates: string[]): Promise<number> {
  const [{ n }] = (await db('market_orders').where('chosen_agency_id', agencyId).whereIn('state', openStates).count({ n: '*' })) as { n: number | string }[];
  return Number(n);
}
