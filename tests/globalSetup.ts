import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { migrateLatest } from '../db/migrate';
import { resetDatabase } from '../db/reset';
import { seedAll } from '../db/seed';

/**
 * Migrations and seed data run once per test run: into a template SQLite
 * file that each test server copies, or into the MySQL database named by
 * DATABASE_URL (wiped first), which all test files share.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url && /^(mysql|mariadb):/.test(url)) {
    await resetDatabase(url);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-test-'));
  const file = path.join(dir, 'template.sqlite');
  const db = openDatabase(`sqlite:${file}`);
  await migrateLatest(db.knex);
  await seedAll(db.knex);
  await db.knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.knex.destroy();
  process.env.TEST_SQLITE_TEMPLATE = file;
}
