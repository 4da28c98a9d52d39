import type { Knex } from 'knex';
import type { DelegationScope, DeedStanding } from '../../workflows/delegation';
import { parseJson } from '../connection';

/** A delegation deed as stored (migration 033), with its item codes. */
export interface DelegationRow {
  id: number;
  deedNo: string;
  department: string;
  countyCode: string;
  townCode: string;
  townName: string;
  title: string;
  scope: DelegationScope[];
  validFrom: string;
  validTo: string;
  publishedOn: string;
  revokedOn: string | null;
  revokeReason: string | null;
  state: string;
  rowVersion: number;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  itemCodes: string[];
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function toDb(d: Partial<DelegationRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (k === 'id' || k === 'itemCodes' || v === undefined) continue;
    out[snake(k)] = k === 'scope' ? JSON.stringify(v) : v;
  }
  return out;
}

function fromDb(r: Record<string, any>, itemCodes: string[]): DelegationRow {
  return {
    id: Number(r.id),
    deedNo: r.deed_no,
    department: r.department,
    countyCode: r.county_code,
    townCode: r.town_code,
    townName: r.town_name,
    title: r.title,
    scope: parseJson<DelegationScope[]>(r.scope),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    publishedOn: r.published_on,
    revokedOn: r.revoked_on ?? null,
    revokeReason: r.revoke_reason ?? null,
    state: r.state,
    rowVersion: Number(r.row_version),
    lastSeq: Number(r.last_seq),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    itemCodes,
  };
}

async function withItems(db: Knex, rows: Record<string, any>[]): Promise<DelegationRow[]> {
  if (rows.length === 0) return [];
  const links = (await db('delegation_items').whereIn('delegation_id', rows.map((r) => Number(r.id))).orderBy('item_code')) as { delegation_id: number; item_code: string }[];
  const by = new Map<number, string[]>();
  for (const l of links) by.set(Number(l.delegation_id), [...(by.get(Number(l.delegation_id)) ?? []), l.item_code]);
  return rows.map((r) => fromDb(r, by.get(Number(r.id)) ?? []));
}

export async function insertDelegation(trx: Knex, d: Omit<DelegationRow, 'id'>): Promise<number> {
  const [id] = await trx('delegations').insert(toDb(d));
  const deedId = Number(id);
  if (d.itemCodes.length) await trx('delegation_items').insert(d.itemCodes.map((code) => ({ delegation_id: deedId, item_code: code })));
  return deedId;
}

export async function findDelegation(db: Knex, deedNo: string, forUpdate = false): Promise<DelegationRow | undefined> {
  const q = db('delegations').where({ deed_no: deedNo });
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? (await withItems(db, [r]))[0] : undefined;
}

export async function updateDelegationIfVersion(trx: Knex, current: DelegationRow, patch: Partial<DelegationRow>): Promise<boolean> {
  const n = await trx('delegations').where({ id: current.id, row_version: current.rowVersion }).update(toDb(patch));
  return Number(n) === 1;
}

/** The deed's standing on `today`, in SQL (the same rule as workflows/delegation.ts deedStanding). */
function whereStanding(q: Knex.QueryBuilder, standing: DeedStanding, today: string): void {
  const revoked = (w: Knex.QueryBuilder) => w.whereNotNull('revoked_on').where('revoked_on', '<=', today);
  const notRevoked = (w: Knex.QueryBuilder) => w.whereNull('revoked_on').orWhere('revoked_on', '>', today);
  if (standing === 'revoked') q.where(revoked);
  else if (standing === 'expired') q.where(notRevoked).where('valid_to', '<', today);
  else if (standing === 'pending') q.where(notRevoked).where('valid_to', '>=', today).where((w) => w.where('valid_from', '>', today).orWhere('published_on', '>', today));
  else q.where(notRevoked).where('valid_to', '>=', today).where('valid_from', '<=', today).where('published_on', '<=', today);
}

export interface DelegationFilter {
  town?: string;
  department?: string;
  standing?: DeedStanding;
  item?: string;
  today: string;
  offset: number;
  limit: number;
}

export async function listDelegations(db: Knex, f: DelegationFilter): Promise<{ rows: DelegationRow[]; total: number }> {
  const q = db('delegations');
  if (f.town) q.where('town_code', f.town);
  if (f.department) q.where('department', f.department);
  if (f.standing) whereStanding(q, f.standing, f.today);
  if (f.item) q.whereIn('id', db('delegation_items').select('delegation_id').where('item_code', f.item));
  const [{ n }] = (await q.clone().count({ n: '*' })) as { n: number | string }[];
  const rows = await q.select('*').orderBy('town_code').orderBy('valid_from', 'desc').orderBy('id').offset(f.offset).limit(f.limit);
  return { rows: await withItems(db, rows), total: Number(n) };
}

/** The deed in force on `today` that delegates this item to this town, if any (the latest one when terms overlap). */
export async function deedInForce(db: Knex, itemCode: string, townCode: string, today: string): Promise<DelegationRow | undefined> {
  const q = db('delegations').where('town_code', townCode).whereIn('id', db('delegation_items').select('delegation_id').where('item_code', itemCode));
  whereStanding(q, 'in_force', today);
  const r = await q.orderBy('valid_from', 'desc').orderBy('id', 'desc').first();
  return r ? (await withItems(db, [r]))[0] : undefined;
}

/** The deed numbers of a department's deeds to a town: a town reviewer's desk reaches the cases filed under them. */
export async function deedNosOf(db: Knex, townCode: string, department: string): Promise<string[]> {
  const rows = (await db('delegations').where({ town_code: townCode, department }).select('deed_no')) as { deed_no: string }[];
  return rows.map((r) => r.deed_no);
}
