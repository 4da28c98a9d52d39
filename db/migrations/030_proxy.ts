import type { Knex } from 'knex';

/**
 * Free proxy service (网上无偿代办, issue 13):
 * - proxy_agents: the published agents (代办员): name, post, phone, the area they
 *   serve, their skills (stages and items) and whether they take orders;
 * - proxy_orders: an owner's request for free proxy service (全程代办 or one
 *   stage), an aggregate with its own machine: entrustment signed → dispatched
 *   (or claimed from the pool) → accepted | declined (→ redispatched) → in
 *   service → completed (办结单) | stopped (终止单), renewed (续办); rated by the
 *   owner. `next_due_at` is its durable timer (acceptance, finishing).
 * - proxy_order_agents: every agent an order was offered to, with the answer
 *   (so a decline is never offered back to the same agent, and time to accept
 *   is measured per offer).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('proxy_agents', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().nullable().unique();
    t.string('name', 64).notNullable();
    t.string('post', 100).notNullable(); // e.g. 鹿城区行政服务中心代办员
    t.string('phone', 32).notNullable();
    t.string('jurisdiction_code', 12).notNullable(); // the area served (everything under it)
    t.string('jurisdiction_path', 80).notNullable();
    t.text('skills').notNullable(); // JSON: stage numbers [1,2,3,4] the agent handles
    t.boolean('active').notNullable().defaultTo(true);
    t.string('created_at', 32).notNullable();
    t.index(['jurisdiction_path'], 'proxy_agents_path');
  });
  await knex.schema.createTable('proxy_orders', (t) => {
    t.increments('id').primary();
    t.string('order_no', 24).notNullable().unique();
    t.integer('project_id').unsigned().nullable();
    t.string('scope', 8).notNullable(); // full | stage
    t.integer('stage').nullable();
    t.integer('owner_user_id').unsigned().nullable();
    t.string('owner_name', 200).notNullable();
    t.string('owner_phone', 32).notNullable();
    t.string('jurisdiction_code', 12).notNullable();
    t.string('jurisdiction_path', 80).notNullable();
    t.string('request', 1000).notNullable();
    // The entrustment (委托书): the text's SHA-256, who signed, when, and the signature (a recorded e-signature).
    t.text('entrustment').notNullable();
    t.string('state', 24).notNullable();
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.integer('agent_id').unsigned().nullable();
    t.string('dispatched_at', 32).nullable();
    t.string('accepted_at', 32).nullable();
    t.string('closed_at', 32).nullable();
    t.string('due_on', 10).nullable();
    t.integer('rating').nullable();
    t.string('rating_comment', 500).nullable();
    t.string('next_due_at', 32).nullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.index(['state', 'id'], 'proxy_orders_state');
    t.index(['agent_id', 'state'], 'proxy_orders_agent');
    t.index(['owner_user_id', 'id'], 'proxy_orders_owner');
    t.index(['project_id'], 'proxy_orders_project');
    t.index(['jurisdiction_path', 'id'], 'proxy_orders_path');
    t.index(['next_due_at'], 'proxy_orders_due');
  });
  await knex.schema.createTable('proxy_order_agents', (t) => {
    t.increments('id').primary();
    t.integer('order_id').unsigned().notNullable();
    t.integer('agent_id').unsigned().notNullable();
    t.string('how', 12).notNullable(); // dispatched | claimed
    t.string('offered_at', 32).notNullable();
    t.string('answer', 12).nullable(); // accepted | declined | timed_out
    t.string('answered_at', 32).nullable();
    t.string('reason', 500).nullable();
    t.index(['order_id'], 'proxy_order_agents_order');
    t.index(['agent_id'], 'proxy_order_agents_agent');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['proxy_order_agents', 'proxy_orders', 'proxy_agents']) await knex.schema.dropTableIfExists(t);
}
