import type { Knex } from 'knex';
import { buildProxyAgents } from './agents';
import { buildProxyHistory } from './history';

async function insertChunked(trx: Knex, table: string, rows: Record<string, unknown>[], size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await trx(table).insert(rows.slice(i, i + size));
}

/**
 * Free proxy service (代办): the published agents of the 12 counties (the demo accounts `agent` and `agent2` in
 * 鹿城区) and 2015's 2,050 completed orders of 温商回归 projects, with their offers (a few declined first) so the
 * supervision figures read from them. Direct inserts: the history has no events.
 */
export async function seedProxy(trx: Knex, now: string): Promise<void> {
  const seeds = buildProxyAgents();
  const users = await trx('users').whereIn('username', seeds.filter((s) => s.username).map((s) => s.username!)).select('id', 'username');
  const userId = new Map(users.map((u: { id: number; username: string }) => [u.username, Number(u.id)]));
  const places = await trx('jurisdictions').whereIn('level', ['county', 'town']).select('code', 'path');
  const path = new Map(places.map((p: { code: string; path: string }) => [p.code, p.path]));
  await insertChunked(
    trx,
    'proxy_agents',
    seeds.map((s) => ({ user_id: s.username ? (userId.get(s.username) ?? null) : null, name: s.name, post: s.post, phone: s.phone, jurisdiction_code: s.countyCode, jurisdiction_path: path.get(s.countyCode)!, skills: JSON.stringify(s.skills), active: true, created_at: now })),
  );
  const agents = await trx('proxy_agents').select('id', 'jurisdiction_code').orderBy('id');
  const byCounty = new Map<string, number[]>();
  for (const a of agents) byCounty.set(a.jurisdiction_code, [...(byCounty.get(a.jurisdiction_code) ?? []), Number(a.id)]);
  const history = buildProxyHistory();
  const counties = [...byCounty.keys()];
  const orderRows = history.map((h) => {
    const county = `${h.townCode.slice(0, 6)}000000`;
    const pool = byCounty.get(county) ?? byCounty.get(counties[0]!)!;
    const agentId = pool[(h.agentIndex + 1) % pool.length]!;
    const declined = h.declinedBy !== null ? [pool[h.agentIndex % pool.length]!].filter((d) => d !== agentId) : [];
    const context = { scope: h.scope, stage: h.stage, agentId, declined, watchers: [], dueOn: h.dueOn, overdue: false, reports: 2, renewals: 0, completion: { summary: '代办事项均已办结', results: '审批结果已交还委托人' }, stop: null, rating: h.rating, lastReason: null, projectCode: null };
    return {
      row: {
        order_no: h.orderNo, project_id: null, scope: h.scope, stage: h.stage, owner_user_id: null, owner_name: h.ownerName, owner_phone: h.ownerPhone,
        jurisdiction_code: h.townCode, jurisdiction_path: path.get(h.townCode)!, request: h.request,
        entrustment: JSON.stringify({ text: null, textSha256: h.entrustmentSha, signer: h.ownerName, signedAt: h.createdAt, consent: true }),
        state: 'completed', machine_context: JSON.stringify(context), row_version: 1, last_seq: 0, agent_id: agentId,
        dispatched_at: h.dispatchedAt, accepted_at: h.acceptedAt, closed_at: h.closedAt, due_on: h.dueOn, rating: h.rating, rating_comment: null,
        next_due_at: null, created_at: h.createdAt, updated_at: h.closedAt,
      },
      offers: [...declined.map((d) => ({ agent_id: d, how: 'dispatched', offered_at: h.createdAt, answer: 'declined', answered_at: h.dispatchedAt, reason: '手头项目较多，申请改派' })), { agent_id: agentId, how: 'dispatched', offered_at: h.dispatchedAt, answer: 'accepted', answered_at: h.acceptedAt, reason: null }],
    };
  });
  await insertChunked(trx, 'proxy_orders', orderRows.map((o) => o.row));
  const ids = new Map((await trx('proxy_orders').where('order_no', 'like', 'PX2015%').select('id', 'order_no')).map((r: { id: number; order_no: string }) => [r.order_no, Number(r.id)]));
  await insertChunked(trx, 'proxy_order_agents', orderRows.flatMap((o) => o.offers.map((x) => ({ ...x, order_id: ids.get(o.row.order_no)! }))));
}
