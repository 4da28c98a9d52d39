import type { Knex } from 'knex';

/** What ratings, bad acts and complaints need of an order (B's aggregate; read only here). */
export interface RatedOrder {
  id: number;
  orderNo: string;
  ownerUserId: number;
  serviceItemCode: string;
  /** The department keeping the service item (market_service_items.department); null if the item is unknown. */
  serviceDepartment: string | null;
  /** The department of the approval item of the linked case, if the order serves one. */
  caseDepartment: string | null;
  jurisdictionCode: string;
  caseNo: string | null;
  state: string;
  chosenAgencyId: number | null;
}

/** What they need of an agency (A's aggregate; only score, stars and rated_orders are written here). */
export interface RatedAgency {
  id: number;
  userId: number | null;
  name: string;
  uscc: string;
  jurisdictionCode: string;
  state: string;
  score: number | null;
  stars: number | null;
  ratedOrders: number;
  rowVersion: number;
  lastSeq: number;
}

export async function findRatedOrder(db: Knex, id: number): Promise<RatedOrder | undefined> {
  const r = await db('market_orders as o')
    .leftJoin('market_service_items as s', 's.code', 'o.service_item_code')
    .leftJoin('cases as c', 'c.case_no', 'o.case_no')
    .leftJoin('items as i', 'i.id', 'c.item_id')
    .where('o.id', id)
    .first('o.id', 'o.order_no', 'o.owner_user_id', 'o.service_item_code', 's.department', 'i.department as case_department', 'o.jurisdiction_code', 'o.case_no', 'o.state', 'o.chosen_agency_id');
  if (!r) return undefined;
  return {
    id: Number(r.id),
    orderNo: r.order_no,
    ownerUserId: Number(r.owner_user_id),
    serviceItemCode: r.service_item_code,
    serviceDepartment: r.department ?? null,
    caseDepartment: r.case_department ?? null,
    jurisdictionCode: r.jurisdiction_code,
    caseNo: r.case_no ?? null,
    state: r.state,
    chosenAgencyId: r.chosen_agency_id == null ? null : Number(r.chosen_agency_id),
  };
}

export function agencyFromDb(r: Record<string, any>): RatedAgency {
  return {
    id: Number(r.id),
    userId: r.user_id == null ? null : Number(r.user_id),
    name: r.name,
    uscc: r.uscc,
    jurisdictionCode: r.jurisdiction_code,
    state: r.state,
    score: r.score == null ? null : Number(r.score),
    stars: r.stars == null ? null : Number(r.stars),
    ratedOrders: Number(r.rated_orders),
    rowVersion: Number(r.row_version),
    lastSeq: Number(r.last_seq),
  };
}

export async function findRatedAgency(db: Knex, id: number, forUpdate = false): Promise<RatedAgency | undefined> {
  const q = db('market_agencies').where('id', id);
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? agencyFromDb(r) : undefined;
}

/** The agency's recomputed score (C writes these three columns only). */
export async function writeAgencyScore(trx: Knex, id: number, s: { score: number | null; stars: number | null; ratedOrders: number }, at: string): Promise<void> {
  await trx('market_agencies').where({ id }).update({ score: s.score, stars: s.stars, rated_orders: s.ratedOrders, updated_at: at });
}

/** The agency's bad acts that count against it: its own (steering is a department's), not repaired (信用修复). */
export async function countCountedBadActs(db: Knex, agencyId: number): Promise<number> {
  const [{ n }] = await db('market_bad_acts as b')
    .leftJoin('credit_records as c', 'c.id', 'b.credit_record_id')
    .where('b.agency_id', agencyId)
    .whereNot('b.kind', 'steering')
    .whereNull('c.repaired_at')
    .count({ n: '*' })
    .forShare();
  return Number(n);
}
