import type { Knex } from 'knex';
import { insertNameGrams } from '../repositories/nameGrams';

/** Names cut into characters and pairs for search (db/repositories/nameGrams.ts), filled for the cases already stored. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_name_grams', (t) => {
    t.string('gram', 2).notNullable();
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases').onDelete('CASCADE');
    t.primary(['gram', 'case_id']);
    t.index(['case_id']);
  });
  for (let last = 0; ; ) {
    const rows: { id: number; applicant_name: string; applicant_legal_rep: string | null }[] = await knex('cases').where('id', '>', last).orderBy('id').limit(2000).select('id', 'applicant_name', 'applicant_legal_rep');
    if (rows.length === 0) break;
    await insertNameGrams(knex, rows.map((r) => ({ caseId: Number(r.id), names: [r.applicant_name, r.applicant_legal_rep] })));
    last = Number(rows[rows.length - 1]!.id);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_name_grams');
}
