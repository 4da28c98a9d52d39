import type { Knex } from 'knex';
import { CERTIFICATE_KINDS, ITEM_CERTIFICATE_NEEDS } from '../seed/certificateKinds';

/**
 * Online certificates (网上证明, issue 11 part 4): the catalogue of
 * certificates committees and towns issue, the items that name one among
 * their materials, the requests (an aggregate with its own machine, its
 * events in `aggregate_events`), and the signed e-certificates. The
 * catalogue is reference data: a database seeded before gets it here too.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('certificate_kinds', (t) => {
    t.string('code', 16).primary();
    t.string('name', 100).notNullable();
    t.string('name_en', 200).notNullable();
    t.string('type_serial', 3).notNullable();
    t.boolean('needs_town').notNullable();
    t.string('legal_basis', 500).notNullable();
    t.text('materials').notNullable();
    t.integer('valid_days').notNullable();
    t.string('statement', 500).notNullable();
  });
  await knex.schema.createTable('item_certificate_needs', (t) => {
    t.string('item_code', 32).notNullable();
    t.string('kind_code', 16).notNullable();
    t.primary(['item_code', 'kind_code']);
  });
  await knex.schema.createTable('certificate_requests', (t) => {
    t.increments('id').primary();
    t.string('kind_code', 16).notNullable();
    t.string('kind_name', 100).notNullable();
    t.integer('applicant_user_id').unsigned().notNullable();
    t.string('holder_name', 100).notNullable();
    t.string('holder_id_number', 18).notNullable();
    t.string('purpose', 500).notNullable();
    t.string('village_code', 12).notNullable();
    t.string('town_code', 12).notNullable();
    t.boolean('needs_town').notNullable();
    // The centre whose clerk acts now (the village, then the town); null once decided.
    t.string('desk_code', 12).nullable();
    t.string('state', 16).notNullable();
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.string('certificate_id', 100).nullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.index(['applicant_user_id', 'id'], 'certificate_requests_applicant');
    t.index(['desk_code', 'id'], 'certificate_requests_desk');
    t.index(['village_code', 'id'], 'certificate_requests_village');
    t.index(['town_code', 'id'], 'certificate_requests_town');
  });
  await knex.schema.createTable('e_certificates', (t) => {
    t.increments('id').primary();
    t.string('certificate_id', 100).notNullable().unique(); // GB/T 36904 shape
    t.integer('request_id').unsigned().notNullable().unique();
    t.string('kind_code', 16).notNullable();
    t.string('name', 100).notNullable();
    t.string('type_code', 32).notNullable();
    t.string('holder_name', 100).notNullable();
    t.string('holder_code', 32).notNullable();
    t.string('holder_code_type', 8).notNullable();
    t.integer('holder_user_id').unsigned().notNullable();
    t.string('issuer_name', 200).notNullable();
    t.string('issuer_code', 18).notNullable();
    t.string('jurisdiction_code', 12).notNullable();
    t.string('statement', 1000).notNullable();
    t.string('purpose', 500).notNullable();
    t.string('legal_basis', 500).notNullable();
    t.string('issued_on', 10).notNullable();
    t.string('valid_until', 10).notNullable();
    t.string('status', 2).notNullable();
    t.text('canonical').notNullable();
    t.string('signature', 200).notNullable();
    t.string('key_id', 32).notNullable();
    // The id an applicant attaches it by (GET /api/me/files), and its signed PDF once drawn.
    t.string('file_id', 32).notNullable().unique();
    t.string('pdf_sha256', 64).nullable();
    t.integer('pdf_size').nullable();
    t.string('created_at', 32).notNullable();
    t.index(['holder_user_id'], 'e_certificates_holder');
  });
  await knex('certificate_kinds').insert(
    CERTIFICATE_KINDS.map((k) => ({
      code: k.code,
      name: k.name,
      name_en: k.nameEn,
      type_serial: k.typeSerial,
      needs_town: k.needsTown,
      legal_basis: k.legalBasis,
      materials: JSON.stringify(k.materials),
      valid_days: k.validDays,
      statement: k.statement,
    })),
  );
  await knex('item_certificate_needs').insert(ITEM_CERTIFICATE_NEEDS.map((n) => ({ item_code: n.itemCode, kind_code: n.kindCode })));
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['e_certificates', 'certificate_requests', 'item_certificate_needs', 'certificate_kinds']) await knex.schema.dropTable(t);
}
