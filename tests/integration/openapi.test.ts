import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Express } from 'express';
import { DEMO } from '../../db/seed/users';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { Api } from '../helpers/api';

/*
 * GET /api/openapi.json: it passes Redocly's recommended rules (redocly.yaml)
 * with no error and no warning, it describes exactly the routes the app
 * serves under /api, and what it says about who may call an operation is
 * what the server does.
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Problem {
  rule: string;
  severity: string;
  message: string;
  at?: string;
}

/** Lints with @redocly/openapi-core in a plain Node process (the library is ESM only). */
function lint(doc: unknown): Problem[] {
  const script = path.resolve(__dirname, '../helpers/lintOpenApi.mjs');
  const run = spawnSync(process.execPath, [script], { input: JSON.stringify(doc), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the linter failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Problem[];
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string | string[];
}

/** Every "METHOD /path" the Express app routes, with mounts resolved and :params written {params}. */
function routesOf(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const p of [layer.route.path].flat()) {
          for (const m of Object.keys(layer.route.methods)) if (m !== '_all') out.push(`${m} ${join(prefix, p)}`);
        }
      } else if (layer.handle.stack) {
        const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '/';
        walk(layer.handle.stack, join(prefix, mount));
      }
    }
  };
  const join = (a: string, b: string) => `${a.replace(/\/$/, '')}${b === '/' ? '' : b}`.replace(/:(\w+)/g, '{$1}') || '/';
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}

describe('the OpenAPI description', () => {
  let srv: TestServer;
  let api: Api;
  let doc: any;

  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
    const res = await api.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => srv.close());

  const operations = () =>
    Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([p, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ method: m, path: p, op: item[m] })),
    );

  it('passes Redocly’s recommended rules with no error and no warning', () => {
    expect(lint(doc)).toEqual([]);
  });

  it('the linter does report what it should (a description without servers and an operationId)', () => {
    const broken = structuredClone(doc);
    delete broken.servers;
    delete broken.paths['/api/queue'].get.operationId;
    const rules = lint(broken).map((p) => `${p.severity} ${p.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['error no-empty-servers', 'warn operation-operationId']));
  });

  it('describes every route the app serves under /api, and no other', () => {
    const served = routesOf(srv.running.app).filter((r) => / \/api\//.test(r));
    const described = operations()
      .filter((o) => o.path.startsWith('/api/'))
      .map((o) => `${o.method} ${o.path}`);
    expect(served.length).toBeGreaterThan(20);
    expect([...new Set(served)].sort()).toEqual([...new Set(described)].sort());
  });

  it('gives every operation a unique operationId and a security requirement', () => {
    const ids = operations().map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { op } of operations()) expect(Array.isArray(op.security)).toBe(true);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'queryCode']);
    expect(doc.components.securitySchemes.queryCode).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Query-Code' });
  });

  it('tells the truth about security: an operation that needs credentials answers 401 without them, a public one does not', async () => {
    const sample: Record<string, string> = { caseNo: '20261127-000001', code: DEMO.cityItemCode, id: '1', year: '2030' };
    const seen: { op: string; anonymous: boolean; status: number; documented: boolean }[] = [];
    for (const { method, path: p, op } of operations()) {
      const url = p.replace(/\{(\w+)\}/g, (_m, name: string) => sample[name]!);
      const anonymous = op.security.length === 0 || op.security.some((r: object) => Object.keys(r).length === 0);
      const res = await api.request(method.toUpperCase(), url, method === 'get' ? {} : { body: {} });
      seen.push({ op: op.operationId, anonymous, status: res.status, documented: res.status < 400 || String(res.status) in op.responses });
    }
    expect(seen.filter((s) => (s.anonymous ? s.status === 401 : s.status !== 401))).toEqual([]);
    // And whatever error it answered is one the description lists.
    expect(seen.filter((s) => !s.documented)).toEqual([]);
  });
});
