/**
 * npm run migrate | npm run seed | npm run import:items -- file.csv|file.xlsx
 * npm run users -- list [--jurisdiction <area code>] [--role clerk] [--department market] [--q text] [--limit 100]
 * npm run check-read-models -- [scope area code] [days]: the supervisors' read models against a full scan
 * npm run seed:pilot-year -- [--count 6043] [--year 2016]: the e-licence pilot's year through the command path (server/pilotYear.ts)
 * Uses DATABASE_URL like the server (SQLite file by default).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openDatabase } from '../db/connection';
import { migrateLatest } from '../db/migrate';
import { findJurisdiction } from '../db/repositories/jurisdictions';
import { readModelDifferences } from '../db/repositories/statsScans';
import { listUsers } from '../db/repositories/users';
import { addCalendarDays, chinaDate } from '../workflows/calendar';
import { seedIfEmpty } from '../db/seed';
import { seedDemoProjects } from './projects/demoProjects';
import { seedDemoRatings } from './ratings/demoRatings';
import type { RenderedImportProblem } from '../workflows/importProblems';
import { importItems } from './commands/importItems';
import { loadConfig } from './config';
import { createContext } from './context';
import { ACCOUNT_ROLES, type AccountRole } from './http/userSchemas';
import { PILOT_YEAR_USAGE, pilotYearCommand } from './pilotYear';

const USAGE = `migrate | seed | import-items <file.csv|file.xlsx> | check-read-models [scope] [days] | ${PILOT_YEAR_USAGE} | users list [--jurisdiction <code>] [--role <role>] [--department <code>] [--q <text>] [--limit <n>]`;

async function listUsersCommand(args: string[], url: string): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { jurisdiction: { type: 'string' }, role: { type: 'string' }, department: { type: 'string' }, q: { type: 'string' }, limit: { type: 'string', default: '1000' } },
  });
  if (positionals[0] !== 'list') throw new Error(`usage: npm run users -- list [options]`);
  if (values.role && !ACCOUNT_ROLES.includes(values.role as AccountRole)) throw new Error(`--role must be one of ${ACCOUNT_ROLES.join(', ')}`);
  const db = openDatabase(url);
  try {
    const { total, users } = await listUsers(db.knex, {
      q: values.q, role: values.role as AccountRole | undefined, under: values.jurisdiction, department: values.department,
      limit: Math.max(1, Number(values.limit) || 1000), offset: 0,
    });
    for (const u of users) console.log([u.username, u.role, u.jurisdictionCode, u.department ?? '-', u.active ? 'active' : 'disabled', u.displayName].join('\t'));
    console.error(`${users.length} of ${total} account(s)`);
  } finally {
    await db.knex.destroy();
  }
}

/** Compares the read models with a scan of cases and events (slow on a big database: run it off-peak). */
async function checkReadModelsCommand([scope = '330300000000', days = '30']: string[], url: string): Promise<void> {
  const db = openDatabase(url);
  try {
    const root = await findJurisdiction(db.knex, scope);
    if (!root) throw new Error(`no jurisdiction ${scope}`);
    const from = addCalendarDays(chinaDate(new Date()), -(Math.max(1, Number(days) || 30) - 1));
    const differences = await readModelDifferences(db.knex, root.path, from);
    for (const d of differences) console.error(d);
    console.log(differences.length ? `${differences.length} difference(s) under ${scope}` : `read models agree with the scan under ${scope} (from ${from})`);
    if (differences.length) process.exitCode = 1;
  } finally {
    await db.knex.destroy();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
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
    if (command === 'seed') {
      // The demo's investment projects go through the commands: a server context (only a database without projects gets them).
      const ctx = await createContext({ ...config, SEED_ON_START: false }, { log });
      try {
        log.info({ projects: await seedDemoProjects(ctx) }, 'demo investment projects done');
        log.info({ ratings: await seedDemoRatings(ctx) }, 'demo ratings done');
      } finally {
        await ctx.close();
      }
    }
    return;
  }
  if (command === 'users') return listUsersCommand(rest, config.DATABASE_URL);
  if (command === 'check-read-models') return checkReadModelsCommand(rest, config.DATABASE_URL);
  if (command === 'seed-pilot-year') return pilotYearCommand(rest, config, log);
  if (command === 'import-items') {
    const file = rest[0];
    if (!file) throw new Error('usage: npm run import:items -- <file.csv|file.xlsx>');
    const ctx = await createContext({ ...config, SEED_ON_START: false }, { log });
    try {
      log.info(await importItems(ctx, { data: fs.readFileSync(file), lang: 'zh' }), 'import done');
    } catch (err) {
      // The problems in Chinese, one line each, as an administrator reads them.
      const problems = ((err as { details?: { problems?: RenderedImportProblem[] } }).details?.problems ?? []);
      console.error((err as Error).message);
      for (const p of problems) console.error(`  第 ${p.line} 行 ${p.field}：${p.message}`);
      process.exitCode = 1;
    } finally {
      await ctx.close();
    }
    return;
  }
  throw new Error(`unknown command ${command ?? '(none)'}: ${USAGE}`);
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
