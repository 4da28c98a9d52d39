import type { Knex } from 'knex';
import { likeText, toBool } from '../../connection';

export interface ServiceItemRow {
  code: string;
  name: string;
  category: string;
  department: string;
  governmentPaid: boolean;
  description: string;
  requiredQualification: string;
}

const fromDb = (r: Record<string, any>): ServiceItemRow => ({
  code: r.code,
  name: r.name,
  category: r.category,
  department: r.department,
  governmentPaid: toBool(r.government_paid),
  description: r.description,
  requiredQualification: r.required_qualification,
});

function filtered(db: Knex, f: { department?: string; q?: string }): Knex.QueryBuilder {
  const q = db('market_service_items');
  if (f.department) q.where('department', f.department);
  if (f.q) q.whereRaw("name like ? escape '!'", [`%${likeText(f.q)}%`]);
  return q;
}

export async function listServiceItems(db: Knex, f: { department?: string; q?: string }, page: number, pageSize: number): Promise<{ total: number; rows: ServiceItemRow[] }> {
  const [{ n }] = (await filtered(db, f).count({ n: '*' })) as { n: number }[];
  const rows = await filtered(db, f).orderBy('code').limit(pageSize).offset((page - 1) * pageSize);
  return { total: Number(n), rows: rows.map(fromDb) };
}

export async function findServiceItem(db: Knex, code: string): Promise<ServiceItemRow | undefined> {
  const r = await db('market_service_items').where('code', code).first();
  return r ? fromDb(r) : undefined;
}

/** The codes of these that are service items. */
export async function existingServiceItems(db: Knex, codes: readonly string[]): Promise<string[]> {
  return (await db('market_service_items').whereIn('code', [...codes]).select('code')).map((r: { code: string }) => r.code);
}

/** The approval items that need a service item (current versions). */
export async function approvalItemsOf(db: Knex, serviceItemCode: string): Promise<{ code: string; name: string; department: string }[]> {
  return db('market_item_links as l')
    .join('items as i', 'i.code', 'l.item_code')
    .where('l.service_item_code', serviceItemCode)
    .where('i.is_current', true)
    .orderBy('i.code')
    .select('i.code', 'i.name', 'i.department');
}

/** The service items an approval item needs (its guide shows them). */
export async function serviceItemsOfItem(db: Knex, itemCode: string): Promise<ServiceItemRow[]> {
  const rows = await db('market_item_links as l').join('market_service_items as s', 's.code', 'l.service_item_code').where('l.item_code', itemCode).orderBy('s.code').select('s.*');
  return rows.map(fromDb);
}
