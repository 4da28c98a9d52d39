import type { Knex } from 'knex';
import { likeText } from '../../connection';
import { agencyFromDb, type AgencyRow } from './agencies';

/** The public list's filters (each optional; all must hold). */
export interface AgencyFilter {
  /** One state, or any of these states. */
  states: readonly string[];
  onSite?: boolean;
  serviceItem?: string;
  /** Jurisdiction codes an agency serving any of them matches (the area and the areas above it). */
  areas?: readonly string[];
  q?: string;
}

function filtered(db: Knex, f: AgencyFilter): Knex.QueryBuilder {
  const q = db('market_agencies as a').whereIn('a.state', [...f.states]);
  if (f.onSite !== undefined) q.where('a.on_site', f.onSite);
  if (f.serviceItem) q.whereExists(db('market_agency_services as s').whereRaw('s.agency_id = a.id').where('s.service_item_code', f.serviceItem));
  if (f.areas?.length) q.where((w) => f.areas!.forEach((code) => w.orWhere('a.areas', 'like', `%"${code}"%`)));
  if (f.q) q.whereRaw("a.name like ? escape '!'", [`%${likeText(f.q)}%`]);
  return q;
}

/** A page of agencies, best rated first (unrated last), then by id; with the total. */
export async function listAgencies(db: Knex, f: AgencyFilter, page: number, pageSize: number): Promise<{ total: number; rows: AgencyRow[] }> {
  const [{ n }] = (await filtered(db, f).count({ n: '*' })) as { n: number }[];
  const rows = await filtered(db, f)
    .select('a.*')
    .orderByRaw('case when a.score is null then 1 else 0 end')
    .orderBy([{ column: 'a.score', order: 'desc' }, { column: 'a.id', order: 'asc' }])
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { total: Number(n), rows: rows.map(agencyFromDb) };
}

/** The centre's queue: registrations and appeals awaiting review, overdue first, then the oldest due. */
export async function reviewQueue(db: Knex, limit = 200): Promise<AgencyRow[]> {
  const rows = await db('market_agencies')
    .whereIn('state', ['pending', 'appealing'])
    .orderBy([{ column: 'review_overdue', order: 'desc' }, { column: 'review_due_on', order: 'asc' }, { column: 'id', order: 'asc' }])
    .limit(limit);
  return rows.map(agencyFromDb);
}
