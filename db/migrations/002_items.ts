import type { Knex } from 'knex';

/** The catalogue. Every version of an item is a row; cases point at the version they started with. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('items', (t) => {
    t.increments('id').primary();
    t.string('code', 32).notNullable();
    t.integer('version').notNullable();
    t.boolean('is_current').notNullable();
    t.string('name', 128).notNullable();
    t.string('type', 16).notNullable();
    t.string('department', 32).notNullable().references('code').inTable('departments');
    t.string('decide_level', 16).notNullable();
    t.string('accept_levels', 64).notNullable();
    t.boolean('linked').notNullable();
    t.integer('statutory_days').notNullable();
    t.integer('promised_days').notNullable();
    t.decimal('fee_yuan', 10, 2).notNullable().defaultTo(0);
    t.boolean('online').notNullable();
    t.integer('visits').notNullable();
    t.text('materials').notNullable();
    t.text('intermediaries').notNullable();
    t.string('result', 64).notNullable();
    t.text('route').notNullable();
    t.string('created_at', 23).notNullable();
    t.unique(['code', 'version']);
    t.index(['is_current', 'linked']);
    t.index(['is_current', 'department']);
    t.index(['is_current', 'decide_level']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('items');
}
