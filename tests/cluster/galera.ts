import fs from 'node:fs';
import path from 'node:path';
import { parseClusterUrl, type HostPort } from '../../db/clusterConnection';
import { openDatabase } from '../../db/connection';

/**
 * The three-node Galera cluster that .ci/start-galera.sh starts: its
 * failover URL, each node's own URL, its status, and a kill -9 of one node
 * (by the pid file the script's nodes write).
 */

export const CLUSTER_URL = process.env.CLUSTER_DATABASE_URL ?? 'mysql://approval:approval@127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/approval_cluster';
export const GALERA_DIR = process.env.GALERA_DIR ?? '/tmp/approval-galera';

const cluster = parseClusterUrl(CLUSTER_URL);
if (!cluster) throw new Error(`CLUSTER_DATABASE_URL must name several hosts (got ${CLUSTER_URL})`);
export const NODES: HostPort[] = cluster.hosts;

/** Node i's (0-based) own single-host URL. */
export function nodeUrl(i: number): string {
  return cluster!.urlFor(NODES[i]!);
}

/** The failover URL with the nodes in the order given (0-based): the process tries them in that order. */
export function clusterUrlPreferring(order: number[]): string {
  const hosts = order.map((i) => `${NODES[i]!.host}:${NODES[i]!.port}`).join(',');
  return CLUSTER_URL.replace(/@[^/?]+/, `@${hosts}`);
}

/** wsrep status of node i, by name (wsrep_cluster_size, wsrep_local_state_comment, wsrep_local_cert_failures, …). */
export async function nodeStatus(i: number): Promise<Record<string, string>> {
  const db = openDatabase(nodeUrl(i));
  try {
    const [rows] = (await db.knex.raw("SHOW GLOBAL STATUS LIKE 'wsrep_%'")) as [{ Variable_name: string; Value: string }[]];
    return Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]));
  } finally {
    await db.knex.destroy();
  }
}

/** Why the cluster cannot be tested now, or null when every node is up, synced and in one primary component. */
export async function clusterUnavailable(): Promise<string | null> {
  for (let i = 0; i < NODES.length; i++) {
    let s: Record<string, string>;
    try {
      s = await nodeStatus(i);
    } catch (err) {
      return `node ${i + 1} (${NODES[i]!.host}:${NODES[i]!.port}) does not answer: ${(err as Error).message}`;
    }
    if (s.wsrep_cluster_status !== 'Primary' || s.wsrep_local_state_comment !== 'Synced') {
      return `node ${i + 1} is ${s.wsrep_cluster_status ?? 'not in a cluster'}/${s.wsrep_local_state_comment ?? '?'}, not Primary/Synced`;
    }
    if (Number(s.wsrep_cluster_size) !== NODES.length) return `the cluster has ${s.wsrep_cluster_size} nodes, not ${NODES.length}`;
    if (!fs.existsSync(pidFile(i))) return `no pid file ${pidFile(i)} (the test kills a node through it; GALERA_DIR?)`;
  }
  return null;
}

function pidFile(i: number): string {
  return path.join(GALERA_DIR, `node${i + 1}`, 'mysqld.pid');
}

/** kill -9 node i (0-based); resolves once the process is gone. */
export async function killNode(i: number): Promise<void> {
  const pid = Number(fs.readFileSync(pidFile(i), 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return; // gone
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
