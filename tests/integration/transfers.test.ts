import { Api } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { agreementBody, newOrg, orgIn } from '../helpers/transfersFactories';

/*
 * The function-transfer list (职能转移, docs/transfers.md) over real HTTP on
 * the seeded database: the seed report's figures counted from rows, the
 * directories and agreements, the administrator recording an agreement and
 * an annual evaluation whose consequence the command applies.
 */
describe('function transfers (职能转移)', () => {
  const api = new Api('');
  let srv: TestServer;
  const figures = async () => (await api.request('GET', '/api/transfers?pageSize=1')).body.figures;

  beforeAll(async () => {
    srv = await startTestServer({ now: () => new Date('2026-12-04T02:00:00Z') });
    api.baseUrl = srv.url;
  }, 60_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('answers the seed report’s figures, counted from the rows', async () => {
    const res = await api.request('GET', '/api/transfers');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(252);
    expect(res.body.functions).toHaveLength(20);
    expect(res.body.figures).toMatchObject({ functions: 252, units: 50, planFunctions: 216, planUnits: 41, agreements: 141, agreementUnits: 22 });
    expect(res.body.figures.organisations.total).toBe(110);
    const units = (await api.request('GET', '/api/transfers/units')).body.units as { functions: number; agreements: number }[];
    expect(units).toHaveLength(50);
    expect(units.reduce((s, u) => s + u.functions, 0)).toBe(252);
    expect(units.filter((u) => u.agreements > 0)).toHaveLength(22);
    const services = await api.request('GET', '/api/transfers/services?pageSize=100');
    expect(services.body.total).toBe(res.body.figures.services);
  });

  it('filters the functions by unit, category and words, and refuses a bad filter with 400', async () => {
    const commerce = await api.request('GET', '/api/transfers?unit=ZY002&pageSize=100');
    expect(commerce.body.total).toBe(7);
    expect(new Set(commerce.body.functions.map((f: { unit: { name: string } }) => f.unit.name))).toEqual(new Set(['温州市商务局']));
    const named = await api.request('GET', `/api/transfers?q=${encodeURIComponent('反国际贸易壁垒')}`);
    expect(named.body.functions).toEqual([expect.objectContaining({ code: 'ZNZY-002-01', organisation: expect.objectContaining({ name: '温州市鞋革行业协会' }) })]);
    const survey = await api.request('GET', '/api/transfers?category=survey&pageSize=100');
    expect(survey.body.functions.every((f: { category: string }) => f.category === 'survey')).toBe(true);
    const bad = await api.request('GET', '/api/transfers?category=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
  });

  it('lists the agreements with their parties, term, money and deliverables', async () => {
    const all = await api.request('GET', '/api/transfers/agreements');
    expect(all.body.total).toBe(141);
    const a = all.body.agreements[0];
    expect(a).toMatchObject({ unit: { code: expect.any(String), name: expect.any(String) }, organisation: { id: expect.any(Number) }, function: { code: expect.any(String) } });
    expect(a.amountYuan).toBeGreaterThan(0);
    expect(a.deliverables.length).toBeGreaterThan(0);
    expect(typeof a.running).toBe('boolean');
    const ofUnit = await api.request('GET', '/api/transfers/agreements?unit=ZY002');
    expect(ofUnit.body.total).toBe(7);
  });

  it('lets the administrator record an agreement, counted at once, and nobody else', async () => {
    const before = await figures();
    const body = agreementBody();
    expect((await api.as('supervisor.city', 'POST', '/api/transfers/agreements', body)).status).toBe(403);
    expect((await api.request('POST', '/api/transfers/agreements', { body })).status).toBe(401);
    const made = await api.as('admin', 'POST', '/api/transfers/agreements', body);
    expect(made.status).toBe(201);
    expect(made.body.agreement).toMatchObject({ agreementNo: body.agreementNo, unit: { code: 'ZY002' }, function: { code: 'ZNZY-002-01' }, organisation: { id: 1 }, amountYuan: 120000, running: true, renewable: true });
    expect((await figures()).agreements).toBe(before.agreements + 1);
    const event = await srv.ctx.db.knex('aggregate_events').where({ aggregate: 'transferAgreement', aggregate_id: made.body.agreement.id }).first();
    expect(event).toMatchObject({ type: 'RECORD', seq: 1, to_state: 'recorded' });
    const again = await api.as('admin', 'POST', '/api/transfers/agreements', body);
    expect([again.status, again.body.error.code]).toEqual([409, 'TRANSFER_AGREEMENT_NO_TAKEN']);
  });

  it('refuses an agreement for another unit’s function, an unknown reference or a term that ends first', async () => {
    const notOwn = await api.as('admin', 'POST', '/api/transfers/agreements', agreementBody({ functionCode: 'ZNZY-001-01' }));
    expect([notOwn.status, notOwn.body.error.code]).toEqual([422, 'TRANSFER_FUNCTION_NOT_OF_UNIT']);
    const unknown = await api.as('admin', 'POST', '/api/transfers/agreements', agreementBody({ organisationId: 999999 }));
    expect([unknown.status, unknown.body.error.code, unknown.body.error.details.field]).toEqual([422, 'TRANSFER_REFERENCE_UNKNOWN', 'organisationId']);
    const term = await api.as('admin', 'POST', '/api/transfers/agreements', agreementBody({ termTo: '2025-01-01' }));
    expect([term.status, term.body.error.code]).toEqual([422, 'VALIDATION_FAILED']);
  });

  it('puts an organisation graded basic on probation, refuses it new agreements, and restores it on a pass', async () => {
    const org = await newOrg(srv.ctx.db.knex);
    const basic = await api.as('admin', 'POST', `/api/transfers/organisations/${org.id}/evaluations`, { year: 2025, score: 66, notes: '台账不全' });
    expect(basic.status).toBe(201);
    expect(basic.body.evaluation).toMatchObject({ year: 2025, score: 66, grade: 'basic', consequence: 'probation', stateAfter: 'probation' });
    expect(basic.body.organisation).toMatchObject({ state: 'probation', maySign: false, inDirectory: true });
    const refused = await api.as('admin', 'POST', '/api/transfers/agreements', agreementBody({ organisationId: org.id }));
    expect([refused.status, refused.body.error.code, refused.body.error.details.state]).toEqual([409, 'TRANSFER_ORG_NOT_QUALIFIED', 'probation']);
    const pass = await api.as('admin', 'POST', `/api/transfers/organisations/${org.id}/evaluations`, { year: 2026, score: 85 });
    expect(pass.body.evaluation).toMatchObject({ grade: 'pass', consequence: 'restored', stateAfter: 'qualified' });
    expect((await api.as('admin', 'POST', '/api/transfers/agreements', agreementBody({ organisationId: org.id }))).status).toBe(201);
    const twice = await api.as('admin', 'POST', `/api/transfers/organisations/${org.id}/evaluations`, { year: 2026, score: 95 });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'TRANSFER_ALREADY_EVALUATED']);
    const older = await api.as('admin', 'POST', `/api/transfers/organisations/${org.id}/evaluations`, { year: 2024, score: 95 });
    expect([older.status, older.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('removes a failing organisation from the directory: its agreements are not renewable, and it takes no more evaluations', async () => {
    const org = await orgIn(srv.ctx.db.knex, 'qualified', 2026);
    const before = await figures();
    const fail = await api.as('admin', 'POST', `/api/transfers/organisations/${org.id}/evaluations`, { year: 2026, score: 48, notes: '未按协议交付' });
    expect(fail.body.evaluation).toMatchObject({ grade: 'fail', consequence: 'removed', stateAfter: 'removed' });
    expect(fail.body.organisation).toMatchObject({ state: 'removed', inDirectory: false, removedOn: '2026-12-04' });
    const after = await figures();
    expect(after.organisations.removed).toBe(before.organisations.removed + 1);
    expect(after.organisations.qualified).toBe(before.organisations.qualified - 1);
    const page = await api.request('GET', `/api/transfers/organisations/${org.id}`);
    expect(page.body.evaluations.at(-1)).toMatchObject({ year: 2026, consequence: 'removed' });
    expect(page.body.agreements.every((a: { renewable: boolean }) => a.renewable === false)).toBe(true);
    const later = await api.as('admin', 'POST', `/api/transfers/organisations/${org.id}/evaluations`, { year: 2027, score: 99 });
    expect([later.status, later.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const events = await srv.ctx.db.knex('aggregate_events').where({ aggregate: 'transferOrg', aggregate_id: org.id }).orderBy('seq');
    expect(events.map((e: { type: string; to_state: string }) => [e.type, e.to_state])).toEqual([['EVALUATE', 'removed']]);
  });

  it('lets one of two racing evaluations of the same year in, and one of two agreements with the same number', async () => {
    const org = await newOrg(srv.ctx.db.knex);
    const evals = await Promise.all([80, 50].map((score) => api.as('admin', 'POST', `/api/transfers/organisations/${org.id}/evaluations`, { year: 2026, score })));
    expect(evals.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(evals.find((r) => r.status === 409)!.body.error.code).toBe('TRANSFER_ALREADY_EVALUATED');
    const stored = await srv.ctx.db.knex('transfer_evaluations').where({ org_id: org.id });
    expect(stored).toHaveLength(1);
    const body = agreementBody({ organisationId: (await newOrg(srv.ctx.db.knex)).id });
    const made = await Promise.all([0, 1].map(() => api.as('admin', 'POST', '/api/transfers/agreements', body)));
    expect(made.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(made.find((r) => r.status === 409)!.body.error.code).toBe('TRANSFER_AGREEMENT_NO_TAKEN');
  });

  it('shows the seeded consequences: organisations removed and on probation by their evaluations', async () => {
    const removed = await api.request('GET', '/api/transfers/organisations?state=removed');
    expect(removed.body.total).toBeGreaterThan(0);
    const one = await api.request('GET', `/api/transfers/organisations/${removed.body.organisations[0].id}`);
    expect(one.body.evaluations.at(-1).consequence).toBe('removed');
    const probation = await api.request('GET', '/api/transfers/organisations?state=probation');
    expect(probation.body.organisations.every((o: { lastEvaluation: { consequence: string } }) => o.lastEvaluation.consequence === 'probation')).toBe(true);
    expect((await api.request('GET', '/api/transfers/organisations/999999')).body.error.code).toBe('TRANSFER_ORG_NOT_FOUND');
    expect((await api.as('supervisor.city', 'POST', '/api/transfers/organisations/1/evaluations', { year: 2030, score: 90 })).status).toBe(403);
  });
});
