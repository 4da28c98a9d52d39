import { openDatabase } from '../../db/connection';
import { resetDatabase } from '../../db/reset';

export interface PrivateDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A MariaDB database of one's own next to the shared test database: live
 * tests need one, since every server's publisher and scheduler would take
 * rows another test file's server committed. Created, migrated and seeded;
 * `drop()` removes it.
 */
export async function privateMysqlDatabase(sharedUrl: string, name: string): Promise<PrivateDatabase> {
  const safe = name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64);
  const url = sharedUrl.replace(/\/[^/?]*(\?.*)?$/, `/${safe}$1`);
  const run = async (sql: string) => {
    const admin = openDatabase(sharedUrl);
    try {
      await admin.knex.raw(sql);
    } finally {
      await admin.knex.destroy();
    }
  };
  await run(`DROP DATABASE IF EXISTS \`${safe}\``);
  await run(`CREATE DATABASE \`${safe}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await resetDatabase(url);
  return { url, drop: () => run(`DROP DATABASE IF EXISTS \`${safe}\``) };
}
