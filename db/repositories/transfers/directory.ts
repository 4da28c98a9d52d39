import type { Knex } from 'knex';
import { toBool } from '../../connection';

/** `column` contains the words `q`, LIKE wildcards in them taken as characters (escaped with '!' on both databases). */
export function contains(w: Knex.QueryBuilder, column: string, q: string, or = false): Knex.QueryBuilder {
  const like = `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return or ? w.orWhereRaw(`${column} like ? escape '!'`, [like]) : w.whereRaw(`${column} like ? escape '!'`, [like]);
}

export interface Page {
  offset: number;
  limit: number;
}

export interface UnitRef {
  code: string;
  name: string;
}

export interface TransferFunctionRow {
  id: number;
  code: string;
  name: string;
  category: string;
  mode: string;
  transferredOn: string;
  planIssued: boolean;
  unit: UnitRef;
  organisation: { id: number; name: string; state: string };
  agreements: number;
}

export interface FunctionFilter {
  unit?: string;
  category?: string;
  mode?: string;
  q?: string;
}

function functionQuery(db: Knex, f: FunctionFilter) {
  const q = db('transfer_functions as f').join('transfer_units as u', 'u.id', 'f.unit_id').join('transfer_orgs as o', 'o.id', 'f.org_id');
  if (f.unit) q.where('u.code', f.unit);
  if (f.category) q.where('f.category', f.category);
  if (f.mode) q.where('f.mode', f.mode);
  if (f.q) q.where((w) => contains(contains(contains(w, 'f.name', f.q!), 'u.name', f.q!, true), 'o.name', f.q!, true));
  return q;
}

/** The transferred-functions directory (职能转移目录), by unit then function code. */
export async function listFunctions(db: Knex, f: FunctionFilter, page: Page): Promise<{ rows: TransferFunctionRow[]; total: number }> {
  const counted = await functionQuery(db, f).count({ n: '*' }).first();
  const rows = await functionQuery(db, f)
    .select('f.id', 'f.code', 'f.name', 'f.category', 'f.mode', 'f.transferred_on', 'f.plan_issued', 'u.code as unit_code', 'u.name as unit_name', 'o.id as org_id', 'o.name as org_name', 'o.state as org_state')
    .select(db('transfer_agreements as a').whereRaw('a.function_id = f.id').count('*').as('agreements'))
    .orderBy('f.code')
    .offset(page.offset)
    .limit(page.limit);
  return {
    total: Number(counted?.n ?? 0),
    rows: rows.map((r: Record<string, any>) => ({
      id: Number(r.id), code: r.code, name: r.name, category: r.category, mode: r.mode, transferredOn: r.transferred_on, planIssued: toBool(r.plan_issued),
      unit: { code: r.unit_code, name: r.unit_name }, organisation: { id: Number(r.org_id), name: r.org_name, state: r.org_state }, agreements: Number(r.agreements),
    })),
  };
}

/** The list's figures, counted from the rows (never stored): the seed report's 252 / 50 / 141 / 22 / 216 / 41. */
export async function transferFigures(db: Knex) {
  const one = async (q: Knex.QueryBuilder) => Number(((await q.first()) as { n?: unknown } | undefined)?.n ?? 0);
  const [functions, units, planFunctions, planUnits, agreements, agreementUnits, services, organisations] = await Promise.all([
    one(db('transfer_functions').count({ n: '*' })),
    one(db('transfer_functions').countDistinct({ n: 'unit_id' })),
    one(db('transfer_functions').where('plan_issued', true).count({ n: '*' })),
    one(db('transfer_functions').where('plan_issued', true).countDistinct({ n: 'unit_id' })),
    one(db('transfer_agreements').count({ n: '*' })),
    one(db('transfer_agreements').countDistinct({ n: 'unit_id' })),
    one(db('transfer_services').count({ n: '*' })),
    one(db('transfer_orgs').count({ n: '*' })),
  ]);
  const byState = await db('transfer_orgs').select('state').count({ n: '*' }).groupBy('state');
  const state = Object.fromEntries(byState.map((r: Record<string, any>) => [r.state, Number(r.n)]));
  return {
    functions, units, planFunctions, planUnits, agreements, agreementUnits, services,
    organisations: { total: organisations, qualified: state.qualified ?? 0, probation: state.probation ?? 0, removed: state.removed ?? 0 },
  };
}

/** Every transferring unit with what it transferred and signed, counted from rows. */
export async function listUnits(db: Knex) {
  const rows = await db('transfer_units as u')
    .select('u.id', 'u.code', 'u.name', 'u.kind')
    .select(db('transfer_functions as f').whereRaw('f.unit_id = u.id').count('*').as('functions'))
    .select(db('transfer_agreements as a').whereRaw('a.unit_id = u.id').count('*').as('agreements'))
    .orderBy('u.code');
  return rows.map((r: Record<string, any>) => ({ code: r.code, name: r.name, kind: r.kind, functions: Number(r.functions), agreements: Number(r.agreements) }));
}

export async function findUnit(db: Knex, code: string): Promise<{ id: number; code: string; name: string } | undefined> {
  const r = await db('transfer_units').where({ code }).first('id', 'code', 'name');
  return r ? { id: Number(r.id), code: r.code, name: r.name } : undefined;
}

export async function findFunction(db: Knex, code: string): Promise<{ id: number; code: string; name: string; unitId: number; mode: string } | undefined> {
  const r = await db('transfer_functions').where({ code }).first('id', 'code', 'name', 'unit_id', 'mode');
  return r ? { id: Number(r.id), code: r.code, name: r.name, unitId: Number(r.unit_id), mode: r.mode } : undefined;
}

export interface ServiceFilter {
  category?: string;
  unit?: string;
  q?: string;
}

/** The purchasable-services directory (政府购买服务目录). */
export async function listServices(db: Knex, f: ServiceFilter, page: Page) {
  const base = () => {
    const q = db('transfer_services as s').join('transfer_units as u', 'u.id', 's.unit_id').leftJoin('transfer_functions as f', 'f.id', 's.function_id');
    if (f.category) q.where('s.category', f.category);
    if (f.unit) q.where('u.code', f.unit);
    if (f.q) q.where((w) => contains(contains(w, 's.name', f.q!), 'u.name', f.q!, true));
    return q;
  };
  const counted = await base().count({ n: '*' }).first();
  const rows = await base().select('s.code', 's.name', 's.category', 'u.code as unit_code', 'u.name as unit_name', 'f.code as function_code').orderBy('s.code').offset(page.offset).limit(page.limit);
  return {
    total: Number(counted?.n ?? 0),
    rows: rows.map((r: Record<string, any>) => ({ code: r.code, name: r.name, category: r.category, unit: { code: r.unit_code, name: r.unit_name }, functionCode: r.function_code ?? null })),
  };
}
