import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';
import { parseJson } from '../../connection';

/** A free proxy order (代办): an aggregate row of the one command path (workflows/proxyOrderMachine.ts). */
export interface ProxyOrderRow {
  id: number;
  orderNo: string;
  projectId: number | null;
  scope: 'full' | 'stage';
  stage: number | null;
  ownerUserId: number | null;
  ownerName: string;
  ownerPhone: string;
  jurisdictionCode: string;
  jurisdictionPath: string;
  request: string;
  entrustment: Record<string, unknown>;
  state: string;
  machineContext: Record<string, unknown>;
  rowVersion: number;
  lastSeq: number;
  agentId: number | null;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  closedAt: string | null;
  dueOn: string | null;
  rating: number | null;
  ratingComment: string | null;
  nextDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS: Record<keyof ProxyOrderRow, string> = {
  id: 'id',
  orderNo: 'order_no',
  projectId: 'project_id',
  scope: 'scope',
  stage: 'stage',
  ownerUserId: 'owner_user_id',
  ownerName: 'owner_name',
  ownerPhone: 'owner_phone',
  jurisdictionCode: 'jurisdiction_code',
  jurisdictionPath: 'jurisdiction_path',
  request: 'request',
  entrustment: 'entrustment',
  state: 'state',
  machineContext: 'machine_context',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  agentId: 'agent_id',
  dispatchedAt: 'dispatched_at',
  acceptedAt: 'accepted_at',
  closedAt: 'closed_at',
  dueOn: 'due_on',
  rating: 'rating',
  ratingComment: 'rating_comment',
  nextDueAt: 'next_due_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export function proxyOrderToDb(patch: Partial<ProxyOrderRow>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id' || v === undefined) continue;
    row[COLUMNS[k as keyof ProxyOrderRow]] = k === 'machineContext' || k === 'entrustment' ? JSON.stringify(v) : v;
  }
  return row;
}

const num = (v: unknown) => (v == null ? null : Number(v));

export function proxyOrderFromDb(r: Record<string, any>): ProxyOrderRow {
  const out = {} as Record<string, unknown>;
  for (const [k, col] of Object.entries(COLUMNS)) out[k] = r[col] ?? null;
  const row = out as unknown as ProxyOrderRow;
  for (const k of ['id', 'rowVersion', 'lastSeq'] as const) row[k] = Number(r[COLUMNS[k]]);
  row.projectId = num(r.project_id);
  row.stage = num(r.stage);
  row.ownerUserId = num(r.owner_user_id);
  row.agentId = num(r.agent_id);
  row.rating = num(r.rating);
  row.machineContext = parseJson(r.machine_context);
  row.entrustment = parseJson(r.entrustment);
  return row;
}

export async function insertProxyOrder(trx: Knex, o: Omit<ProxyOrderRow, 'id'>): Promise<number> {
  const [id] = await trx('proxy_orders').insert(proxyOrderToDb(o));
  return Number(id);
}

export async function findProxyOrder(db: Knex, id: number, forUpdate = false): Promise<ProxyOrderRow | undefined> {
  const q = db('proxy_orders').where({ id });
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? proxyOrderFromDb(r) : undefined;
}

export async function findProxyOrderByNo(db: Knex, orderNo: string): Promise<ProxyOrderRow | undefined> {
  const r = await db('proxy_orders').where({ order_no: orderNo }).first();
  return r ? proxyOrderFromDb(r) : undefined;
}

export async function updateProxyOrderIfVersion(trx: Knex, current: ProxyOrderRow, patch: Partial<ProxyOrderRow>): Promise<boolean> {
  const n = await trx('proxy_orders').where({ id: current.id, row_version: current.rowVersion }).update(proxyOrderToDb(patch));
  return Number(n) === 1;
}

export async function patchProxyOrder(trx: Knex, id: number, patch: Partial<ProxyOrderRow>): Promise<void> {
  await trx('proxy_orders').where({ id }).update(proxyOrderToDb(patch));
}

export interface ProxyOrderFilter {
  states?: string[];
  year?: number;
  ownerUserId?: number;
  agentId?: number;
  /** Orders whose area is under this jurisdiction. */
  within?: string;
  projectId?: number;
  /** Orders whose area path starts with this (an agent's pool). */
  pathPrefix?: string;
  offset: number;
  limit: number;
}

function filtered(db: Knex, f: ProxyOrderFilter): Knex.QueryBuilder {
  const q = db('proxy_orders');
  if (f.states?.length) q.whereIn('state', f.states);
  if (f.year !== undefined) q.where('created_at', 'like', `${f.year}-%`);
  if (f.ownerUserId !== undefined) q.where('owner_user_id', f.ownerUserId);
  if (f.agentId !== undefined) q.where('agent_id', f.agentId);
  if (f.projectId !== undefined) q.where('project_id', f.projectId);
  if (f.within) q.where('jurisdiction_code', 'like', `${codePrefix(f.within)}%`);
  if (f.pathPrefix) q.where('jurisdiction_path', 'like', `${f.pathPrefix}%`);
  return q;
}

/** A page of orders, newest first, and how many match. */
export async function listProxyOrders(db: Knex, f: ProxyOrderFilter): Promise<{ rows: ProxyOrderRow[]; total: number }> {
  const [{ n }] = (await filtered(db, f).count({ n: '*' })) as { n: number | string }[];
  const rows = await filtered(db, f).select('*').orderBy('id', 'desc').offset(f.offset).limit(f.limit);
  return { rows: rows.map(proxyOrderFromDb), total: Number(n) };
}

/** The durable timer: orders whose `next_due_at` has come, locked (SKIP LOCKED on MySQL). */
export async function claimDueProxyOrders(trx: Knex, dialect: 'sqlite' | 'mysql', now: string, limit: number): Promise<number[]> {
  const q = trx('proxy_orders').whereNotNull('next_due_at').where('next_due_at', '<=', now).orderBy('next_due_at').limit(limit).select('id');
  if (dialect === 'mysql') q.forUpdate().skipLocked();
  return ((await q) as { id: number }[]).map((r) => Number(r.id));
}

/** Every offer of an order to an agent, with the answer. */
export async function recordOffer(trx: Knex, o: { orderId: number; agentId: number; how: 'dispatched' | 'claimed'; at: string; answer?: string }): Promise<void> {
  await trx('proxy_order_agents').insert({ order_id: o.orderId, agent_id: o.agentId, how: o.how, offered_at: o.at, answer: o.answer ?? null, answered_at: o.answer ? o.at : null });
}

export async function answerOffer(trx: Knex, orderId: number, agentId: number, answer: 'accepted' | 'declined' | 'timed_out', at: string, reason: string | null): Promise<void> {
  await trx('proxy_order_agents').where({ order_id: orderId, agent_id: agentId }).whereNull('answer').update({ answer, answered_at: at, reason });
}

export async function listOffers(db: Knex, orderId: number): Promise<{ agentId: number; how: string; offeredAt: string; answer: string | null; answeredAt: string | null; reason: string | null }[]> {
  const rows = await db('proxy_order_agents').where({ order_id: orderId }).orderBy('id');
  return rows.map((r: Record<string, any>) => ({ agentId: Number(r.agent_id), how: r.how, offeredAt: r.offered_at, answer: r.answer ?? null, answeredAt: r.answered_at ?? null, reason: r.reason ?? null }));
}
