import type { Knex } from 'knex';
import { ITEM_PROOFS } from '../seed/itemProofs';

/**
 * Proof lists and written commitments (告知承诺, issue 11 part 4):
 * - item_proofs: each item's proof list (no proof outside it), seeded for
 *   the demo items (db/seed/itemProofs.ts);
 * - commitments: a signed commitment that replaced a proof in a filing;
 * - post_checks: the deciding department's check of it, an aggregate with
 *   its own machine (workflows/postCheckMachine.ts); `due_on` with
 *   `overdue` false is the durable timer's row;
 * - credit_records: a false commitment's record on the applicant (a person's
 *   ID number or a legal person's USCC) until it is repaired (信用修复).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('item_proofs', (t) => {
    t.increments('id').primary();
    t.string('item_code', 32).notNullable();
    t.integer('position').notNullable();
    t.string('name', 100).notNullable();
    t.string('legal_basis', 500).notNullable();
    t.string('requesting_unit', 200).notNullable();
    t.string('issuing_unit', 200).notNullable();
    t.boolean('commitment_allowed').notNullable().defaultTo(false);
    t.text('commitment_template').nullable();
    t.unique(['item_code', 'name'], { indexName: 'item_proofs_name' });
  });
  await knex.schema.createTable('commitments', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.string('proof', 100).notNullable();
    t.text('text').notNullable();
    t.string('signed_by', 64).notNullable();
    t.integer('signed_by_user_id').unsigned().nullable();
    t.string('signed_at', 32).notNullable();
    t.unique(['case_id', 'proof'], { indexName: 'commitments_case_proof' });
  });
  await knex.schema.createTable('post_checks', (t) => {
    t.increments('id').primary();
    t.integer('commitment_id').unsigned().notNullable().references('id').inTable('commitments');
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.string('case_no', 32).notNullable();
    t.string('item_code', 32).notNullable();
    t.string('proof', 100).notNullable();
    t.string('jurisdiction_code', 12).notNullable();
    t.string('department', 64).notNullable();
    t.integer('applicant_user_id').unsigned().nullable();
    t.string('subject_type', 16).notNullable();
    t.string('subject_code', 18).notNullable();
    t.string('subject_name', 200).notNullable();
    t.string('due_on', 10).notNullable();
    t.boolean('overdue').notNullable().defaultTo(false);
    t.string('state', 16).notNullable().defaultTo('open');
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable().defaultTo(1);
    t.integer('last_seq').notNullable().defaultTo(1);
    t.string('decision_no', 120).nullable();
    t.string('outcome_reason', 1000).nullable();
    t.string('decided_at', 32).nullable();
    t.string('created_at', 32).notNullable();
    t.index(['jurisdiction_code', 'department', 'state'], 'post_checks_desk');
    t.index(['state', 'overdue', 'due_on'], 'post_checks_due');
    t.index(['applicant_user_id'], 'post_checks_applicant');
  });
  await knex.schema.createTable('credit_records', (t) => {
    t.increments('id').primary();
    t.string('subject_type', 16).notNullable();
    t.string('subject_code', 18).notNullable();
    t.string('subject_name', 200).notNullable();
    t.string('kind', 32).notNullable();
    t.integer('post_check_id').unsigned().nullable().references('id').inTable('post_checks');
    t.string('jurisdiction_code', 12).notNullable();
    t.string('department', 64).notNullable();
    t.string('decision_no', 120).notNullable();
    t.string('reasons', 1000).notNullable();
    t.string('created_at', 32).notNullable();
    t.string('repaired_at', 32).nullable();
    t.integer('repaired_by').unsigned().nullable();
    t.string('repair_reason', 1000).nullable();
    t.index(['subject_code', 'repaired_at'], 'credit_records_subject');
    t.index(['jurisdiction_code', 'department'], 'credit_records_desk');
  });
  const positions = new Map<string, number>();
  await knex('item_proofs').insert(
    ITEM_PROOFS.map((p) => {
      const position = (positions.get(p.itemCode) ?? 0) + 1;
      positions.set(p.itemCode, position);
      return {
        item_code: p.itemCode,
        position,
        name: p.name,
        legal_basis: p.legalBasis,
        requesting_unit: p.requestingUnit,
        issuing_unit: p.issuingUnit,
        commitment_allowed: p.commitmentAllowed,
        commitment_template: p.commitmentTemplate,
      };
    }),
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('credit_records');
  await knex.schema.dropTable('post_checks');
  await knex.schema.dropTable('commitments');
  await knex.schema.dropTable('item_proofs');
}
