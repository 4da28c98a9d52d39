import type { Knex } from 'knex';

/**
 * The official documents of a case (issue 11 part 2): written in the
 * transaction of the transition that requires them, with their number (文号),
 * date and full content; the signed PDF is drawn from that content when first
 * asked for (the renderer and the signature are deterministic) and kept in
 * the file store by its SHA-256.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_documents', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.string('kind', 16).notNullable();
    t.integer('event_seq').notNullable();
    t.string('title', 64).notNullable();
    t.string('doc_no', 120).notNullable();
    t.string('issued_on', 10).notNullable();
    t.text('model').notNullable();
    t.string('pdf_sha256', 64).nullable();
    t.string('created_at', 32).notNullable();
    t.unique(['case_id', 'event_seq', 'kind'], { indexName: 'case_documents_event' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_documents');
}
