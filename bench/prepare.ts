import { openDatabase } from '../db/connection';
import { resetDatabase } from '../db/reset';

/** A fresh, seeded database for a benchmark run. */
export const prepare = resetDatabase;

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
