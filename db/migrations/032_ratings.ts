import type { Knex } from 'knex';

/**
 * 好差评 (国办发〔2019〕51号), issue 14 part B:
 * - case_ratings: the applicant's rating of a case, once per stage (`accept`
 *   once accepted, `final` once closed): 1–5 on the online channel's five
 *   indicators (整体满意度 is the rating), an optional comment, whether it was
 *   made anonymously, and the desk answerable for the stage (谁办理谁负责);
 *   `excluded` once a supervisor upholds the desk's appeal (a malicious rating
 *   leaves the figures).
 * - case_rating_handlers: every act of staff on the case within the rated
 *   stage (from case_events): the desks and the people the rating reaches.
 * - rectifications: the task a bad rating (1–2) opens for the answerable desk,
 *   an aggregate with its own machine (workflows/rectificationMachine.ts);
 *   `due_on` with `overdue` false is the durable timer's row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_ratings', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.string('case_no', 32).notNullable();
    t.string('stage', 8).notNullable();
    t.integer('overall').notNullable();
    t.integer('efficiency').notNullable();
    t.integer('guide_accuracy').notNullable();
    t.integer('convenience').notNullable();
    t.integer('usability').notNullable();
    t.string('comment', 500).nullable();
    t.boolean('anonymous').notNullable().defaultTo(false);
    t.string('channel', 12).notNullable(); // account | queryCode
    t.integer('rated_by_user_id').unsigned().nullable();
    t.string('item_code', 32).notNullable();
    t.string('item_department', 64).notNullable();
    t.string('centre_code', 12).notNullable();
    t.string('desk_level', 12).notNullable();
    t.string('desk_jurisdiction', 12).notNullable();
    t.string('desk_department', 64).nullable();
    t.boolean('excluded').notNullable().defaultTo(false);
    t.string('month', 7).notNullable();
    t.string('created_at', 32).notNullable();
    t.unique(['case_id', 'stage'], { indexName: 'case_ratings_once' });
    t.index(['month', 'item_department'], 'case_ratings_month');
    t.index(['centre_code'], 'case_ratings_centre');
    t.index(['desk_jurisdiction', 'desk_department'], 'case_ratings_desk');
  });
  await knex.schema.createTable('case_rating_handlers', (t) => {
    t.increments('id').primary();
    t.integer('rating_id').unsigned().notNullable().references('id').inTable('case_ratings');
    t.integer('seq').notNullable();
    t.string('type', 32).notNullable();
    t.string('level', 12).nullable();
    t.string('jurisdiction_code', 12).nullable();
    t.string('department', 64).nullable();
    t.integer('user_id').unsigned().nullable();
    t.string('actor_name', 64).notNullable();
    t.index(['rating_id'], 'case_rating_handlers_rating');
    t.index(['user_id'], 'case_rating_handlers_user');
  });
  await knex.schema.createTable('rectifications', (t) => {
    t.increments('id').primary();
    t.integer('rating_id').unsigned().notNullable().unique().references('id').inTable('case_ratings');
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.string('case_no', 32).notNullable();
    t.string('stage', 8).notNullable();
    t.string('jurisdiction_code', 12).notNullable();
    t.string('department', 64).nullable();
    t.integer('applicant_user_id').unsigned().nullable();
    t.boolean('real_name').notNullable();
    t.string('due_on', 10).notNullable();
    t.boolean('overdue').notNullable().defaultTo(false);
    t.string('state', 16).notNullable();
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable().defaultTo(1);
    t.integer('last_seq').notNullable().defaultTo(1);
    t.string('outcome', 12).nullable();
    t.string('outcome_text', 1000).nullable();
    t.string('called_back_at', 32).nullable();
    t.integer('applicant_score').nullable();
    t.string('applicant_comment', 500).nullable();
    t.string('resolved_at', 32).nullable();
    t.string('created_at', 32).notNullable();
    t.index(['jurisdiction_code', 'department', 'state'], 'rectifications_desk');
    t.index(['state', 'overdue', 'due_on'], 'rectifications_due');
    t.index(['case_id'], 'rectifications_case');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rectifications');
  await knex.schema.dropTable('case_rating_handlers');
  await knex.schema.dropTable('case_ratings');
}
