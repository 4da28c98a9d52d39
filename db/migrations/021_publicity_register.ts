import type { Knex } from 'knex';

/**
 * The public register of licensing decisions (双公示, 行政许可法 Art. 40;
 * issue 11): one row per published decision, written in the decision's
 * transaction with what the register shows — the holder as the public may
 * see it (a person's name and ID number masked already: the full ones never
 * enter this table), the decision document's number, the category, content,
 * date and deciding body — and published by the scheduler once the hold has
 * passed, by `due_on` at the latest. The licence's number, validity and
 * status are read from `e_licences` by `licence_id` when the register is
 * read, so a revoked or cancelled licence changes its entry with no write here.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('publicity_entries', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.string('decision', 8).notNullable(); // approve (a denial is not published: docs/publicity.md)
    t.string('holder_type', 16).notNullable(); // person | organisation
    t.string('holder_name', 200).notNullable(); // 行政相对人名称 (a person's masked)
    t.string('holder_code', 32).notNullable(); // USCC, or a person's ID number masked
    t.string('holder_code_type', 8).notNullable(); // 001 统一社会信用代码, 111 公民身份号码
    t.string('legal_representative', 100).nullable(); // 法定代表人 of a legal person
    t.string('doc_title', 64).notNullable(); // 行政许可决定文书名称
    t.string('doc_no', 120).notNullable(); // 行政许可决定文书号 (case_documents.doc_no)
    t.string('category', 8).notNullable(); // 许可类别
    t.string('licence_name', 200).notNullable(); // 许可证书名称 (the item's result)
    t.string('content', 500).notNullable(); // 许可内容
    t.string('item_code', 64).notNullable();
    t.string('item_name', 200).notNullable();
    t.string('decided_on', 10).notNullable(); // 许可决定日期
    t.string('issuer_name', 200).notNullable(); // 许可机关
    t.string('issuer_code', 18).notNullable(); // 许可机关统一社会信用代码
    t.string('issuer_jurisdiction', 12).notNullable();
    t.string('issuer_department', 64).notNullable();
    t.string('licence_id', 100).nullable(); // the e-licence the case is issued (GB/T 36904)
    t.string('due_on', 10).notNullable(); // decided_on + 7 working days
    t.string('published_at', 32).nullable();
    t.string('created_at', 32).notNullable();
    t.unique(['case_id'], { indexName: 'publicity_entries_case' });
    t.index(['published_at', 'created_at'], 'publicity_entries_pending');
    t.index(['decided_on'], 'publicity_entries_decided');
    t.index(['doc_no'], 'publicity_entries_doc_no');
    t.index(['holder_code'], 'publicity_entries_holder_code');
    t.index(['issuer_jurisdiction', 'decided_on'], 'publicity_entries_issuer');
    t.index(['licence_id'], 'publicity_entries_licence');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('publicity_entries');
}
