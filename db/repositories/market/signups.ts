import type { Knex } from 'knex';
import { parseJson, toBool } from '../../connection';

/** An agency's sign-up (报名) to an order, with its sealed quote for price bidding. */
export interface SignupRow {
  id: number;
  orderId: number;
  agencyId: number;
  agencyName: string;
  uscc: string;
  agencyState: string;
  quote: number | null;
  excluded: boolean;
  excludedReason: string | null;
  createdAt: string;
}

export async function insertSignup(trx: Knex, s: { orderId: number; agencyId: number; quote: number | null; createdAt: string }): Promise<void> {
  await trx('market_signups').insert({ order_id: s.orderId, agency_id: s.agencyId, quote: s.quote, excluded: false, created_at: s.createdAt });
}

export async function listSignups(db: Knex, orderId: number): Promise<SignupRow[]> {
  const rows = await db('market_signups as s')
    .join('market_agencies as a', 'a.id', 's.agency_id')
    .where('s.order_id', orderId)
    .orderBy('s.id')
    .select('s.*', 'a.name as agency_name', 'a.uscc', 'a.state as agency_state');
  return rows.map((r: Record<string, any>) => ({
    id: Number(r.id),
    orderId: Number(r.order_id),
    agencyId: Number(r.agency_id),
    agencyName: r.agency_name,
    uscc: r.uscc,
    agencyState: r.agency_state,
    quote: r.quote == null ? null : Number(r.quote),
    excluded: toBool(r.excluded),
    excludedReason: r.excluded_reason ?? null,
    createdAt: r.created_at,
  }));
}

/** What sign-up eligibility reads of an agency (A's tables). */
export interface AgencyFacts {
  id: number;
  userId: number | null;
  name: string;
  uscc: string;
  state: string;
  areas: string[];
}

function agencyFromDb(r: Record<string, any>): AgencyFacts {
  return { id: Number(r.id), userId: r.user_id == null ? null : Number(r.user_id), name: r.name, uscc: r.uscc, state: r.state, areas: parseJson<string[]>(r.areas) };
}

export async function findAgencyOfUser(db: Knex, userId: number): Promise<AgencyFacts | undefined> {
  const r = await db('market_agencies').where({ user_id: userId }).first();
  return r ? agencyFromDb(r) : undefined;
}

export async function findAgency(db: Knex, id: number): Promise<AgencyFacts | undefined> {
  const r = await db('market_agencies').where({ id }).first();
  return r ? agencyFromDb(r) : undefined;
}

export async function offersService(db: Knex, agencyId: number, serviceItemCode: string): Promise<boolean> {
  return !!(await db('market_agency_services').where({ agency_id: agencyId, service_item_code: serviceItemCode }).first());
}

export async function qualificationsOf(db: Knex, agencyId: number): Promise<{ name: string; level: string; expiresOn: string }[]> {
  return (await db('market_qualifications').where({ agency_id: agencyId })).map((r: Record<string, any>) => ({ name: r.name, level: r.level, expiresOn: r.expires_on }));
}

export async function findServiceItem(db: Knex, code: string): Promise<{ code: string; name: string; governmentPaid: boolean; requiredQualification: string } | undefined> {
  const r = await db('market_service_items').where({ code }).first();
  return r ? { code: r.code, name: r.name, governmentPaid: toBool(r.government_paid), requiredQualification: r.required_qualification } : undefined;
}

/** Sets an agency's count of open orders (B keeps it; A's seed starts it). */
export async function setOpenOrders(trx: Knex, agencyId: number, n: number): Promise<void> {
  await trx('market_agencies').where({ id: agencyId }).update({ open_orders: n });
}

export async function addCompletedOrder(trx: Knex, agencyId: number): Promise<void> {
  await trx('market_agencies').where({ id: agencyId }).increment('completed_orders', 1);
}
