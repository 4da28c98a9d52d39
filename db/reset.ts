import { openDatabase } from './connection';
import { migrateLatest, migrateRollbackAll } from './migrate';
import { seedAll } from './seed';

/** Empties the database at `url` and loads it afresh: every migration down and up again, then the seed data. */
export async function resetDatabase(url: string): Promise<void> {
  const db = openDatabase(url);
  try {
    await migrateRollbackAll(db.knex);
    await migrateLatest(db.knex);
    await seedAll(db.knex);
  } finally {
    await db.knex.destroy();
  }
}
