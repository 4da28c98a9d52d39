import type { Knex } from 'knex';
import * as m001 from './migrations/001_reference';
import * as m002 from './migrations/002_items';
import * as m003 from './migrations/003_cases';
import * as m004 from './migrations/004_live';
import * as m005 from './migrations/005_token_version';
import * as m006 from './migrations/006_rate_limits';
import * as m008 from './migrations/008_parties';
import * as m007 from './migrations/007_promise';
import * as m009 from './migrations/009_search';
import * as m010 from './migrations/010_urging';
import * as m011 from './migrations/011_catalogue_words';
import * as m012 from './migrations/012_event_outbox';
import * as m013 from './migrations/013_case_timers';
import * as m014 from './migrations/014_read_models';
import * as m015 from './migrations/015_name_grams';
import * as m016 from './migrations/016_read_model_revisions';
import * as m017 from './migrations/017_case_files';
import * as m018 from './migrations/018_e_licences';
import * as m019 from './migrations/019_case_documents';
import * as m020 from './migrations/020_aggregate_events';
import * as m021 from './migrations/021_publicity_register';
import * as m022 from './migrations/022_e_licence_pilot';
import * as m023 from './migrations/023_certificates';
import * as m024 from './migrations/024_commitments';
import * as m025 from './migrations/025_market';
import * as m026 from './migrations/026_market_agencies_extra';
import * as m028 from './migrations/028_market_ratings_extra';
import * as m029 from './migrations/029_projects';
import * as m030 from './migrations/030_proxy';
import * as m031 from './migrations/031_powers';
import * as m032 from './migrations/032_ratings';
import * as m033 from './migrations/033_delegations';
import * as m034 from './migrations/034_transfers';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// Imported, not globbed from disk: the same list works under tsx, jest and a bundle.
const MIGRATIONS: Record<string, Migration> = {
  '001_reference': m001,
  '002_items': m002,
  '003_cases': m003,
  '004_live': m004,
  '005_token_version': m005,
  '006_rate_limits': m006,
  '008_parties': m008,
  '007_promise': m007,
  '009_search': m009,
  '010_urging': m010,
  '011_catalogue_words': m011,
  '012_event_outbox': m012,
  '013_case_timers': m013,
  '014_read_models': m014,
  '015_name_grams': m015,
  '016_read_model_revisions': m016,
  '017_case_files': m017,
  '018_e_licences': m018,
  '019_case_documents': m019,
  '020_aggregate_events': m020,
  '021_publicity_register': m021,
  '022_e_licence_pilot': m022,
  '023_certificates': m023,
  '024_commitments': m024,
  '025_market': m025,
  '026_market_agencies_extra': m026,
  '028_market_ratings_extra': m028,
  '029_projects': m029,
  '030_proxy': m030,
  '031_powers': m031,
  '032_ratings': m032,
  '033_delegations': m033,
  '034_transfers': m034,
};

const source: Knex.MigrationSource<string> = {
  // Sorted: helpers add their lines to this list in any order; migrations run by number.
  getMigrations: async () => Object.keys(MIGRATIONS).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => MIGRATIONS[name]!,
};

/**
 * Brings the schema up to date. Processes starting together race for knex's migration lock: on
 * one server the loser waits on the row lock, but on a Galera cluster each node grants it locally
 * and the loser's transaction is refused (1213) or finds the table locked. Either way nothing of
 * its own was applied (the batch is one transaction on MySQL), so it tries again.
 */
export async function migrateLatest(knex: Knex, attempts = 20): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await knex.migrate.latest({ migrationSource: source });
      return;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      const raced = e.code === 'ER_LOCK_DEADLOCK' || /Migration table is already locked/.test(e.message ?? '');
      if (!raced || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 * i + Math.random() * 100));
    }
  }
}

export async function migrateRollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ migrationSource: source }, true);
}
