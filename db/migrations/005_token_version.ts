import type { Knex } from 'knex';

/**
 * A user's token version, carried in every token they are issued and checked
 * on every request and socket handshake: bumping it (password reset, role,
 * placement or active flag changed) revokes every token issued before.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.integer('token_version').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('token_version');
  });
}
