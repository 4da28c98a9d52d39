import net from 'node:net';
import type { Knex } from 'knex';
import pino from 'pino';

/**
 * A MySQL URL naming several hosts (`mysql://u:p@h1:3311,h2:3312,h3:3313/db`),
 * for a MariaDB Galera cluster: every new pooled connection goes to the first
 * listed host that is up, so each process can be pointed at a different node
 * first and falls over to the others when its node dies. A connection broken
 * by a dead node is dropped by knex's pool (its validation sees the fatal
 * error) and the next one is made through the provider again.
 */

export interface HostPort {
  host: string;
  port: number;
}

export interface ClusterUrl {
  hosts: HostPort[];
  /** The URL for one host: everything but the host list, so mysql2 parses user, database and options as usual. */
  urlFor(h: HostPort): string;
}

const MULTI_HOST = /^(mysql|mariadb):\/\/([^@/?]*@)?([^/?@]+)(.*)$/;

/** Parses a URL with a comma-separated host list; null when it names one host (the single-host path stays as it was). */
export function parseClusterUrl(url: string): ClusterUrl | null {
  const m = MULTI_HOST.exec(url);
  if (!m || !m[3]!.includes(',')) return null;
  const auth = m[2] ?? '';
  const rest = m[4] ?? '';
  const hosts = m[3]!.split(',').map((hp) => {
    const hm = /^([^:,\s]+)(?::(\d{1,5}))?$/.exec(hp.trim());
    if (!hm) throw new Error(`DATABASE_URL: bad host "${hp}" in the host list (want host:port,host:port)`);
    return { host: hm[1]!, port: hm[2] ? Number(hm[2]) : 3306 };
  });
  return { hosts, urlFor: (h) => `mysql://${auth}${h.host}:${h.port}${rest}` };
}

/** How long a host that refused us is passed over before it is tried first again (a restarted node comes back). */
const DOWN_FOR_MS = 5_000;
const PROBE_TIMEOUT_MS = 1_000;

// Made on first use, so a process that sets LOG_LEVEL before opening its database is heard at that level.
let logger: pino.Logger | undefined;
const log = () => (logger ??= pino({ level: process.env.LOG_LEVEL ?? 'info', base: { component: 'db-cluster' } }));

/** Resolves true if something accepts a TCP connection at the address within the timeout. */
function listening(h: HostPort): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: h.host, port: h.port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

type Done = (err: Error | null, conn: unknown) => void;
interface RawConnection {
  config: { host: string; port: number };
  query(sql: string, cb: (err: (Error & { errno?: number }) | null, rows?: unknown) => void): void;
}

/** `connection` (an async provider, asked again for every new connection) and `afterCreate` for knex's mysql2 client. */
export function clusterConnection(cluster: ClusterUrl, options: Record<string, unknown>) {
  const downUntil = new Map<string, number>();
  const key = (h: HostPort) => `${h.host}:${h.port}`;
  let current: string | null = null;
  const markDown = (h: HostPort, why: string) => {
    const wasUp = (downUntil.get(key(h)) ?? 0) <= Date.now();
    downUntil.set(key(h), Date.now() + DOWN_FOR_MS);
    // At most once per DOWN_FOR_MS while it stays down, not once per connection attempt.
    if (wasUp) log().warn({ host: key(h), why }, 'database host unusable; trying the next one');
  };

  const connection = async (): Promise<Knex.MySql2ConnectionConfig & { expirationChecker: () => boolean }> => {
    const now = Date.now();
    // Hosts that failed lately go last, not away: when every host is down, all are still tried, in the listed order.
    const order = [...cluster.hosts].sort((a, b) => Number((downUntil.get(key(a)) ?? 0) > now) - Number((downUntil.get(key(b)) ?? 0) > now));
    let chosen = order[0]!;
    for (const h of order) {
      if (await listening(h)) {
        chosen = h;
        break;
      }
      markDown(h, 'refused the connection');
    }
    if (current !== key(chosen)) {
      log().info({ host: key(chosen), previous: current }, 'database host chosen for new connections');
      current = key(chosen);
    }
    // expirationChecker () => true: knex asks this provider again for every new pooled connection.
    return { uri: cluster.urlFor(chosen), ...options, expirationChecker: () => true } as Knex.MySql2ConnectionConfig & { expirationChecker: () => boolean };
  };

  /**
   * A node that accepts TCP but may not serve (a Galera node outside the primary component) is
   * refused here, and the pool makes another connection (through the next host). Reads wait for
   * the node to have applied what the cluster committed before them (wsrep_sync_wait=1): a client
   * answered by one node and then served by another sees its own change (causal reads), and a
   * command retried after a certification conflict sees the winner's version.
   */
  const afterCreate = (conn: RawConnection, done: Done) => {
    const h = { host: conn.config.host, port: conn.config.port };
    conn.query('SET SESSION wsrep_sync_wait = 1', (setErr) => {
      // 1193: not a MariaDB/Galera server (plain MySQL): nothing to wait for.
      if (setErr && setErr.errno !== 1193) {
        markDown(h, setErr.message);
        return done(setErr, conn);
      }
      conn.query('SELECT 1', (err) => {
        if (err) markDown(h, err.message);
        done(err, conn);
      });
    });
  };

  return { connection, afterCreate };
}
