import { Api, buildCase, DEMO, fakeIdNumber, type ApiResponse } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

// Every error status of the API over real HTTP: stable codes, the field named, nothing written.

/** Asserts the error envelope: status and stable code, a message, nothing else at the top level. */
function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(Object.keys(res.body)).toEqual(['error']);
}

/** The fields a 422 names. */
function fieldsOf(res: ApiResponse): string[] {
  return (res.body.error.details?.issues ?? []).map((i: { field: string }) => i.field);
}

describe('error statuses over real HTTP', () => {
  let srv: TestServer;
  let api: Api;

  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());

  /** What a refused request must leave untouched: the row's version and last seq, and the history. */
  async function snapshotOf(caseNo: string) {
    const c = await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}`);
    const e = await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/events`);
    expect(c.status).toBe(200);
    expect(e.status).toBe(200);
    return { state: c.body.state, version: c.body.version, lastSeq: c.body.lastSeq, step: c.body.step, events: e.body.events };
  }

  /** How many cases this applicant ID number has in the database (the ID is unique per test). */
  async function casesFiledBy(idNumber: string): Promise<number> {
    const row = await srv.ctx.db.knex('cases').where({ applicant_id_number: idNumber }).count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  describe('liveness and the API description', () => {
    it('GET /health answers 200 with the database it uses', async () => {
      const res = await api.request('GET', '/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', database: expect.stringMatching(/^(sqlite|mysql)$/) });
    });

    it('GET /api/openapi.json describes POST /api/cases/{caseNo}/actions with the ActionBody schema', async () => {
      const res = await api.request('GET', '/api/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      const post = res.body.paths['/api/cases/{caseNo}/actions']?.post;
      expect(post).toBeDefined();
      expect(post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ActionBody' });
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '403', '404', '409', '422']));
      const schema = res.body.components.schemas.ActionBody;
      const variants: any[] = schema.oneOf ?? schema.anyOf;
      const types = variants.map((v) => v.properties.type.const ?? v.properties.type.enum?.[0]);
      expect(types).toEqual(expect.arrayContaining(['ACCEPT', 'REQUEST_MATERIALS', 'SUPPLY_MATERIALS', 'REFUSE', 'FORWARD', 'RETURN', 'START_SPECIAL', 'END_SPECIAL', 'EXTEND', 'APPROVE', 'DENY', 'ISSUE', 'DELIVER', 'WITHDRAW']));
      const forward = variants.find((v) => (v.properties.type.const ?? v.properties.type.enum?.[0]) === 'FORWARD');
      expect(forward.required).toEqual(expect.arrayContaining(['type', 'opinion']));
    });
  });

  describe('400 bad input', () => {
    it('answers broken JSON with 400 MALFORMED_JSON, never 500, and files nothing', async () => {
      const idNumber = fakeIdNumber();
      const raw = JSON.stringify(buildCase({ applicant: { name: '张三', idNumber, phone: '13812345678' } })).slice(0, -7);
      const res = await api.request('POST', '/api/cases', { raw, headers: { 'content-type': 'application/json' } });
      expectError(res, 400, 'MALFORMED_JSON');
      expect(await casesFiledBy(idNumber)).toBe(0);
    });

    it('answers broken JSON on an action with 400 MALFORMED_JSON and leaves the case alone', async () => {
      const filed = await api.file(buildCase());
      const before = await snapshotOf(filed.caseNo);
      const res = await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { raw: '{"type": "ACCEPT",', token: await api.token('clerk.village'), headers: { 'content-type': 'application/json' } });
      expectError(res, 400, 'MALFORMED_JSON');
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('answers a JSON array body with 400, not a validation of its elements', async () => {
      const res = await api.request('POST', '/api/cases', { body: [buildCase()] });
      expectError(res, 400, 'BAD_REQUEST');
    });

    it('answers a JSON scalar or null body with 400', async () => {
      for (const raw of ['"ACCEPT"', '42', 'null']) {
        const res = await api.request('POST', '/api/auth/login', { raw, headers: { 'content-type': 'application/json' } });
        expect({ raw, status: res.status, code: res.body?.error?.code }).toEqual({ raw, status: 400, code: expect.stringMatching(/^(BAD_REQUEST|MALFORMED_JSON)$/) });
      }
    });

    it('answers a body that is not JSON at all (no content type) with 400, not 500', async () => {
      const res = await api.request('POST', '/api/cases', { raw: 'itemCode=x&centreCode=y', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expectError(res, 400, 'BAD_REQUEST');
    });
  });

  describe('422 VALIDATION_FAILED names the field', () => {
    it('names applicant.idNumber for a bad ID number', async () => {
      const res = await api.request('POST', '/api/cases', { body: buildCase({ applicant: { name: '张三', idNumber: '12345', phone: '13812345678' } }) });
      expectError(res, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['applicant.idNumber']);
      expect(res.body.error.message).toContain('applicant.idNumber');
    });

    it('names centreCode for a centre code that is not 12 digits', async () => {
      const res = await api.request('POST', '/api/cases', { body: buildCase({ centreCode: '3303020060' }) });
      expectError(res, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['centreCode']);
    });

    it('names delivery.address when post is chosen without an address, and files nothing', async () => {
      const idNumber = fakeIdNumber();
      const res = await api.request('POST', '/api/cases', { body: buildCase({ applicant: { name: '张三', idNumber, phone: '13812345678' }, delivery: { mode: 'post' } }) });
      expectError(res, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['delivery.address']);
      expect(await casesFiledBy(idNumber)).toBe(0);
    });

    it('names every missing field of an empty object', async () => {
      const res = await api.request('POST', '/api/cases', { body: {} });
      expectError(res, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(expect.arrayContaining(['itemCode', 'centreCode', 'applicant']));
    });

    it('names opinion for a FORWARD without one, and leaves the case alone', async () => {
      const filed = await api.file(buildCase());
      expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
      const before = await snapshotOf(filed.caseNo);
      const res = await api.act('clerk.town', filed.caseNo, { type: 'FORWARD' });
      expectError(res, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['opinion']);
      const blank = await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '   ' });
      expectError(blank, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(blank)).toEqual(['opinion']);
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('names type for an unknown action type', async () => {
      const filed = await api.file(buildCase());
      const before = await snapshotOf(filed.caseNo);
      const res = await api.act('clerk.village', filed.caseNo, { type: 'TELEPORT', opinion: '直接办结' });
      expectError(res, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['type']);
      const none = await api.act('clerk.village', filed.caseNo, { opinion: '没有类型' });
      expectError(none, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(none)).toEqual(['type']);
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('refuses unknown extra fields on an action and names them', async () => {
      const filed = await api.file(buildCase());
      const before = await snapshotOf(filed.caseNo);
      const res = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', state: 'completed' });
      expectError(res, 422, 'VALIDATION_FAILED');
      expect(res.body.error.message).toContain('state');
      expect(res.body.error.details.issues).toHaveLength(1);
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('refuses unknown extra fields on filing, at the top level and inside applicant, and names them', async () => {
      const top = await api.request('POST', '/api/cases', { body: { ...buildCase(), caseNo: '20260101-000001' } });
      expect(fieldsOf(top)).toEqual(['caseNo']);
      expectError(top, 422, 'VALIDATION_FAILED');
      expect(top.body.error.message).toContain('caseNo');
      const nested = buildCase();
      const inner = await api.request('POST', '/api/cases', { body: { ...nested, applicant: { ...(nested.applicant as object), userId: 1 } } });
      expectError(inner, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(inner)).toEqual(['applicant.userId']);
      expect(inner.body.error.message).toContain('userId');
    });

    it('names expectedVersion when it is not a positive integer', async () => {
      const filed = await api.file(buildCase());
      const res = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', expectedVersion: '1' });
      expectError(res, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['expectedVersion']);
    });
  });

  describe('401 who are you', () => {
    it('answers GET of a case with no token and no query code with 401 UNAUTHENTICATED', async () => {
      const filed = await api.file(buildCase());
      expectError(await api.request('GET', `/api/cases/${filed.caseNo}`), 401, 'UNAUTHENTICATED');
      expectError(await api.request('GET', `/api/cases/${filed.caseNo}/events`), 401, 'UNAUTHENTICATED');
    });

    it('answers an action with no token and no query code with 401 UNAUTHENTICATED and changes nothing', async () => {
      const filed = await api.file(buildCase());
      const before = await snapshotOf(filed.caseNo);
      const res = await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'WITHDRAW' } });
      expectError(res, 401, 'UNAUTHENTICATED');
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('answers staff-only endpoints without a token with 401 UNAUTHENTICATED', async () => {
      expectError(await api.request('GET', '/api/queue'), 401, 'UNAUTHENTICATED');
      expectError(await api.request('GET', '/api/stats/overview'), 401, 'UNAUTHENTICATED');
      expectError(await api.request('GET', '/api/auth/me'), 401, 'UNAUTHENTICATED');
    });

    it('answers a garbage bearer token with 401 INVALID_TOKEN, even with a valid query code', async () => {
      const filed = await api.file(buildCase());
      expectError(await api.request('GET', '/api/queue', { token: 'not.a.jwt' }), 401, 'INVALID_TOKEN');
      const res = await api.request('GET', `/api/cases/${filed.caseNo}`, { token: 'garbage', headers: { 'x-query-code': filed.queryCode } });
      expectError(res, 401, 'INVALID_TOKEN');
      expectError(await api.request('GET', '/api/auth/me', { headers: { authorization: 'Basic YWRtaW46ZGVtbzEyMzQ=' } }), 401, 'INVALID_TOKEN');
    });

    it('answers a token signed with another secret with 401 INVALID_TOKEN', async () => {
      const jwt = await import('jsonwebtoken');
      const forged = jwt.default.sign({ role: 'admin' }, 'some-other-secret-0123456789', { subject: '1', expiresIn: 3600 });
      expectError(await api.request('GET', '/api/auth/me', { token: forged }), 401, 'INVALID_TOKEN');
    });

    it('answers a wrong password and an unknown user alike with 401 INVALID_CREDENTIALS', async () => {
      const wrong = await api.request('POST', '/api/auth/login', { body: { username: 'clerk.village', password: 'wrong-password' } });
      expectError(wrong, 401, 'INVALID_CREDENTIALS');
      expect(wrong.body.token).toBeUndefined();
      const nobody = await api.request('POST', '/api/auth/login', { body: { username: 'no.such.user', password: 'demo1234' } });
      expectError(nobody, 401, 'INVALID_CREDENTIALS');
      expect(nobody.body.error.message).toBe(wrong.body.error.message);
    });
  });

  describe('403 outside role or jurisdiction', () => {
    it('refuses a supervisor taking an action on a case they may see, and changes nothing', async () => {
      const filed = await api.file(buildCase());
      const before = await snapshotOf(filed.caseNo);
      const res = await api.act('supervisor.city', filed.caseNo, { type: 'ACCEPT' });
      expectError(res, 403, 'FORBIDDEN');
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('refuses an applicant holding the query code who tries to ACCEPT their own case, and changes nothing', async () => {
      const filed = await api.file(buildCase());
      const before = await snapshotOf(filed.caseNo);
      const res = await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'ACCEPT' }, headers: { 'x-query-code': filed.queryCode } });
      expectError(res, 403, 'FORBIDDEN');
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('refuses a clerk filing at another centre, and files nothing', async () => {
      const idNumber = fakeIdNumber();
      const res = await api.as('clerk.othertown', 'POST', '/api/cases', buildCase({ applicant: { name: '李四', idNumber, phone: '13812345678' } }));
      expectError(res, 403, 'FORBIDDEN');
      expect(await casesFiledBy(idNumber)).toBe(0);
      const town = await api.as('clerk.town', 'POST', '/api/cases', buildCase({ applicant: { name: '李四', idNumber, phone: '13812345678' } }));
      expectError(town, 403, 'FORBIDDEN');
      expect(await casesFiledBy(idNumber)).toBe(0);
    });

    it('refuses a non-admin writing a calendar year, and the year is not added', async () => {
      const body = { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] };
      for (const user of ['clerk.village', 'supervisor.city', 'reviewer.city']) {
        const res = await api.as(user, 'PUT', '/api/calendar/years/2027', body);
        expect({ user, status: res.status, code: res.body?.error?.code }).toEqual({ user, status: 403, code: 'FORBIDDEN' });
      }
      expectError(await api.request('PUT', '/api/calendar/years/2027', { body }), 401, 'UNAUTHENTICATED');
      const written = await srv.ctx.db.knex('calendar_years').whereIn('source', ['admin:clerk.village', 'admin:supervisor.city', 'admin:reviewer.city']).count({ n: '*' }).first();
      expect(Number(written?.n)).toBe(0);
    });

    it('refuses a non-admin importing the catalogue', async () => {
      const res = await api.request('POST', '/api/items/import', { raw: 'code,name\n', token: await api.token('clerk.village'), headers: { 'content-type': 'text/csv' } });
      expectError(res, 403, 'FORBIDDEN');
    });

    it('refuses an applicant the clerks’ queue and a clerk the supervisors’ overview', async () => {
      expectError(await api.as('applicant', 'GET', '/api/queue'), 403, 'FORBIDDEN');
      expectError(await api.as('clerk.village', 'GET', '/api/stats/overview'), 403, 'FORBIDDEN');
    });
  });

  describe('404 not found', () => {
    it('answers filing an unknown item code with 404 and files nothing', async () => {
      const idNumber = fakeIdNumber();
      const res = await api.request('POST', '/api/cases', { body: buildCase({ itemCode: '330300-XK-9999', applicant: { name: '王五', idNumber, phone: '13812345678' } }) });
      expectError(res, 404, 'NOT_FOUND');
      expect(res.body.error.message).toMatch(/item/i);
      expect(await casesFiledBy(idNumber)).toBe(0);
    });

    it('answers filing at an area code that has no service centre with 404', async () => {
      const res = await api.request('POST', '/api/cases', { body: buildCase({ centreCode: '330302006999' }) });
      expectError(res, 404, 'NOT_FOUND');
    });

    it('answers an unknown case with a token with 404 CASE_NOT_FOUND, for GET, events and actions', async () => {
      const no = '20000101-999999';
      expectError(await api.as('supervisor.city', 'GET', `/api/cases/${no}`), 404, 'CASE_NOT_FOUND');
      expectError(await api.as('supervisor.city', 'GET', `/api/cases/${no}/events`), 404, 'CASE_NOT_FOUND');
      expectError(await api.act('clerk.village', no, { type: 'ACCEPT' }), 404, 'CASE_NOT_FOUND');
    });

    it('answers an unknown route with 404 ROUTE_NOT_FOUND, under /api and outside it', async () => {
      expectError(await api.request('GET', '/api/no-such-thing'), 404, 'ROUTE_NOT_FOUND');
      expectError(await api.request('DELETE', '/api/cases'), 404, 'ROUTE_NOT_FOUND');
      expectError(await api.request('GET', '/no-such-page.html'), 404, 'ROUTE_NOT_FOUND');
    });

    it('answers an unknown item with 404 and a malformed case number with 400', async () => {
      expectError(await api.request('GET', '/api/items/330300-XK-9999'), 404, 'NOT_FOUND');
      expectError(await api.as('supervisor.city', 'GET', '/api/cases/not-a-case-number'), 400, 'BAD_REQUEST');
    });
  });

  describe('409 the case cannot take this now', () => {
    it('answers APPROVE while in acceptance review with 409 INVALID_TRANSITION, and changes nothing', async () => {
      const filed = await api.file(buildCase());
      const before = await snapshotOf(filed.caseNo);
      expect(before.state).toBe('acceptanceReview');
      const res = await api.act('clerk.village', filed.caseNo, { type: 'APPROVE', opinion: '准予许可' });
      expectError(res, 409, 'INVALID_TRANSITION');
      expect(res.body.error.details).toMatchObject({ state: 'acceptanceReview' });
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('answers the clerk of the right desk sending an action the state cannot take with 409 INVALID_TRANSITION', async () => {
      const filed = await api.file(buildCase());
      expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
      const before = await snapshotOf(filed.caseNo);
      expect(before.step).toMatchObject({ level: 'town', jurisdictionCode: DEMO.townCode });
      // At the town's review step: ACCEPT, ISSUE and END_SPECIAL are not what this state takes.
      for (const action of [{ type: 'ACCEPT' }, { type: 'ISSUE', licenceNo: 'YP0001' }, { type: 'END_SPECIAL' }]) {
        const res = await api.act('clerk.town', filed.caseNo, action);
        expect({ type: action.type, status: res.status, code: res.body?.error?.code }).toEqual({ type: action.type, status: 409, code: 'INVALID_TRANSITION' });
      }
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('answers a stale expectedVersion with 409 VERSION_CONFLICT naming both versions, and changes nothing', async () => {
      const filed = await api.file(buildCase());
      expect(filed.version).toBe(1);
      const req = await api.act('clerk.village', filed.caseNo, { type: 'REQUEST_MATERIALS', missing: ['场地平面图'], expectedVersion: 1 });
      expect(req.status).toBe(200);
      const supplied = await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'SUPPLY_MATERIALS', materials: ['场地平面图'] }, headers: { 'x-query-code': filed.queryCode } });
      expect(supplied.status).toBe(200);
      const before = await snapshotOf(filed.caseNo);
      expect(before.version).toBe(3);
      const res = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', expectedVersion: 1 });
      expectError(res, 409, 'VERSION_CONFLICT');
      expect(res.body.error.details).toEqual({ expectedVersion: 1, actualVersion: 3 });
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
      const fresh = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', expectedVersion: 3 });
      expect(fresh.status).toBe(200);
      expect(fresh.body.case.version).toBe(4);
    });

    it('answers a desk of the route acting while the case waits at another desk with 409, not 403', async () => {
      const filed = await api.file(buildCase());
      // Not yet at the town: the town clerk forwarding early is a state conflict.
      const early = await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '同意' });
      expectError(early, 409, 'INVALID_TRANSITION');
      expect((await snapshotOf(filed.caseNo)).version).toBe(1);
      expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', expectedVersion: 1 })).status).toBe(200);
      const before = await snapshotOf(filed.caseNo);
      // Moved on: the village clerk on an old screen gets a version conflict, without a version a state conflict.
      const stale = await api.act('clerk.village', filed.caseNo, { type: 'REQUEST_MATERIALS', missing: ['照片'], expectedVersion: 1 });
      expectError(stale, 409, 'VERSION_CONFLICT');
      expect(stale.body.error.details).toEqual({ expectedVersion: 1, actualVersion: 2 });
      const late = await api.act('clerk.village', filed.caseNo, { type: 'REFUSE', reasons: '材料不全', rightsNotice: '可申请行政复议' });
      expectError(late, 409, 'INVALID_TRANSITION');
      expect(late.body.error.details).toMatchObject({ state: 'review', step: { level: 'town' } });
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('answers an expectedVersion from the future with 409 VERSION_CONFLICT', async () => {
      const filed = await api.file(buildCase());
      const res = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', expectedVersion: 99 });
      expectError(res, 409, 'VERSION_CONFLICT');
      expect((await snapshotOf(filed.caseNo)).version).toBe(1);
    });
  });

  describe('413 and 422 NOT_ACCEPTED_HERE', () => {
    it('answers a body over 100kb with 413 PAYLOAD_TOO_LARGE and files nothing', async () => {
      const idNumber = fakeIdNumber();
      const body = buildCase({ applicant: { name: '张三', idNumber, phone: '13812345678' }, padding: 'x'.repeat(101 * 1024) });
      const res = await api.request('POST', '/api/cases', { body });
      expectError(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(await casesFiledBy(idNumber)).toBe(0);
    });

    it('answers an oversize action body with 413 and leaves the case alone', async () => {
      const filed = await api.file(buildCase());
      const before = await snapshotOf(filed.caseNo);
      const res = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: '同意'.repeat(30_000) });
      expectError(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(await snapshotOf(filed.caseNo)).toEqual(before);
    });

    it('refuses a non-linked county item filed at a village centre with 422 NOT_ACCEPTED_HERE, and files nothing', async () => {
      const list = await api.request('GET', '/api/items?linked=false&level=county&pageSize=100');
      expect(list.status).toBe(200);
      const item = list.body.items.find((i: any) => i.linked === false && !i.acceptLevels.includes('village'));
      expect(item).toBeDefined();
      const idNumber = fakeIdNumber();
      const res = await api.request('POST', '/api/cases', { body: buildCase({ itemCode: item.code, applicant: { name: '赵六', idNumber, phone: '13812345678' } }) });
      expectError(res, 422, 'NOT_ACCEPTED_HERE');
      expect(res.body.error.message).toContain('village');
      expect(await casesFiledBy(idNumber)).toBe(0);
    });
  });

  describe('query codes: no existence oracle', () => {
    it('answers a wrong query code and an unknown case number with the same 404 CASE_NOT_FOUND', async () => {
      const filed = await api.file(buildCase());
      const wrongCode = await api.request('GET', `/api/cases/${filed.caseNo}`, { headers: { 'x-query-code': 'ZZZZ2222' } });
      const unknownCase = await api.request('GET', '/api/cases/20000101-999998', { headers: { 'x-query-code': filed.queryCode } });
      expectError(wrongCode, 404, 'CASE_NOT_FOUND');
      expect(unknownCase).toEqual(wrongCode);
      const right = await api.request('GET', `/api/cases/${filed.caseNo}`, { headers: { 'x-query-code': filed.queryCode.toLowerCase() } });
      expect(right.status).toBe(200);
      expect(right.body.caseNo).toBe(filed.caseNo);
    });
  });
});

describe('rate limiting of query-code lookups (limit 3)', () => {
  let srv: TestServer;
  let api: Api;

  beforeAll(async () => {
    srv = await startTestServer({ env: { QUERY_CODE_MAX_FAILURES: '3' } });
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());

  it('does not count successful lookups, answers the 4th wrong code with 429 RATE_LIMITED, then locks the caller out', async () => {
    const filed = await api.file(buildCase());
    const other = await api.file(buildCase());
    const byCode = (caseNo: string, code: string) => api.request('GET', `/api/cases/${caseNo}`, { headers: { 'x-query-code': code } });
    // Successes are never counted: more of them than the limit all pass.
    for (let i = 0; i < 5; i++) expect((await byCode(filed.caseNo, filed.queryCode)).status).toBe(200);
    // Three failures are allowed, and answered like any unknown case.
    for (const [caseNo, code] of [[filed.caseNo, 'AAAA2222'], [other.caseNo, filed.queryCode], ['20000101-999997', 'BBBB3333']] as const) {
      expectError(await byCode(caseNo, code), 404, 'CASE_NOT_FOUND');
    }
    const fourth = await byCode(filed.caseNo, 'CCCC4444');
    expectError(fourth, 429, 'RATE_LIMITED');
    // Failures are counted per client, not per code: once limited, even the right code waits out the window.
    expectError(await byCode(filed.caseNo, filed.queryCode), 429, 'RATE_LIMITED');
    expectError(await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'WITHDRAW' }, headers: { 'x-query-code': filed.queryCode } }), 429, 'RATE_LIMITED');
    expect((await api.as('supervisor.city', 'GET', `/api/cases/${filed.caseNo}`)).body.state).toBe('acceptanceReview');
  });

  it('does not limit logged-in staff, who never present a query code', async () => {
    const filed = await api.file(buildCase());
    for (let i = 0; i < 5; i++) {
      expectError(await api.as('clerk.village', 'GET', '/api/cases/20000101-999996'), 404, 'CASE_NOT_FOUND');
    }
    const res = await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`);
    expect(res.status).toBe(200);
  });
});
