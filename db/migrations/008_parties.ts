import type { Knex } from 'knex';
import { applicantTypesFor } from '../seed/applicantTypes';

/**
 * Who may apply and who applied: the applicant types an item takes
 * (自然人 person, 法人/其他组织 organisation), a case's legal person
 * (credit code, legal representative) and agent (代理人), and an applicant
 * account's own ID number and phone, so the filing form can be filled in.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('items', (t) => {
    t.string('applicant_types', 32).notNullable().defaultTo('["person","organisation"]');
  });
  // Items already in the catalogue get what the seed would give them.
  const items: { id: number; name: string }[] = await knex('items').select('id', 'name');
  for (const it of items) {
    await knex('items').where({ id: it.id }).update({ applicant_types: JSON.stringify(applicantTypesFor(it.name)) });
  }
  await knex.schema.alterTable('cases', (t) => {
    t.string('applicant_type', 16).notNullable().defaultTo('person');
    t.string('applicant_uscc', 18).nullable();
    t.string('applicant_legal_rep', 64).nullable();
    t.string('agent_name', 64).nullable();
    t.string('agent_id_number', 18).nullable();
    t.string('agent_phone', 20).nullable();
  });
  await knex.schema.alterTable('users', (t) => {
    t.string('id_number', 18).nullable();
    t.string('phone', 20).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('phone');
    t.dropColumn('id_number');
  });
  await knex.schema.alterTable('cases', (t) => {
    for (const c of ['agent_phone', 'agent_id_number', 'agent_name', 'applicant_legal_rep', 'applicant_uscc', 'applicant_type']) t.dropColumn(c);
  });
  await knex.schema.alterTable('items', (t) => {
    t.dropColumn('applicant_types');
  });
}
