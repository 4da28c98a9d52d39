import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { buildOpenApi } from '../../server/http/openapi';
import { Api, buildCase, DEMO } from '../helpers/api';
import { highLimits } from '../helpers/highLimits';
import { startLiveServer, waitUntil } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';
import { DEMO_PASSWORD } from '../../db/seed/users';
import { bodyText, segment, queryString, type Components, type Schema, type Vocabulary } from './arbitraries';
import { databaseInvariants } from './invariants';
import { walk, walkStep } from './walker';

/**
 * Property-based fuzzing of every operation in /api/openapi.json: path
 * parameters, query strings, headers (no token, garbage, forged, a real one of
 * any role; query codes) and bodies (schema-shaped and hostile). Whatever is
 * sent: never a 5xx, every error in the documented shape, and afterwards the
 * database's invariants hold. FUZZ_RUNS bounds the requests (default 2000 in
 * all); FUZZ_SEED replays a run (fast-check prints the seed of a failure).
 */
const doc = buildOpenApi() as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Components } };
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
const OPS = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, method: m.toUpperCase(), path: p, op })));

const TOTAL = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20260801;
// Acting on cases and filing them is where state changes: they get more of the budget.
const weight = (key: string) => (key.endsWith('/actions') ? 5 : key === 'POST /api/cases' ? 2 : 1);
/** The random walk of cases through their machine (tests/fuzz/walker.ts) counts as this many operations. */
const WALK_WEIGHT = 3;
const totalWeight = OPS.reduce((n, o) => n + weight(o.key), 0) + WALK_WEIGHT;
const runsOf = (key: string) => Math.max(10, Math.round((TOTAL * weight(key)) / totalWeight));

const USERS = ['admin', 'clerk.village', 'clerk.town', 'clerk.county', 'reviewer.county', 'reviewer.city', 'supervisor.city', 'supervisor.county', 'applicant', 'agent', 'intermediary', 'clerk.othertown'];
/** The secret every install used to sign with when JWT_SECRET was unset (issue 8, item 1). */
const OLD_DEFAULT_SECRET = 'development-only-secret-change-me';
/** Real values for fields of these names, so that shaped requests get past lookups to the code behind them. */
const VOCABULARY: Vocabulary = {
  components: doc.components.schemas,
  hints: {
    itemCode: [DEMO.cityItemCode, DEMO.countyItemCode, DEMO.otherItemCode, DEMO.provinceItemCode],
    centreCode: [DEMO.villageCode, DEMO.townCode, DEMO.otherTownCode, DEMO.countyCode],
    jurisdictionCode: [DEMO.cityCode, DEMO.countyCode, DEMO.villageCode, DEMO.otherTownCode],
    scope: [DEMO.cityCode, DEMO.countyCode, DEMO.townCode, '330381000000'],
    under: [DEMO.countyCode, DEMO.townCode],
    parent: [DEMO.countyCode, DEMO.cityCode],
    department: ['market', 'health', null],
    username: ['clerk.village', 'admin', 'applicant', 'nobody'],
    password: [DEMO_PASSWORD, 'wrong-password'],
  },
};
const EXAMPLE_CSV = fs.readFileSync(path.join(__dirname, '../../docs/examples/items.csv'), 'utf8');

interface Fixture {
  tokens: string[];
  forged: string[];
  cases: { caseNo: string; queryCode: string; byAccount: boolean }[];
  /** Cases of their own for the walk, which the operations' fuzzing does not withdraw first. */
  walked: { caseNo: string; queryCode: string; byAccount: boolean }[];
  userIds: string[];
}

