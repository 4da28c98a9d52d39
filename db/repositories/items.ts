import type { Knex } from 'knex';
import type { Level } from '../../workflows/levels';
import { APPLICANT_TYPES, type ApplicantType } from '../../workflows/parties';
import type { ItemVersion } from '../../workflows/route';
import { likeText, parseJson, toBool } from '../connection';

export interface ItemRow extends ItemVersion {
  id: number;
  applicantTypes: ApplicantType[];
  keywords: string[];
  conditions: string[];
  legalBasis: string[];
  /** In the online licence pilot (证照网上办理一条龙): its licence is issued and delivered online (db/seed/eLicencePilot.ts). */
  eLicencePilot: boolean;
}

/** An item version as written: the pilot flag is false unless given. */
export type ItemToWrite = ItemVersion & { eLicencePilot?: boolean };

/** Keywords are stored '|'-joined so that one LIKE finds any of them. */
const KEYWORD_SEPARATOR = '|';
const splitKeywords = (v: unknown): string[] => (typeof v === 'string' && v ? v.split(KEYWORD_SEPARATOR) : []);
const jsonList = (v: unknown): string[] => (v == null || v === '' ? [] : parseJson<string[]>(v));

function toItem(r: Record<string, any>): ItemRow {
  return {
    id: Number(r.id),
    code: r.code,
    version: Number(r.version),
    name: r.name,
    type: r.type,
    department: r.department,
    decideLevel: r.decide_level,
    acceptLevels: parseJson<Level[]>(r.accept_levels),
    statutoryDays: Number(r.statutory_days),
    promisedDays: Number(r.promised_days),
    materials: parseJson(r.materials),
    feeYuan: Number(r.fee_yuan),
    online: toBool(r.online),
    visits: Number(r.visits),
    intermediaries: parseJson(r.intermediaries),
    result: r.result,
    linked: toBool(r.linked),
    route: parseJson(r.route),
    applicantTypes: parseJson<ApplicantType[]>(r.applicant_types),
    keywords: splitKeywords(r.keywords),
    conditions: jsonList(r.conditions),
    legalBasis: jsonList(r.legal_basis),
    eLicencePilot: toBool(r.e_licence_pilot),
  };
}

export function itemToRow(item: ItemToWrite, isCurrent: boolean, createdAt: string): Record<string, unknown> {
  return {
    code: item.code,
    version: item.version,
    is_current: isCurrent,
    name: item.name,
    type: item.type,
    department: item.department,
    decide_level: item.decideLevel,
    accept_levels: JSON.stringify(item.acceptLevels),
    linked: item.linked,
    statutory_days: item.statutoryDays,
    promised_days: item.promisedDays,
    fee_yuan: item.feeYuan,
    online: item.online,
    visits: item.visits,
    materials: JSON.stringify(item.materials),
    intermediaries: JSON.stringify(item.intermediaries),
    result: item.result,
    route: JSON.stringify(item.route),
    applicant_types: JSON.stringify(item.applicantTypes ?? APPLICANT_TYPES),
    keywords: (item.keywords ?? []).join(KEYWORD_SEPARATOR),
    conditions: JSON.stringify(item.conditions ?? []),
    legal_basis: JSON.stringify(item.legalBasis ?? []),
    e_licence_pilot: item.eLicencePilot ?? false,
    created_at: createdAt,
  };
}

export async function findCurrentItem(db: Knex, code: string): Promise<ItemRow | undefined> {
  const row = await db('items').where({ code, is_current: true }).first();
  return row ? toItem(row) : undefined;
}

// An item version never changes once written (a change is a new version), so it is cached for
// good, per database: a transaction shares its knex instance's config object.
const caches = new WeakMap<object, Map<number, ItemRow>>();

export async function findItemById(db: Knex, id: number): Promise<ItemRow | undefined> {
  const key = db.client.config as object;
  let byId = caches.get(key);
  if (!byId) caches.set(key, (byId = new Map()));
  const cached = byId.get(id);
  if (cached) return cached;
  const row = await db('items').where({ id }).first();
  if (!row) return undefined;
  const item = toItem(row);
  if (byId.size > 5000) byId.clear();
  byId.set(id, item);
  return item;
}

export interface ItemSearch {
  q?: string;
  linked?: boolean;
  decideLevel?: Level;
  /** Items that a centre of this level may accept. */
  acceptLevel?: Level;
  department?: string;
  limit: number;
  offset: number;
}

export async function searchItems(db: Knex, s: ItemSearch): Promise<{ total: number; items: ItemRow[] }> {
  const q = db('items').where('is_current', true);
  if (s.q) {
    const like = `%${likeText(s.q)}%`;
    q.where((w) =>
      w.whereRaw("name like ? escape '!'", [like]).orWhereRaw("code like ? escape '!'", [like]).orWhereRaw("keywords like ? escape '!'", [like]),
    );
  }
  if (s.linked !== undefined) q.where('linked', s.linked);
  if (s.decideLevel) q.where('decide_level', s.decideLevel);
  if (s.acceptLevel) q.where('accept_levels', 'like', `%"${s.acceptLevel}"%`);
  if (s.department) q.where('department', s.department);
  const [{ n }] = await q.clone().count({ n: '*' });
  // Items named by the words come before those found by their keywords only.
  if (s.q) q.orderByRaw("case when name like ? escape '!' then 0 else 1 end", [`%${likeText(s.q)}%`]);
  const rows = await q.orderBy('code').limit(s.limit).offset(s.offset);
  return { total: Number(n), items: rows.map(toItem) };
}

/** Adds a new version of each item (version 1 when new) and makes it current; it keeps the last version's pilot flag unless given. */
export async function insertItemVersions(trx: Knex, items: ItemToWrite[], createdAt: string): Promise<number> {
  let added = 0;
  for (const item of items) {
    const latest = await trx('items').where({ code: item.code }).max({ v: 'version' }).first();
    const version = Number(latest?.v ?? 0) + 1;
    const previous = await trx('items').where({ code: item.code, is_current: true }).first('keywords', 'conditions', 'legal_basis', 'e_licence_pilot');
    await trx('items').where({ code: item.code, is_current: true }).update({ is_current: false });
    // A source that does not give the everyday words (a CSV without the column) keeps the last version's.
    const words = {
      keywords: item.keywords ?? splitKeywords(previous?.keywords),
      conditions: item.conditions ?? jsonList(previous?.conditions),
      legalBasis: item.legalBasis ?? jsonList(previous?.legal_basis),
      eLicencePilot: item.eLicencePilot ?? toBool(previous?.e_licence_pilot),
    };
    await trx('items').insert(itemToRow({ ...item, ...words, version }, true, createdAt));
    added++;
  }
  return added;
}
