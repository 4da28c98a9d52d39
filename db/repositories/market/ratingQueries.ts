import type { Knex } from 'knex';

/** A row of the public league table. */
export interface RankingRow {
  id: number;
  name: string;
  onSite: boolean;
  score: number | null;
  stars: number | null;
  ratedOrders: number;
  completedOrders: number;
}

/**
 * Listed agencies by stars then score (5★ first by construction), then rated
 * orders; unrated agencies last. Filter: agencies offering one service item.
 */
export async function listRankings(db: Knex, s: { serviceItem?: string; page: number; pageSize: number }): Promise<{ total: number; rows: RankingRow[] }> {
  const base = () => {
    const q = db('market_agencies as a').where('a.state', 'listed');
    if (s.serviceItem) q.whereExists(db('market_agency_services as x').whereRaw('x.agency_id = a.id').where('x.service_item_code', s.serviceItem).select(db.raw('1')));
    return q;
  };
  const [{ n }] = await base().count({ n: '*' });
  const rows = await base()
    .select('a.id', 'a.name', 'a.on_site', 'a.score', 'a.stars', 'a.rated_orders', 'a.completed_orders')
    .orderByRaw('CASE WHEN a.stars IS NULL THEN 1 ELSE 0 END')
    .orderBy('a.stars', 'desc')
    .orderByRaw('CASE WHEN a.score IS NULL THEN 1 ELSE 0 END')
    .orderBy('a.score', 'desc')
    .orderBy('a.rated_orders', 'desc')
    .orderBy('a.id', 'asc')
    .limit(s.pageSize)
    .offset((s.page - 1) * s.pageSize);
  return {
    total: Number(n),
    rows: rows.map((r: Record<string, any>) => ({
      id: Number(r.id),
      name: r.name,
      onSite: Boolean(r.on_site),
      score: r.score == null ? null : Number(r.score),
      stars: r.stars == null ? null : Number(r.stars),
      ratedOrders: Number(r.rated_orders),
      completedOrders: Number(r.completed_orders),
    })),
  };
}

/** A bad act as the public credit file and the centre's screen show it: with its agency, order and credit record. */
export interface BadActView {
  id: number;
  kind: string;
  reason: string;
  recordedRole: string;
  createdAt: string;
  agencyId: number;
  agencyName: string;
  agencyUscc: string;
  legalRepresentative: string;
  agencyJurisdiction: string;
  orderId: number | null;
  orderNo: string | null;
  serviceItemCode: string | null;
  decisionNo: string | null;
  repairedAt: string | null;
}

/** The agencies' bad acts (steering is a department's: not here), newest first. */
export async function listAgencyBadActs(db: Knex, s: { limit: number; agencyId?: number }): Promise<BadActView[]> {
  const q = db('market_bad_acts as b')
    .join('market_agencies as a', 'a.id', 'b.agency_id')
    .leftJoin('market_orders as o', 'o.id', 'b.order_id')
    .leftJoin('credit_records as c', 'c.id', 'b.credit_record_id')
    .whereNot('b.kind', 'steering')
    .select('b.id', 'b.kind', 'b.reason', 'b.recorded_role', 'b.created_at', 'a.id as agency_id', 'a.name', 'a.uscc', 'a.legal_representative', 'a.jurisdiction_code', 'o.id as order_id', 'o.order_no', 'o.service_item_code', 'c.decision_no', 'c.repaired_at')
    .orderBy('b.id', 'desc')
    .limit(s.limit);
  if (s.agencyId !== undefined) q.where('b.agency_id', s.agencyId);
  return (await q).map((r: Record<string, any>) => ({
    id: Number(r.id),
    kind: r.kind,
    reason: r.reason,
    recordedRole: r.recorded_role,
    createdAt: r.created_at,
    agencyId: Number(r.agency_id),
    agencyName: r.name,
    agencyUscc: r.uscc,
    legalRepresentative: r.legal_representative,
    agencyJurisdiction: r.jurisdiction_code,
    orderId: r.order_id == null ? null : Number(r.order_id),
    orderNo: r.order_no ?? null,
    serviceItemCode: r.service_item_code ?? null,
    decisionNo: r.decision_no ?? null,
    repairedAt: r.repaired_at ?? null,
  }));
}

/** Agencies to review (one star: a one-star order or a bad act on record), still listed or suspended. */
export async function agenciesToReview(db: Knex, limit: number) {
  const rows = await db('market_agencies as a')
    .whereIn('a.state', ['listed', 'suspended'])
    .where('a.stars', 1)
    .select('a.id', 'a.name', 'a.state', 'a.score', 'a.stars', 'a.rated_orders')
    .select(db.raw('(SELECT COUNT(*) FROM market_bad_acts b WHERE b.agency_id = a.id AND b.kind <> ?) as bad_acts', ['steering']))
    .orderBy('a.id')
    .limit(limit);
  return rows.map((r: Record<string, any>) => ({ id: Number(r.id), name: r.name, state: r.state, score: r.score == null ? null : Number(r.score), stars: Number(r.stars), ratedOrders: Number(r.rated_orders), badActs: Number(r.bad_acts) }));
}

/** Open orders by state, and the overdue services (the centre's screen). */
export async function orderOverview(db: Knex) {
  const byState = await db('market_orders').whereNotIn('state', ['completed', 'expired', 'cancelled', 'terminated']).select('state').count({ n: '*' }).groupBy('state');
  const overdue = await db('market_orders as o')
    .leftJoin('market_agencies as a', 'a.id', 'o.chosen_agency_id')
    .where('o.overdue', true)
    .whereNot('o.state', 'completed')
    .select('o.id', 'o.order_no', 'o.title', 'o.state', 'o.service_due_on', 'a.id as agency_id', 'a.name as agency_name')
    .orderBy('o.service_due_on')
    .limit(50);
  return {
    openByState: Object.fromEntries(byState.map((r: Record<string, any>) => [r.state, Number(r.n)])),
    overdue: overdue.map((r: Record<string, any>) => ({ id: Number(r.id), orderNo: r.order_no, title: r.title, state: r.state, serviceDueOn: r.service_due_on ?? null, agencyId: r.agency_id == null ? null : Number(r.agency_id), agencyName: r.agency_name ?? null })),
  };
}
