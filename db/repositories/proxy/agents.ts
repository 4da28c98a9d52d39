import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';
import { parseJson, toBool } from '../../connection';

/** A published proxy agent (代办员). */
export interface ProxyAgentRow {
  id: number;
  userId: number | null;
  name: string;
  post: string;
  phone: string;
  jurisdictionCode: string;
  jurisdictionPath: string;
  skills: number[];
  active: boolean;
}

export function agentFromDb(r: Record<string, any>): ProxyAgentRow {
  return {
    id: Number(r.id),
    userId: r.user_id == null ? null : Number(r.user_id),
    name: r.name,
    post: r.post,
    phone: r.phone,
    jurisdictionCode: r.jurisdiction_code,
    jurisdictionPath: r.jurisdiction_path,
    skills: parseJson<number[]>(r.skills).map(Number),
    active: toBool(r.active),
  };
}

export async function findAgentById(db: Knex, id: number): Promise<ProxyAgentRow | undefined> {
  const r = await db('proxy_agents').where({ id }).first();
  return r ? agentFromDb(r) : undefined;
}

export async function findAgentOfUser(db: Knex, userId: number): Promise<ProxyAgentRow | undefined> {
  const r = await db('proxy_agents').where({ user_id: userId }).first();
  return r ? agentFromDb(r) : undefined;
}

/** The active agents whose area holds `path` (an area is a path prefix), each with its open orders (load). */
export async function agentsServing(db: Knex, path: string, openStates: string[]): Promise<(ProxyAgentRow & { load: number })[]> {
  const prefixes: string[] = [];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) prefixes.push(path.slice(0, i + 1));
  const rows = await db('proxy_agents').whereIn('jurisdiction_path', prefixes).where('active', true);
  const loads = await db('proxy_orders').whereIn('agent_id', rows.map((r: { id: number }) => r.id)).whereIn('state', openStates).groupBy('agent_id').select('agent_id').count({ n: '*' });
  const by = new Map((loads as { agent_id: number; n: number | string }[]).map((l) => [Number(l.agent_id), Number(l.n)]));
  return rows.map((r: Record<string, any>) => ({ ...agentFromDb(r), load: by.get(Number(r.id)) ?? 0 }));
}

/** A page of the published agents (active), optionally within one area. */
export async function listAgents(db: Knex, f: { within?: string; offset: number; limit: number }): Promise<{ rows: ProxyAgentRow[]; total: number }> {
  const base = () => {
    const q = db('proxy_agents').where('active', true);
    if (f.within) q.where('jurisdiction_code', 'like', `${codePrefix(f.within)}%`);
    return q;
  };
  const [{ n }] = (await base().count({ n: '*' })) as { n: number | string }[];
  const rows = await base().select('*').orderBy('jurisdiction_code').orderBy('id').offset(f.offset).limit(f.limit);
  return { rows: rows.map(agentFromDb), total: Number(n) };
}
