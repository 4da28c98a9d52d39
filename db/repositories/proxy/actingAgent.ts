import type { Knex } from 'knex';

/** The proxy order under which an agent acts for a project's owner: one the agent accepted and still serves. */
export async function actingProxyOrder(knex: Knex, projectId: number, agentUserId: number): Promise<{ id: number; orderNo: string; scope: string; stage: number | null } | undefined> {
  const row = await knex('proxy_orders as o')
    .join('proxy_agents as a', 'a.id', 'o.agent_id')
    .where({ 'o.project_id': projectId, 'a.user_id': agentUserId, 'o.state': 'in_service' })
    .first('o.id', 'o.order_no', 'o.scope', 'o.stage');
  return row ? { id: row.id, orderNo: row.order_no, scope: row.scope, stage: row.stage ?? null } : undefined;
}
