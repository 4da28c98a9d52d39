import type { Knex } from 'knex';

/** The jurisdiction tree, centres, departments, users and the holiday calendar. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('jurisdictions', (t) => {
    t.string('code', 12).primary();
    t.string('name', 64).notNullable();
    t.string('name_en', 128).notNullable().defaultTo('');
    t.string('level', 16).notNullable();
    t.string('parent_code', 12).nullable().references('code').inTable('jurisdictions');
    // Materialised path of codes, '/'-joined and ending in '/', so a subtree is one prefix scan.
    t.string('path', 80).notNullable();
    t.index(['parent_code']);
    t.index(['level']);
    t.index(['path']);
  });
  await knex.schema.createTable('service_centres', (t) => {
    t.string('code', 12).primary().references('code').inTable('jurisdictions');
    t.string('name', 96).notNullable();
    t.boolean('accepts_linked').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('departments', (t) => {
    t.string('code', 32).primary();
    t.string('name', 64).notNullable();
    t.string('name_en', 128).notNullable().defaultTo('');
  });
  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary();
    t.string('username', 64).notNullable().unique();
    t.string('password_hash', 100).notNullable();
    t.string('display_name', 64).notNullable();
    t.string('role', 16).notNullable();
    t.string('jurisdiction_code', 12).notNullable().references('code').inTable('jurisdictions');
    t.string('level', 16).notNullable();
    t.string('department', 32).nullable().references('code').inTable('departments');
    t.boolean('active').notNullable().defaultTo(true);
    t.string('created_at', 23).notNullable();
    t.index(['role', 'jurisdiction_code']);
  });
  await knex.schema.createTable('calendar_years', (t) => {
    t.integer('year').primary();
    t.string('source', 64).notNullable();
    t.string('created_at', 23).notNullable();
  });
  await knex.schema.createTable('calendar_days', (t) => {
    t.string('date', 10).primary();
    t.string('kind', 8).notNullable();
    t.string('name', 64).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['calendar_days', 'calendar_years', 'users', 'departments', 'service_centres', 'jurisdictions']) {
    await knex.schema.dropTableIfExists(table);
  }
}
