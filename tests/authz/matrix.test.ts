import { ACTION_TYPES, type ActionType } from '../../workflows/caseEvents';
import { Api, buildCase, DEMO, type ApiResponse } from '../helpers/api';
import { highLimits } from '../helpers/highLimits';
import { buildServiceItem } from '../helpers/marketFactories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { registeredRoutes } from './expressRoutes';
import { marketFixtures } from './marketFixtures';
import { MISSING_PROJECT_CODE, projectBoardFixtures } from './projectBoardFixtures';
import { proxyFixtures } from './proxyFixtures';
import { ratingsFixtures } from './ratingsFixtures';
import { projectFixtures } from './projectFixtures';
import { AREAS, caseAt, closedCase, inBatches, otherCase, type CaseHandle } from './fixtures';
import { isUser, judgeHttp, notAtOwnDesk, outsideJurisdiction, type Me } from './judge';
import { ACTION_MISSING, ACTION_OTHER, ACTIONS, CLOSED, NA, NF, OK, PRINCIPALS, REST, type Grid, type Principal, type Row } from './matrix';
import { agencyRegistration, PROBES, type Probe, type Target } from './probes';
import { socketMatrix } from './socketMatrix';

type Scope = 'own' | 'other' | 'missing' | 'closed';

describe('the authorisation matrix (tests/authz/matrix.ts)', () => {
  let srv: TestServer;
  const api = new Api('');
  const me = new Map<Principal, Me>();
  /** The case every read is tried on (at the village's acceptance), one outside 鹿城区, one withdrawn. */
  const cases = {} as { base: CaseHandle; other: CaseHandle; closed: CaseHandle };
  /** Per action type: a case for the refusals, then one fresh case for each principal that may act. */
  const forAction = new Map<ActionType, CaseHandle[]>();
  let editableUser = 0;
  let licenceId = "";
  let postCheckId = 0;
  let certificateId = 0;
  let agencyId = 0;
  let marketOrderId = 0;
  let marketServiceItem = '';
  let market = { orderId: 0, agencyId: 0, ratingId: 0, complaintId: 0 };
  let projectCode = '';
  let proxyOrderNo = '';
  let projects = { code: '', cancelCode: '' };
  let ratings = { caseNo: '', rectificationId: 0 };

  beforeAll(async () => {
    srv = await startTestServer({ env: highLimits('authz') });
    api.baseUrl = srv.url;
    await inBatches(PRINCIPALS.filter(isUser), 4, async (p) => {
      const res = await api.as(p, 'GET', '/api/auth/me');
      if (res.status !== 200) throw new Error(`${p}: /api/auth/me → ${res.status}`);
      me.set(p, res.body.user);
    });
    cases.base = await caseAt(api, 'acceptance');
    cases.other = await otherCase(api);
    cases.closed = await closedCase(api);
    const made = await api.as('admin', 'POST', '/api/users', { username: `authz.target.${process.pid}.${Date.now()}`, displayName: '授权矩阵被编辑者', password: 'matrix-1234', role: 'intermediary', jurisdictionCode: '330300000000' });
    if (made.status !== 201) throw new Error(`creating the account to edit: ${made.status} ${JSON.stringify(made.body)}`);
    editableUser = made.body.id;
    // An e-licence issued by 温州市 market (reviewer.city) to `applicant`: the licence routes' target.
    const issued = await caseAt(api, 'issued');
    licenceId = (await api.as('applicant', 'GET', `/api/cases/${issued.caseNo}/licence`)).body.id;
    if (!licenceId) throw new Error('no e-licence for the matrix');
    // A commitment in place of a proof: its post-check task at 温州市 market is the post-check routes' target.
    await api.file(buildCase({ commitments: [{ proof: '经营场所使用证明', signed: true }] }), 'applicant');
    postCheckId = (await api.as('applicant', 'GET', '/api/me/commitments')).body.commitments[0]?.postCheck.id;
    if (!postCheckId) throw new Error('no post-check for the matrix');
    // A certificate request of `applicant` waiting at 安澜社区: the certificate routes' target.
    const asked = await api.as('applicant', 'POST', '/api/certificates', { kindCode: 'JZZM', villageCode: DEMO.villageCode, purpose: '授权矩阵' });
    if (asked.status !== 201) throw new Error(`requesting the matrix's certificate: ${asked.status} ${JSON.stringify(asked.body)}`);
    certificateId = asked.body.certificate.id;
    // A market agency's registration pending review: the agency routes' target.
    const registered = await api.request('POST', '/api/market/agencies', { body: agencyRegistration(`authz.agency.${process.pid}`) });
    if (registered.status !== 201) throw new Error(`registering the matrix's agency: ${registered.status} ${JSON.stringify(registered.body)}`);
    agencyId = registered.body.agency.id;
    // A purchase order of `applicant` (鹿城区), approved by the 温州市 centre and open to sign-up: the market order routes' target.
    marketServiceItem = (await buildServiceItem(srv.ctx.db.knex)).code;
    const posted = await api.as('applicant', 'POST', '/api/market/orders', { serviceItemCode: marketServiceItem, title: '授权矩阵订单', content: '授权矩阵订单内容', budgetMin: 1, budgetMax: 10, method: 'random', signupDeadline: new Date(Date.now() + 86_400_000).toISOString(), selectionAt: new Date(Date.now() + 90_000_000).toISOString(), serviceDays: 5 });
    if (posted.status !== 201) throw new Error(`posting the matrix's market order: ${posted.status} ${JSON.stringify(posted.body)}`);
    marketOrderId = posted.body.order.id;
    const approved = await api.as('clerk.city', 'POST', `/api/market/orders/${marketOrderId}/actions`, { type: 'APPROVE' });
    if (approved.status !== 200) throw new Error(`approving the matrix's market order: ${approved.status} ${JSON.stringify(approved.body)}`);
    market = await marketFixtures(api, srv.ctx.db.knex);
    projectCode = (await projectBoardFixtures(srv.ctx.db.knex)).projectCode;
    // A proxy order of `applicant` dispatched to `agent`, not yet answered: the proxy order routes' target.
    proxyOrderNo = (await proxyFixtures(api)).orderNo;
    projects = await projectFixtures(api);
    ratings = await ratingsFixtures(api);
    const plan = ACTION_TYPES.flatMap((t) => Array.from({ length: 1 + ACTIONS[t].own.filter((o) => o === OK).length }, () => t));
    const handles = await inBatches(plan, 4, (t) => caseAt(api, ACTIONS[t].stage));
    plan.forEach((t, i) => forAction.set(t, [...(forAction.get(t) ?? []), handles[i]!]));
  }, 180_000);
  afterAll(() => srv?.close());

  /** A request as the principal: a token for users; the query code it holds for `queryCode`. */
  async function send(p: Principal, method: string, probe: Probe, queryCode: string): Promise<ApiResponse> {
    const headers = { ...probe.headers, ...(p === 'queryCode' ? { 'x-query-code': queryCode } : {}) };
    const token = isUser(p) ? await api.token(p) : undefined;
    return api.request(method, probe.path, { body: probe.body, raw: probe.raw, token, headers });
  }

  const target = (scope: Scope, caseNo: string): Target => ({
    caseNo,
    area: scope === 'other' ? AREAS.otherCounty : undefined,
    centre: scope === 'other' ? AREAS.otherCentre : AREAS.ownCentre,
    userId: editableUser,
    licenceId,
    postCheckId,
    certificateId,
    agencyId,
    marketOrderId,
    marketServiceItem,
    market,
    projectCode: scope === 'missing' ? MISSING_PROJECT_CODE : projectCode,
    proxyOrderNo,
    projects,
    ratings,
  });

  /** Case version as a supervisor of the whole city sees it: refusals must leave cases untouched. */
  const version = async (c: CaseHandle) => (await api.as('supervisor.city', 'GET', `/api/cases/${c.caseNo}`)).body.version as number;

  /** Out-of-jurisdiction answers exactly like a missing case (issue 8, item 9): same status, same body. */
  function sameAsMissing(row: { other?: Grid; missing?: Grid }, answers: Map<string, ApiResponse>, failures: string[]) {
    PRINCIPALS.forEach((p, i) => {
      if (row.other?.[i] !== NF || row.missing?.[i] !== NF) return;
      const a = answers.get(`${p} other`);
      const b = answers.get(`${p} missing`);
      if (a && b && JSON.stringify(a.body) !== JSON.stringify(b.body)) failures.push(`${p}: other ${JSON.stringify(a.body)} ≠ missing ${JSON.stringify(b.body)}`);
    });
  }

  it('has a row for every route Express serves, every action type and every socket event', async () => {
    const routes = await registeredRoutes(srv.ctx);
    const rows = Object.keys(REST);
    const description = await api.request('GET', '/api/openapi.json');
    const described = Object.entries(description.body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect({
      routesWithoutRow: routes.filter((r) => !rows.includes(r)),
      // A row may try one route a second way: 'POST /api/cases (acceptNow)' is POST /api/cases with a counter filing.
      rowsWithoutRoute: rows.filter((r) => !routes.includes(r.replace(/ \(.*\)$/, ''))),
      rowsWithoutProbe: rows.filter((r) => REST[r] !== 'actions' && !PROBES[r]),
      describedButNotServed: described.filter((d) => !routes.includes(d)),
      actionTypesWithoutRow: ACTION_TYPES.filter((t) => !ACTIONS[t]),
      rowsWithoutActionType: Object.keys(ACTIONS).filter((t) => !(ACTION_TYPES as readonly string[]).includes(t)),
    }).toEqual({ routesWithoutRow: [], rowsWithoutRoute: [], rowsWithoutProbe: [], describedButNotServed: [], actionTypesWithoutRow: [], rowsWithoutActionType: [] });
  });

  const restRows = Object.entries(REST).filter((e): e is [string, Row] => e[1] !== 'actions');
  it.each(restRows.map(([key]) => key))('%s', async (key) => {
    const row = REST[key] as Row;
    const method = key.split(' ')[0]!;
    const failures: string[] = [];
    const answers = new Map<string, ApiResponse>();
    const scopes = (['own', 'other', 'missing'] as const).filter((s) => row[s]);
    const caseOf = { own: cases.base.caseNo, other: cases.other.caseNo, missing: AREAS.missingCaseNo };
    await Promise.all(
      scopes.flatMap((scope) =>
        PRINCIPALS.map(async (p, i) => {
          const expected = row[scope]![i]!;
          if (expected === NA) return;
          const res = await send(p, method, PROBES[key]!(target(scope, caseOf[scope])), cases.base.queryCode);
          answers.set(`${p} ${scope}`, res);
          const wrong = judgeHttp(expected, res);
          if (wrong) return failures.push(`${p} (${scope}): ${wrong}`);
          if (res.status !== 200 || !row.content || !me.has(p)) return;
          const listed = row.content === 'ownDesk' ? notAtOwnDesk(me.get(p)!, res.body.cases) : outsideJurisdiction(me.get(p)!, res.body.cases);
          if (listed.length) failures.push(`${p} (${scope}) lists ${listed.join('; ')}`);
        }),
      ),
    );
    sameAsMissing(row, answers, failures);
    expect(failures.sort()).toEqual([]);
  });

  it.each([...ACTION_TYPES])('POST /api/cases/:caseNo/actions %s', async (type) => {
    const row = ACTIONS[type];
    const [probeCase, ...actors] = forAction.get(type)!;
    const body = { type, ...row.body };
    const untouched = [probeCase!, cases.other, cases.closed];
    const before = await Promise.all(untouched.map(version));
    const failures: string[] = [];
    const answers = new Map<string, ApiResponse>();
    const closed = CLOSED(row.own);
    let next = 0;
    const tries = PRINCIPALS.flatMap((p, i) => {
      const own = row.own[i]!;
      const ownCase = own === OK ? actors[next++]! : probeCase!;
      return [
        { p, scope: 'own', expected: own, caseNo: ownCase.caseNo, code: ownCase.queryCode },
        { p, scope: 'other', expected: ACTION_OTHER[i]!, caseNo: cases.other.caseNo, code: probeCase!.queryCode },
        { p, scope: 'missing', expected: ACTION_MISSING[i]!, caseNo: AREAS.missingCaseNo, code: probeCase!.queryCode },
        { p, scope: 'closed', expected: closed[i]!, caseNo: cases.closed.caseNo, code: cases.closed.queryCode },
      ];
    });
    await Promise.all(
      tries.map(async ({ p, scope, expected, caseNo, code }) => {
        if (expected === NA) return;
        const res = await send(p, 'POST', { path: `/api/cases/${caseNo}/actions`, body }, code);
        answers.set(`${p} ${scope}`, res);
        const wrong = judgeHttp(expected, res) ?? (expected === OK && res.body?.event?.type !== type ? `no ${type} event in ${JSON.stringify(res.body)}` : null);
        if (wrong) failures.push(`${p} (${scope}): ${wrong}`);
      }),
    );
    sameAsMissing({ other: ACTION_OTHER, missing: ACTION_MISSING }, answers, failures);
    const after = await Promise.all(untouched.map(version));
    expect({ failures: failures.sort(), refusalsChangedNothing: after }).toEqual({ failures: [], refusalsChangedNothing: before });
  });

  describe('over sockets', () => {
    socketMatrix(() => ({ srv, api, me, cases }));
  });
});
