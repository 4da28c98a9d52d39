import type { Knex } from 'knex';
import { fromColumns, toColumns, type ColumnMap } from '../columnMap';

/** A complaint (投诉) by an order's owner about the agency on the order (migration 028). */
export interface ComplaintRow {
  id: number;
  orderId: number;
  agencyId: number;
  ownerUserId: number;
  jurisdictionCode: string;
  reason: string;
  state: string;
  outcome: string | null;
  closedBy: number | null;
  rowVersion: number;
  lastSeq: number;
  createdAt: string;
  closedAt: string | null;
}

const COLUMNS: ColumnMap<Omit<ComplaintRow, 'id'>> = {
  orderId: 'order_id',
  agencyId: 'agency_id',
  ownerUserId: 'owner_user_id',
  jurisdictionCode: 'jurisdiction_code',
  reason: 'reason',
  state: 'state',
  outcome: 'outcome',
  closedBy: 'closed_by',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  createdAt: 'created_at',
  closedAt: 'closed_at',
};

function fromDb(r: Record<string, any>): ComplaintRow {
  const out = fromColumns(COLUMNS, r) as Record<string, unknown>;
  for (const k of ['orderId', 'agencyId', 'ownerUserId', 'rowVersion', 'lastSeq'] as const) out[k] = Number(r[COLUMNS[k]]);
  out.closedBy = r.closed_by == null ? null : Number(r.closed_by);
  return out as unknown as ComplaintRow;
}

export async function insertComplaint(trx: Knex, c: Omit<ComplaintRow, 'id'>): Promise<number> {
  const [id] = await trx('market_complaints').insert(toColumns(COLUMNS, c));
  return Number(id);
}

export async function findComplaint(db: Knex, id: number, forUpdate = false): Promise<ComplaintRow | undefined> {
  const q = db('market_complaints').where('id', id);
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? fromDb(r) : undefined;
}

export async function updateComplaintIfVersion(trx: Knex, current: ComplaintRow, patch: Partial<ComplaintRow>): Promise<boolean> {
  const n = await trx('market_complaints').where({ id: current.id, row_version: current.rowVersion }).update(toColumns(COLUMNS, patch));
  return Number(n) === 1;
}

export async function listComplaints(db: Knex, s: { state?: string; ownerUserId?: number; orderId?: number; limit: number }): Promise<ComplaintRow[]> {
  const q = db('market_complaints');
  if (s.state) q.where('state', s.state);
  if (s.ownerUserId !== undefined) q.where('owner_user_id', s.ownerUserId);
  if (s.orderId !== undefined) q.where('order_id', s.orderId);
  return (await q.orderBy('id', 'desc').limit(s.limit)).map(fromDb);
}

export async function countOpenComplaints(db: Knex): Promise<number> {
  const [{ n }] = await db('market_complaints').where('state', 'open').count({ n: '*' });
  return Number(n);
}
