import type { Knex } from 'knex';
import { parseJson, toBool } from '../../connection';
import { fromColumns, toColumns, type ColumnMap } from '../columnMap';

/** An agency as stored: its particulars, the machine's state and context, its score columns. */
export interface AgencyRow {
  id: number;
  userId: number | null;
  name: string;
  uscc: string;
  legalRepresentative: string;
  contactPhone: string;
  address: string;
  jurisdictionCode: string;
  onSite: boolean;
  areas: string[];
  introduction: string;
  state: string;
  machineContext: Record<string, unknown>;
  rowVersion: number;
  lastSeq: number;
  reviewDueOn: string | null;
  reviewOverdue: boolean;
  score: number | null;
  stars: number | null;
  ratedOrders: number;
  completedOrders: number;
  openOrders: number;
  stateReason: string | null;
  registeredAt: string;
  listedAt: string | null;
  updatedAt: string;
}

const COLUMNS: ColumnMap<Omit<AgencyRow, 'id'>> = {
  userId: 'user_id',
  name: 'name',
  uscc: 'uscc',
  legalRepresentative: 'legal_representative',
  contactPhone: 'contact_phone',
  address: 'address',
  jurisdictionCode: 'jurisdiction_code',
  onSite: 'on_site',
  areas: 'areas',
  introduction: 'introduction',
  state: 'state',
  machineContext: 'machine_context',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  reviewDueOn: 'review_due_on',
  reviewOverdue: 'review_overdue',
  score: 'score',
  stars: 'stars',
  ratedOrders: 'rated_orders',
  completedOrders: 'completed_orders',
  openOrders: 'open_orders',
  stateReason: 'state_reason',
  registeredAt: 'registered_at',
  listedAt: 'listed_at',
  updatedAt: 'updated_at',
};

export function agencyFromDb(r: Record<string, any>): AgencyRow {
  const out = fromColumns(COLUMNS, r) as unknown as AgencyRow;
  out.userId = r.user_id == null ? null : Number(r.user_id);
  out.onSite = toBool(r.on_site);
  out.reviewOverdue = toBool(r.review_overdue);
  out.areas = parseJson<string[]>(r.areas);
  out.machineContext = parseJson(r.machine_context);
  out.rowVersion = Number(r.row_version);
  out.lastSeq = Number(r.last_seq);
  out.score = r.score == null ? null : Number(r.score);
  out.stars = r.stars == null ? null : Number(r.stars);
  out.ratedOrders = Number(r.rated_orders);
  out.completedOrders = Number(r.completed_orders);
  out.openOrders = Number(r.open_orders);
  return out;
}

const toDb = (patch: Partial<AgencyRow>) => toColumns(COLUMNS, patch, ['machineContext', 'areas']);

export async function insertAgency(trx: Knex, a: Omit<AgencyRow, 'id'>): Promise<number> {
  const [id] = await trx('market_agencies').insert(toDb(a));
  return Number(id);
}

export async function findAgency(db: Knex, id: number, forUpdate = false): Promise<AgencyRow | undefined> {
  const q = db('market_agencies').where('id', id);
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? agencyFromDb(r) : undefined;
}

export async function findAgencyOfUser(db: Knex, userId: number): Promise<AgencyRow | undefined> {
  const r = await db('market_agencies').where('user_id', userId).first();
  return r ? agencyFromDb(r) : undefined;
}

export async function agencyUsccTaken(db: Knex, uscc: string): Promise<boolean> {
  return (await db('market_agencies').where('uscc', uscc).first('id')) !== undefined;
}

export async function updateAgencyIfVersion(trx: Knex, current: AgencyRow, patch: Partial<AgencyRow>): Promise<boolean> {
  const n = await trx('market_agencies').where({ id: current.id, row_version: current.rowVersion }).update(toDb(patch));
  return Number(n) === 1;
}

/** The registrations and appeals awaiting the centre's review past their due date (locked, SKIP LOCKED on MySQL), not yet flagged. */
export async function claimOverdueReviews(trx: Knex, dialect: 'sqlite' | 'mysql', today: string, limit: number): Promise<number[]> {
  const q = trx('market_agencies').whereIn('state', ['pending', 'appealing']).where({ review_overdue: false }).where('review_due_on', '<', today).orderBy('id').limit(limit).select('id');
  if (dialect === 'mysql') q.forUpdate().skipLocked();
  return ((await q) as { id: number }[]).map((r) => Number(r.id));
}
