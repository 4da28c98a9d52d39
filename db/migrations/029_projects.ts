import type { Knex } from 'knex';

/**
 * Investment projects (投资项目全流程, issue 13):
 * - projects: a project (an aggregate with its own machine), identified for life
 *   by its 24-character project code; owned by a legal person (an applicant
 *   account), located in the jurisdiction tree; `counted_*` are a read model of
 *   its two clocks, refreshed by every change of the project or its cases;
 * - project_stages: the four stages, each not_started → in_progress → completed,
 *   or held (a denial or refusal of one of its cases, with the reason);
 * - project_stage_cases: the cases a stage filed at once (并联审批), one row per
 *   case, sharing the stage's one set of materials (project_stage_files);
 * - project_waits: intervals the owner declares (own preparation, an intermediary
 *   the owner hired, utility connection), each with a start and, later, an end;
 *   the project's clock counts or skips them by kind.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('projects', (t) => {
    t.increments('id').primary();
    t.string('code', 24).notNullable().unique();
    t.string('name', 200).notNullable();
    t.string('type', 16).notNullable(); // approval | permit | filing
    t.string('industry', 2).notNullable();
    t.integer('investment').notNullable(); // 万元
    t.string('land_status', 16).notNullable(); // allocated | transferred | pending
    t.string('location', 200).notNullable();
    t.string('jurisdiction_code', 12).notNullable();
    t.string('jurisdiction_path', 80).notNullable();
    t.integer('owner_user_id').unsigned().notNullable();
    t.string('owner_name', 200).notNullable();
    t.string('owner_uscc', 18).notNullable();
    t.string('owner_legal_rep', 64).notNullable();
    t.string('owner_phone', 32).notNullable();
    t.string('state', 24).notNullable(); // registered | in_stage | held | waiting | completed | cancelled
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.integer('current_stage').nullable();
    // The read model of the two clocks (workflows/projectClock.ts), refreshed in every change's transaction.
    t.integer('counted_days').notNullable().defaultTo(0);
    t.integer('counted_working_days').notNullable().defaultTo(0);
    t.string('light', 8).notNullable().defaultTo('green');
    t.string('coded_on', 10).notNullable();
    t.string('completed_on', 10).nullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.index(['jurisdiction_path', 'id'], 'projects_path');
    t.index(['owner_user_id', 'id'], 'projects_owner');
    t.index(['state', 'counted_days'], 'projects_state_days');
  });
  await knex.schema.createTable('project_serials', (t) => {
    // The next serial of the code per year and area (the code's last segment), taken under a row lock.
    t.integer('year').notNullable();
    t.string('area_code', 6).notNullable();
    t.integer('last_serial').notNullable();
    t.primary(['year', 'area_code']);
  });
  await knex.schema.createTable('project_stages', (t) => {
    t.increments('id').primary();
    t.integer('project_id').unsigned().notNullable();
    t.integer('stage').notNullable();
    t.string('state', 16).notNullable(); // not_started | in_progress | held | completed
    t.string('hold_reason', 500).nullable();
    t.text('form').nullable(); // JSON: the one form the stage's cases were filed from
    t.string('started_at', 32).nullable();
    t.string('completed_at', 32).nullable();
    t.unique(['project_id', 'stage']);
  });
  await knex.schema.createTable('project_stage_cases', (t) => {
    t.integer('case_id').unsigned().primary();
    t.integer('project_id').unsigned().notNullable();
    t.integer('stage').notNullable();
    t.string('case_no', 32).notNullable();
    t.string('item_code', 32).notNullable();
    t.index(['project_id', 'stage'], 'project_stage_cases_stage');
  });
  await knex.schema.createTable('project_stage_files', (t) => {
    // A stage's materials, filed once: each is a blob in the content-addressed store, shared by every case of the stage.
    t.increments('id').primary();
    t.integer('project_id').unsigned().notNullable();
    t.integer('stage').notNullable();
    t.string('material', 100).notNullable();
    t.string('sha256', 64).notNullable();
    t.integer('size').notNullable();
    t.string('media_type', 100).notNullable();
    t.string('original_name', 200).notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['project_id', 'stage'], 'project_stage_files_stage');
  });
  await knex.schema.createTable('project_waits', (t) => {
    t.increments('id').primary();
    t.integer('project_id').unsigned().notNullable();
    t.string('kind', 24).notNullable(); // owner_preparation | owner_intermediary | utility
    t.string('note', 500).notNullable();
    t.string('started_at', 32).notNullable();
    t.string('ended_at', 32).nullable();
    t.integer('declared_by_user_id').unsigned().nullable();
    t.index(['project_id'], 'project_waits_project');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['project_waits', 'project_stage_files', 'project_stage_cases', 'project_stages', 'project_serials', 'projects']) await knex.schema.dropTableIfExists(t);
}
