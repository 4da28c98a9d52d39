import { resetDatabase } from '../../db/reset';
import { CLUSTER_URL, clusterUnavailable } from './galera';

/**
 * Before the cluster tests: is a whole three-node cluster running? If so,
 * its database is emptied and loaded afresh (migrations and seed, through
 * the failover URL). If not, CLUSTER_UNAVAILABLE says why and the tests
 * skip, or fail when REQUIRE_CLUSTER=1.
 */
export default async function globalSetup(): Promise<void> {
  // The summary line names the database.
  process.env.DATABASE_URL = CLUSTER_URL;
  // The runner's own failover lines are noise here; the server processes log theirs (spawnServer sets their level).
  process.env.LOG_LEVEL ??= 'warn';
  const why = await clusterUnavailable();
  if (why) {
    process.env.CLUSTER_UNAVAILABLE = why;
    return;
  }
  await resetDatabase(CLUSTER_URL);
}
