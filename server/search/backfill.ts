import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { casesWithoutSearchHashes, saveSearchHashes } from '../../db/repositories/searchHashes';
import { searchHashColumns } from './searchHash';

const BATCH = 500;
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Hashes the personal numbers of cases filed before search existed
 * (migration 009 cannot: the key is configuration). Runs at start-up; a
 * case filed since carries its hashes from filing. Idempotent, so several
 * processes starting at once only repeat each other's work.
 */
export async function backfillSearchHashes(db: Knex, key: string, log: Logger): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await casesWithoutSearchHashes(db, BATCH);
    if (!batch.length) break;
    for (const c of batch) {
      const cols = searchHashColumns(key, { applicant: { idNumber: c.idNumber, uscc: c.uscc, phone: c.phone }, agent: { idNumber: c.agentIdNumber, phone: c.agentPhone } });
      await saveSearchHashes(db, c.id, Object.fromEntries(Object.entries(cols).map(([k, v]) => [snake(k), v])));
    }
    done += batch.length;
  }
  if (done) log.info({ cases: done }, 'hashed the personal numbers of existing cases for search');
  return done;
}
