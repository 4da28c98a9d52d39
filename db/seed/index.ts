import type { Knex } from 'knex';
import type { Logger } from 'pino';
import bcrypt from 'bcryptjs';
import { chineseCalendarDays, CALENDAR_YEARS } from '../../workflows/holidayData';
import { dbTime } from '../connection';
import { saveCalendarYear } from '../repositories/calendar';
import { itemToRow } from '../repositories/items';
import { insertUsers, setUserProfile } from '../repositories/users';
import { buildCatalogue } from './catalogue';
import { centreContactFor } from './centreContacts';
import { buildDepartments } from './departments';
import { E_LICENCE_PILOT_CODES } from './eLicencePilot';
import { buildJurisdictions } from './jurisdictions';
import { seedMarket } from './market';
import { seedProxy } from './proxy';
import { seedTransfers } from './transfers';
import { seedPowers } from './powers';
import { seedDelegations } from './delegations';
import { buildDemoUsers, DEMO_APPLICANT_PROFILE } from './users';
import { levelOfCode } from '../../workflows/levels';

async function insertChunked(trx: Knex, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await trx(table).insert(rows.slice(i, i + 200));
}

/** Loads the Wenzhou tree, departments, the 1,003-item catalogue (the e-licence pilot's items flagged), the calendar, demo users and the intermediary market. */
export async function seedAll(knex: Knex): Promise<void> {
  const now = dbTime(new Date());
  const tree = buildJurisdictions();
  const paths = new Map<string, string>();
  // Demo accounts share one password, so one hash serves them all (bcrypt costs ~60 ms each).
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (pw: string) => hashes.get(pw) ?? hashes.set(pw, bcrypt.hash(pw, 10)).get(pw)!;
  const users = await Promise.all(
    buildDemoUsers().map(async (u) => ({
      username: u.username,
      passwordHash: await hashOf(u.password),
      displayName: u.displayName,
      role: u.role,
      jurisdictionCode: u.jurisdictionCode,
      level: levelOfCode(u.jurisdictionCode),
      department: u.department,
      createdAt: now,
    })),
  );
  const byCode = new Map(tree.map((j) => [j.code, j]));
  const placeNames = (code: string | null): string[] => {
    const j = code ? byCode.get(code) : undefined;
    return j ? [...placeNames(j.parentCode), j.name] : [];
  };
  await knex.transaction(async (trx) => {
    const rows = tree.map((j) => {
      const path = `${j.parentCode ? paths.get(j.parentCode) : ''}${j.code}/`;
      paths.set(j.code, path);
      return { code: j.code, name: j.name, name_en: j.nameEn ?? '', level: j.level, parent_code: j.parentCode, path };
    });
    await insertChunked(trx, 'jurisdictions', rows);
    await insertChunked(
      trx,
      'service_centres',
      tree.map((j) => ({ code: j.code, name: j.centreName, accepts_linked: j.level === 'town' || j.level === 'village', ...centreContactFor(j.code, j.level, placeNames(j.code)) })),
    );
    await insertChunked(trx, 'departments', buildDepartments().map((d) => ({ code: d.code, name: d.name, name_en: d.nameEn })));
    // The online licence pilot's 22 items carry their flag (db/seed/eLicencePilot.ts).
    const pilot = new Set(E_LICENCE_PILOT_CODES);
    const catalogue = buildCatalogue();
    await insertChunked(trx, 'items', catalogue.map((item) => itemToRow({ ...item, eLicencePilot: pilot.has(item.code) }, true, now)));
    await insertUsers(trx, users);
    await setUserProfile(trx, DEMO_APPLICANT_PROFILE.username, DEMO_APPLICANT_PROFILE);
    // The intermediary market (网上中介超市): service items, agencies and their history (db/seed/market/).
    await seedMarket(trx, catalogue);
    // Free proxy service (网上无偿代办): agents and 2015's completed orders (db/seed/proxy/).
    await seedProxy(trx, now);
    // The function-transfer list (职能转移): units, functions, directories, agreements, evaluations (db/seed/transfers/).
    await seedTransfers(trx, now);
    // Power and responsibility lists (权力清单): the city's and the counties' 2014 lists, versioned (db/seed/powers/).
    await seedPowers(trx, catalogue, now);
    // Delegation deeds to the six pilot towns (赋权): data, with their ISSUE events (db/seed/delegations.ts).
    await seedDelegations(trx, catalogue, now);
  });
  const days = chineseCalendarDays();
  for (const year of CALENDAR_YEARS) {
    await saveCalendarYear(knex, year, days.filter((d) => d.date.startsWith(`${year}-`)), 'chinese-days 1.5.7', now);
  }
}

/** Seeds only a database that has no jurisdictions yet; returns whether it did. */
export async function seedIfEmpty(knex: Knex, log?: Logger): Promise<boolean> {
  const row = await knex('jurisdictions').count({ n: '*' }).first();
  if (Number(row?.n ?? 0) > 0) return false;
  log?.info('empty database: loading seed data');
  await seedAll(knex);
  return true;
}
