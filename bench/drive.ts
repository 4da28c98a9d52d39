import type { Knex } from 'knex';
import { dbTime } from '../db/connection';
import { findUserByUsername } from '../db/repositories/users';
import { DEMO, DEMO_PASSWORD } from '../db/seed/users';
import type { Actor } from '../server/auth/actor';
import { fileCase } from '../server/commands/fileCase';
import { transitionCase, type ActionInput } from '../server/commands/transitionCase';
import type { AppContext } from '../server/context';
import { ms, pool } from './stats';

/** The whole route of the demo city-level linked item: who does what, in order. */
export const ROUTE_ACTIONS: [string, ActionInput][] = [
  ['clerk.village', { type: 'ACCEPT' }],
  ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
  ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }],
  ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }],
  ['reviewer.city', { type: 'ISSUE', licenceNo: 'BENCH-1' }],
  ['clerk.village', { type: 'DELIVER', mode: 'pickup', signedBy: '张小明' }],
];

const applicant = { name: '压测', idNumber: '330302199001011235', phone: '13800000000' };

export interface RunResult {
  transitions: number;
  seconds: number;
  latencies: number[];
}

/**
 * Files N cases and drives each through its route via the command layer.
 * `transitionsOnly`: the cases are filed first, untimed, and only their
 * transitions are counted (group commit batches transitions, not filings).
 */
export async function driveService(ctx: AppContext, cases: number, concurrency: number, opts: { transitionsOnly?: boolean } = {}): Promise<RunResult> {
  const actors = new Map<string, Actor>();
  for (const [name] of ROUTE_ACTIONS) {
    const user = await findUserByUsername(ctx.db.knex, name);
    if (!user) throw new Error(`no user ${name}`);
    actors.set(name, { kind: 'user', user });
  }
  const file = () => fileCase(ctx, { actor: null, itemCode: DEMO.cityItemCode, centreCode: DEMO.villageCode, applicant, materials: ['申请书'], delivery: { mode: 'pickup' } });
  const prefiled: string[] = [];
  if (opts.transitionsOnly) await pool(cases, 8, async () => void prefiled.push((await file()).case.caseNo));
  const latencies: number[] = [];
  const t0 = process.hrtime.bigint();
  await pool(cases, concurrency, async (i) => {
    let t = process.hrtime.bigint();
    const caseNo = opts.transitionsOnly ? prefiled[i]! : (await file()).case.caseNo;
    if (!opts.transitionsOnly) latencies.push(ms(t));
    for (const [name, action] of ROUTE_ACTIONS) {
      t = process.hrtime.bigint();
      await transitionCase(ctx, { caseNo, actor: actors.get(name)!, action });
      latencies.push(ms(t));
    }
  });
  return { transitions: latencies.length, seconds: ms(t0) / 1000, latencies };
}

/** The same over real HTTP: JSON in, JSON out, auth and validation included. */
export async function driveHttp(baseUrl: string, cases: number, concurrency: number, opts: { transitionsOnly?: boolean } = {}): Promise<RunResult> {
  const tokens = new Map<string, string>();
  for (const [name] of ROUTE_ACTIONS) {
    if (tokens.has(name)) continue;
    const r = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: name, password: DEMO_PASSWORD }) });
    tokens.set(name, ((await r.json()) as { token: string }).token);
  }
  const post = async (path: string, body: unknown, token?: string) => {
    const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const json = (await r.json()) as { caseNo?: string };
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  const file = async () => (await post('/api/cases', { itemCode: DEMO.cityItemCode, centreCode: DEMO.villageCode, applicant, materials: ['申请书'] })).caseNo!;
  const prefiled: string[] = [];
  if (opts.transitionsOnly) await pool(cases, 8, async () => void prefiled.push(await file()));
  const latencies: number[] = [];
  const t0 = process.hrtime.bigint();
  await pool(cases, concurrency, async (i) => {
    let t = process.hrtime.bigint();
    const caseNo = opts.transitionsOnly ? prefiled[i]! : await file();
    if (!opts.transitionsOnly) latencies.push(ms(t));
    for (const [name, action] of ROUTE_ACTIONS) {
      t = process.hrtime.bigint();
      await post(`/api/cases/${caseNo}/actions`, action, tokens.get(name));
      latencies.push(ms(t));
    }
  });
  return { transitions: latencies.length, seconds: ms(t0) / 1000, latencies };
}

/**
 * The database's own ceiling: bare transactions writing the same rows a
 * transition essentially writes (lock + update the case, insert an event, which
 * is its own outbox row), with the same durability and concurrency, and no
 * engine around them.
 */
export async function driveBare(knex: Knex, dialect: string, count: number, concurrency: number): Promise<RunResult> {
  const ids = (await knex('cases').select('id').orderBy('id').limit(200)).map((r: { id: number }) => Number(r.id));
  if (ids.length === 0) throw new Error('no cases to write to');
  const maxSeq = await knex('case_events').max({ m: 'seq' }).first();
  let seq = Number(maxSeq?.m ?? 0) + 1_000_000;
  const latencies: number[] = [];
  const t0 = process.hrtime.bigint();
  await pool(count, concurrency, async (i) => {
    const t = process.hrtime.bigint();
    const id = ids[i % ids.length]!;
    const mySeq = seq++;
    const at = dbTime(new Date());
    await knex.transaction(async (trx) => {
      const q = trx('cases').where({ id }).first('version');
      if (dialect === 'mysql') q.forUpdate();
      const row = await q;
      await trx('cases').where({ id }).update({ version: Number(row.version) + 1, updated_at: at });
      // The event row is its own outbox row (migration 012); published at once, so no publisher picks it up.
      await trx('case_events').insert({ case_id: id, seq: mySeq, type: 'BENCH', from_state: 'a', to_state: 'b', actor_role: 'system', actor_name: 'bench', payload: '{}', live_payload: '{}', fanout: '{}', unpublished: null, created_at: at });
    });
    latencies.push(ms(t));
  });
  return { transitions: latencies.length, seconds: ms(t0) / 1000, latencies };
}
