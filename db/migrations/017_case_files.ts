import type { Knex } from 'knex';

/**
 * Materials as files (issue 11). Content is stored once per SHA-256
 * (`file_blobs` holds it when FILE_STORAGE=database; with the disk driver it
 * lives under data/files and the table stays empty); `case_files` says which
 * case holds which content as which material, uploaded or attached by
 * reference; `file_views` logs every opening of a file (谁看过我的材料).
 */
export async function up(knex: Knex): Promise<void> {
  const mysql = knex.client.config.client === 'mysql2';
  await knex.schema.createTable('file_blobs', (t) => {
    t.string('sha256', 64).primary();
    t.integer('size').notNullable();
    if (mysql) t.specificType('content', 'longblob').notNullable();
    else t.binary('content').notNullable();
    t.string('created_at', 32).notNullable();
  });
  await knex.schema.createTable('case_files', (t) => {
    t.increments('id').primary();
    // The id in URLs: random, so one file's id says nothing of another's.
    t.string('public_id', 32).notNullable().unique();
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.string('material', 100).notNullable();
    t.string('sha256', 64).notNullable();
    t.integer('size').notNullable();
    t.string('media_type', 64).notNullable();
    t.string('original_name', 200).notNullable();
    t.string('source', 16).notNullable(); // 'upload' | 'reference'
    t.string('referenced_from', 32).nullable(); // the public id of the file it was attached from
    t.integer('uploaded_by_user_id').unsigned().nullable();
    t.string('uploaded_by_role', 16).notNullable();
    t.string('uploaded_by_name', 100).notNullable();
    t.integer('case_event_seq').notNullable();
    t.string('uploaded_at', 32).notNullable();
    t.index(['case_id', 'id'], 'case_files_case');
    t.index(['sha256'], 'case_files_sha');
  });
  await knex.schema.createTable('file_views', (t) => {
    t.increments('id').primary();
    t.integer('case_file_id').unsigned().notNullable().references('id').inTable('case_files');
    t.integer('case_id').unsigned().notNullable();
    t.integer('viewer_user_id').unsigned().nullable();
    t.string('viewer_role', 16).notNullable();
    t.string('viewer_name', 100).notNullable();
    t.string('viewer_level', 16).nullable();
    t.string('viewer_department', 64).nullable();
    t.string('viewer_jurisdiction', 16).nullable();
    t.string('disposition', 16).notNullable(); // 'inline' (previewed) | 'attachment' (downloaded)
    t.string('viewed_at', 32).notNullable();
    t.index(['case_id', 'id'], 'file_views_case');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('file_views');
  await knex.schema.dropTable('case_files');
  await knex.schema.dropTable('file_blobs');
}