/** Null if the answer keeps the promises (no 5xx; errors as {error: {code, message, details?}}), else what is wrong. */
function broken(status: number, contentType: string | null, text: string): string | null {
  if (status >= 500) return `${status} ${text.slice(0, 300)}`;
  if (status < 400) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} is not JSON (${contentType}): ${text.slice(0, 200)}`;
  }
  const e = (body as { error?: Record<string, unknown> })?.error;
  const shaped = body && typeof body === 'object' && Object.keys(body).join() === 'error' && e && typeof e === 'object' && typeof e.code === 'string' && typeof e.message === 'string' && Object.keys(e).every((k) => ['code', 'message', 'details'].includes(k));
  return shaped ? null : `${status} is not in the error shape: ${text.slice(0, 200)}`;
}

describe('fuzzing every operation of /api/openapi.json', () => {
  let srv: TestServer;
  const api = new Api('');
  const fx: Fixture = { tokens: [], forged: [], cases: [], walked: [], userIds: [] };
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    srv = await startLiveServer('fuzz', { env: highLimits('fuzz') });
    api.baseUrl = srv.url;
    fx.tokens = await Promise.all(USERS.map((u) => api.token(u)));
    fx.forged = fx.tokens.slice(0, 3).flatMap((t) => {
      const { iat: _iat, exp: _exp, ...claims } = jwt.decode(t) as jwt.JwtPayload;
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
      return [jwt.sign(claims, OLD_DEFAULT_SECRET), none, `${t.slice(0, -3)}${t.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`];
    });
    // Real cases: ten for the operations' fuzzing to aim at, twenty for the walk to move through every stage.
    for (let i = 0; i < 30; i++) {
      const byAccount = i % 2 === 1;
      const { caseNo, queryCode } = await api.file(buildCase(), byAccount ? 'applicant' : undefined);
      (i < 10 ? fx.cases : fx.walked).push({ caseNo, queryCode, byAccount });
    }
    for (let i = 0; i < 2; i++) {
      const made = await api.as('admin', 'POST', '/api/users', { username: `fuzz.${process.pid}.${i}`, displayName: '模糊测试', password: 'fuzz-12345', role: 'intermediary', jurisdictionCode: DEMO.cityCode });
      fx.userIds.push(String(made.body.id));
    }
  }, 120_000);
  afterAll(() => srv?.close());

  it('fuzzes the description the server serves', async () => {
    const served = await api.request('GET', '/api/openapi.json');
    const keys = (d: { paths: Record<string, object> }) => Object.entries(d.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort();
    expect(keys(served.body)).toEqual(keys(doc));
  });

  /** Real values for the path parameters that name things. */
  const realFor = (name: string): string[] =>
    ({
      caseNo: fx.cases.map((c) => c.caseNo),
      code: [DEMO.cityItemCode, DEMO.countyItemCode, DEMO.villageCode, DEMO.countyCode],
      year: ['2099', '2100'],
      id: fx.userIds,
    })[name] ?? [];

  function requestOf(method: string, template: string, op: Operation) {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const bodyType = op.requestBody ? Object.keys(op.requestBody.content)[0]! : undefined;
    const bodySchema = bodyType ? op.requestBody!.content[bodyType]!.schema : undefined;
    const auth = fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 5, arbitrary: fc.constantFrom(...fx.tokens).map((t) => `Bearer ${t}`) },
      { weight: 1, arbitrary: fc.constantFrom(...fx.forged).map((t) => `Bearer ${t}`) },
      { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('Bearer', 'Bearer ', 'bearer a.b.c', 'Basic YWRtaW46ZGVtbzEyMzQ=', `Bearer ${'a'.repeat(9000)}`)) },
    );
    const queryCode = fc.option(fc.oneof(fc.constantFrom(...fx.cases.map((c) => c.queryCode)), fc.string({ maxLength: 20 })), { freq: 2 });
    const body = bodyType === 'text/csv'
      ? fc.oneof(fc.constant(EXAMPLE_CSV), fc.string({ unit: 'binary', maxLength: 400 }).map((s) => `${EXAMPLE_CSV.split('\n')[0]}\n${s}`), bodyText(undefined, VOCABULARY))
      : bodyText(bodySchema, VOCABULARY);
    const contentType = fc.oneof(
      { weight: 8, arbitrary: fc.constant(bodyType ?? 'application/json') },
      { weight: 1, arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml') },
    );
    const encoding = fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, br') });
    return fc.record({
      segments: fc.tuple(...pathParams.map((p) => segment(realFor(p.name), p.schema, VOCABULARY))),
      query: queryString(params.filter((p) => p.in === 'query'), VOCABULARY),
      auth,
      queryCode,
      body: bodyType || method !== 'GET' ? fc.option(body, { freq: 8 }) : fc.constant(null),
      contentType,
      encoding,
    }).map((r) => {
      let i = 0;
      const url = template.replace(/\{\w+\}/g, () => r.segments[i++]!) + r.query;
      const headers: Record<string, string> = {};
      if (r.auth !== undefined) headers.authorization = r.auth;
      if (r.queryCode !== null) headers['x-query-code'] = r.queryCode;
      if (r.body !== null && r.contentType) headers['content-type'] = r.contentType;
      if (r.body !== null && r.encoding) headers['content-encoding'] = r.encoding;
      const cut = (v: string) => (v.length > 200 ? `${v.slice(0, 200)}…(${v.length} chars)` : v);
      // fast-check prints a failing request with this: short enough to read, enough to replay.
      const shown = () => `${method} ${cut(url)} ${JSON.stringify(Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, cut(v)])))} body: ${r.body === null ? '-' : cut(r.body)}`;
      return { method, url, headers, body: r.body, [fc.toStringMethod]: shown };
    });
  }

  it.each(OPS.map((o) => [o.key, o] as const))('%s', async (_key, { method, path: template, op }) => {
    await fc.assert(
      fc.asyncProperty(requestOf(method, template, op), async (req) => {
        const res = await fetch(`${srv.url}${req.url}`, { method: req.method, headers: req.headers, body: req.body ?? undefined });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const problem = broken(res.status, res.headers.get('content-type'), text);
        if (problem) throw new Error(`→ ${problem}`);
      }),
      { numRuns: runsOf(`${method} ${template}`), seed: SEED, endOnFailure: true },
    );
  }, 120_000);

  it('walks real cases through their machine, races included, and every answer keeps its promises', async () => {
    await fc.assert(
      fc.asyncProperty(walkStep, async (step) => {
        const { sent, answers } = await walk(api, fx.walked, step);
        for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        const problems = answers.map((a) => broken(a.status, a.contentType, a.text)).filter((p) => p !== null);
        if (problems.length) throw new Error(`${sent} → ${problems.join('; ')}`);
        // The same action twice at once with the current version: exactly one may win.
        if (step.twice && step.version === 'current' && answers.filter((a) => a.status < 300).length > 1) throw new Error(`${sent}: both won`);
      }),
      { numRuns: Math.round((TOTAL * WALK_WEIGHT) / totalWeight), seed: SEED, endOnFailure: true },
    );
  }, 120_000);

  it('was not refused wholesale: some answers succeed, few are rate limits', () => {
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const ok = [...statuses].filter(([s]) => s < 300).reduce((a, [, n]) => a + n, 0);
    expect({ someSucceeded: ok > total / 20, fewRateLimited: (statuses.get(429) ?? 0) < total / 10 }).toEqual({ someSucceeded: true, fewRateLimited: true });
  });

  it('leaves the database consistent: seqs 1..n equal last_seq, nothing after a case closed, the outbox drained', async () => {
    const knex = srv.ctx.db.knex;
    await waitUntil('the outbox is drained', async () => Number((await knex('case_events').where('unpublished', true).count({ n: '*' }).first())?.n) === 0, 30_000);
    expect(await databaseInvariants(knex)).toEqual({ seqsNotOneToLastSeq: [], eventsAfterClosing: [], eventsFromClosedStates: [], closedWithoutClosedAt: [], lastEventNotCaseState: [] });
  });
});
