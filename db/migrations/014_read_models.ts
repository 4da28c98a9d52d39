import type { Knex } from 'knex';
import { rebuildReadModels } from '../repositories/readModels';

/**
 * The supervisors' read models (db/repositories/readModels.ts), filled from
 * what is already stored: every case's state and level now, every filing,
 * acceptance and decision. Events still unpublished are counted by the
 * publisher when it publishes them, so their share is taken out again here.
 * An index on (closed_at, centre_path) lets the lights of open cases be read
 * without walking closed ones.
 */
export async function up(knex: Knex): Promise<void> {
  const mysql = knex.client.config.client === 'mysql2';
  await knex.schema.createTable('case_counts', (t) => {
    t.string('centre_code', 12).notNullable();
    t.string('centre_path', 80).notNullable();
    t.boolean('linked').notNullable();
    t.string('state', 32).notNullable();
    t.string('level', 16).notNullable();
    t.integer('n').notNullable();
    t.primary(['centre_code', 'linked', 'state', 'level']);
    t.index(['centre_path']);
  });
  await knex.schema.createTable('area_totals', (t) => {
    t.string('centre_code', 12).notNullable();
    t.string('centre_path', 80).notNullable();
    t.boolean('linked').notNullable();
    t.integer('filed').notNullable();
    t.integer('accepted').notNullable();
    t.integer('decided').notNullable();
    t.primary(['centre_code', 'linked']);
    t.index(['centre_path']);
  });
  await knex.schema.createTable('daily_counts', (t) => {
    t.string('day', 10).notNullable();
    t.string('centre_code', 12).notNullable();
    t.string('centre_path', 80).notNullable();
    t.boolean('linked').notNullable();
    t.string('level', 16).notNullable();
    t.string('kind', 8).notNullable();
    t.integer('n').notNullable();
    t.primary(['day', 'centre_code', 'linked', 'level', 'kind']);
    t.index(['day', 'centre_path']);
  });
  await knex.schema.createTable('step_durations', (t) => {
    t.integer('event_id').unsigned().notNullable();
    t.string('kind', 8).notNullable();
    t.string('day', 10).notNullable();
    t.string('centre_path', 80).notNullable();
    t.string('level', 16).notNullable();
    t.string('state', 32).notNullable();
    t.bigInteger('ms').notNullable();
    t.primary(['event_id', 'kind']);
    t.index(['day', 'centre_path']);
  });
  await knex.schema.alterTable('cases', (t) => {
    t.index(['closed_at', 'centre_path']);
  });
  await rebuildReadModels(knex, mysql ? 'mysql' : 'sqlite');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['closed_at', 'centre_path']);
  });
  for (const table of ['step_durations', 'daily_counts', 'area_totals', 'case_counts']) await knex.schema.dropTableIfExists(table);
}
