import type { Knex } from 'knex';

/**
 * E-licences (电子证照, issue 11 part 3): one row per issued licence with the
 * directory fields of GB/T 36903, the canonical data its signature covers,
 * and the SHA-256 of its signed PDF in the file store once drawn.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('e_licences', (t) => {
    t.increments('id').primary();
    t.string('licence_id', 100).notNullable().unique(); // 电子证照标识, GB/T 36904
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.string('licence_no', 64).notNullable(); // 证照编号
    t.string('name', 200).notNullable(); // 证照名称
    t.string('type_code', 32).notNullable();
    t.string('type_name', 200).notNullable();
    t.string('version', 3).notNullable();
    t.string('holder_name', 200).notNullable();
    t.string('holder_code', 32).notNullable();
    t.string('holder_code_type', 8).notNullable();
    t.integer('holder_user_id').unsigned().nullable();
    t.string('issuer_name', 200).notNullable();
    t.string('issuer_code', 18).notNullable();
    t.string('definer_name', 200).notNullable();
    t.string('definer_code', 18).notNullable();
    t.string('issued_on', 10).notNullable();
    t.string('valid_from', 10).notNullable();
    t.string('valid_until', 10).notNullable();
    t.string('jurisdiction_code', 12).notNullable(); // 管辖属地
    t.string('item_code', 64).notNullable(); // 关联事项
    t.string('item_name', 200).notNullable();
    t.string('status', 2).notNullable(); // 01 有效 …
    t.string('previous_licence_id', 100).nullable();
    t.text('canonical').notNullable();
    t.string('signature', 200).notNullable();
    t.string('key_id', 32).notNullable();
    // Drawn when first asked for, from the signed data (deterministic), then kept by SHA-256.
    t.string('pdf_sha256', 64).nullable();
    t.integer('pdf_size').nullable();
    t.string('created_at', 32).notNullable();
    t.index(['case_id'], 'e_licences_case');
    t.index(['holder_user_id'], 'e_licences_holder');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('e_licences');
}
