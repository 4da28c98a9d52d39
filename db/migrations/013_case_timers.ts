import type { Knex } from 'knex';

/**
 * Deadline timers as columns of the case (issue 10: fewer writes per
 * transition). A transition writes the case's plan (`timers`: JSON of
 * `{ kind, dueAt }`) and its earliest due time (`next_due_at`, indexed) in the
 * same UPDATE as the new state, instead of reading, deleting and inserting
 * timer rows. Schedulers claim a due case (`timer_claimed_by/at`) and fire
 * against the version the plan was written with. Pending timers of each case's
 * current version move over; the timers table goes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.text('timers').nullable();
    t.string('next_due_at', 23).nullable();
    t.string('timer_claimed_by', 64).nullable();
    t.string('timer_claimed_at', 23).nullable();
    t.index(['next_due_at']);
  });
  const pending = await knex('timers as t')
    .join('cases as c', function on() {
      this.on('c.id', '=', 't.case_id').andOn('c.version', '=', 't.case_version');
    })
    .whereNull('t.fired_at')
    .orderBy(['t.case_id', 't.due_at'])
    .select('t.case_id', 't.kind', 't.due_at');
  const byCase = new Map<number, { kind: string; dueAt: string }[]>();
  for (const r of pending) {
    const id = Number(r.case_id);
    byCase.set(id, [...(byCase.get(id) ?? []), { kind: r.kind, dueAt: r.due_at }]);
  }
  for (const [id, plan] of byCase) {
    await knex('cases').where({ id }).update({ timers: JSON.stringify(plan), next_due_at: plan[0]!.dueAt });
  }
  await knex.schema.dropTable('timers');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('timers', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable();
    t.string('kind', 24).notNullable();
    t.string('due_at', 23).notNullable();
    t.integer('case_version').notNullable();
    t.text('payload').notNullable();
    t.string('claimed_by', 64).nullable();
    t.string('claimed_at', 23).nullable();
    t.string('fired_at', 23).nullable();
    t.string('created_at', 23).notNullable();
    t.index(['fired_at', 'due_at']);
    t.index(['case_id']);
  });
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['next_due_at']);
    t.dropColumn('timers');
    t.dropColumn('next_due_at');
    t.dropColumn('timer_claimed_by');
    t.dropColumn('timer_claimed_at');
  });
}
