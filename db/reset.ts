import { openDatabase } from './connection';
import { migrateLatest, migrateRollbackAll } from './migrate';
import { seedAll } from './seed';

/** Empties the database at `url` and loads it afresh: every migration down and up again, then the seed data. */
export async function resetDatabase(url: string): Promise<void> {
  const db = openDatabase(url);
  try {
    // SQLite drops a column by copying the table; with rows that others reference, the copy's
    // DROP TABLE trips the foreign keys. The whole schema goes anyway: check them again after.
    if (db.dialect === 'sqlite') await db.knex.raw('PRAGMA foreign_keys = OFF');
    await migrateRollbackAll(db.knex);
    if (db.dialect === 'sqlite') await db.knex.raw('PRAGMA foreign_keys = ON');
    await migrateLatest(db.knex);
    await seedAll(db.knex);
  } finally {
    await db.knex.destroy();
  }
}
