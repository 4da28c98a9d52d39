/**
 * npm run migrate | npm run seed | npm run import:items -- file.csv
 * Uses DATABASE_URL like the server (SQLite file by default).
 */
import fs from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { importItems } from '../server/commands/importItems';
import { openDatabase } from './connection';
import { migrateLatest } from './migrate';
import { seedIfEmpty } from './seed';

async function main() {
  const [command, file] = process.argv.slice(2);
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL });
  if (command === 'migrate' || command === 'seed') {
    const db = openDatabase(config.DATABASE_URL);
    try {
      await migrateLatest(db.knex);
      if (command === 'seed') log.info({ seeded: await seedIfEmpty(db.knex, log) }, 'seed done (only an empty database is seeded)');
      else log.info('migrations done');
    } finally {
      await db.knex.destroy();
    }
    return;
  }
  if (command === 'import-items') {
    if (!file) throw new Error('usage: npm run import:items -- <file.csv>');
    const ctx = await createContext({ ...config, SEED_ON_START: false }, { log });
    try {
      log.info(await importItems(ctx, { csv: fs.readFileSync(file, 'utf8') }), 'import done');
    } catch (err) {
      const details = (err as { details?: unknown }).details;
      log.error({ details }, (err as Error).message);
      process.exitCode = 1;
    } finally {
      await ctx.close();
    }
    return;
  }
  throw new Error(`unknown command ${command ?? '(none)'}: migrate | seed | import-items <file.csv>`);
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
