import { openDatabase } from '../db/connection';
import { migrateLatest, migrateRollbackAll } from '../db/migrate';
import { seedAll } from '../db/seed';

/** A fresh, seeded database for a benchmark run. */
export async function prepare(url: string): Promise<void> {
  const db = openDatabase(url);
  try {
    await migrateRollbackAll(db.knex);
    await migrateLatest(db.knex);
    await seedAll(db.knex);
  } finally {
    await db.knex.destroy();
  }
}

/** Whether a MySQL or Redis URL answers. */
export async function reachable(url: string): Promise<boolean> {
  if (url.startsWith('redis')) {
    const { createClient } = await import('redis');
    const c = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 1000 } });
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.ping();
      return true;
    } catch {
      return false;
    } finally {
      await c.quit().catch(() => undefined);
    }
  }
  const db = openDatabase(url);
  try {
    await db.knex.raw('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await db.knex.destroy();
  }
}
