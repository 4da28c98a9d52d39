import crypto from 'node:crypto';
import pino from 'pino';
import { Api, buildCase, DEMO, fakeIdNumber, fakeUscc } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { backfillSearchHashes } from '../../server/search/backfill';

/*
 * GET /api/cases?q=: staff find a case by its number, a name, or a whole
 * personal number (ID number, USCC, phone; the applicant's or the agent's),
 * matched through a keyed hash, never beyond what the case policy lets the
 * viewer see.
 */
const tag = crypto.randomBytes(3).toString('hex');
const phoneOf = (n: number) => `139${String(Date.now() % 1e7).padStart(7, '0')}${n}`.slice(0, 11);

describe('GET /api/cases?q=: staff search', () => {
  let srv: TestServer;
  let api: Api;
  const person = { name: `搜索甲${tag}`, idNumber: fakeIdNumber(), phone: phoneOf(1) };
  const org = { type: 'organisation', name: `温州搜索药房${tag}有限公司`, uscc: fakeUscc(), legalRepresentative: `法人乙${tag}`, phone: phoneOf(2) };
  const agent = { name: `代理丙${tag}`, idNumber: fakeIdNumber(), phone: phoneOf(3) };
  const farIdNumber = fakeIdNumber();
  const healthIdNumber = fakeIdNumber();
  let a: any; // a person at the demo village (market item)
  let b: any; // a company through an agent, same village
  let far: any; // a person in another county (瑞安市)
  let health: any; // the health department's item, same village

  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
    a = await api.file(buildCase({ applicant: person }));
    b = await api.file(buildCase({ applicant: org, agent, materials: ['申请书', '营业执照', '授权委托书'] }));
    far = await api.file(buildCase({ centreCode: DEMO.otherTownCode, applicant: { name: `搜索丁${tag}`, idNumber: farIdNumber, phone: phoneOf(4) } }));
    health = await api.file(buildCase({ itemCode: DEMO.otherItemCode, applicant: { name: `搜索戊${tag}`, idNumber: healthIdNumber, phone: phoneOf(5) } }));
  });
  afterAll(() => srv.close());

  const search = (user: string, q: string, more = '') => api.as(user, 'GET', `/api/cases?q=${encodeURIComponent(q)}${more}`);
  const nos = (res: any): string[] => res.body.cases.map((c: any) => c.caseNo);

  it('finds a case by its whole number and by the number’s beginning', async () => {
    expect(nos(await search('supervisor.county', a.caseNo))).toEqual([a.caseNo]);
    const prefix = await search('supervisor.county', a.caseNo.slice(0, 11), '&pageSize=100');
    expect(nos(prefix)).toContain(a.caseNo);
  });

  it('finds by the applicant’s name and the legal representative’s, in part', async () => {
    expect(nos(await search('reviewer.county', `搜索甲${tag}`))).toEqual([a.caseNo]);
    expect(nos(await search('reviewer.county', `搜索药房${tag}`))).toEqual([b.caseNo]);
    expect(nos(await search('reviewer.county', `法人乙${tag}`))).toEqual([b.caseNo]);
  });

  it('finds a name with digits in it by those digits (a run of digits is not always a case number or a personal number)', async () => {
    const digits = String(crypto.randomInt(1_000_000, 10_000_000));
    const c = await api.file(buildCase({ applicant: { type: 'organisation', name: `温州第${digits}药房有限公司`, uscc: fakeUscc(), legalRepresentative: '数字丁', phone: phoneOf(6) } }));
    expect(nos(await search('reviewer.county', digits))).toEqual([c.caseNo]);
    expect(nos(await search('reviewer.county', digits.slice(1)))).toEqual([c.caseNo]);
  });

  it('finds by a whole ID number, USCC or phone, however it is written', async () => {
    expect(nos(await search('reviewer.county', person.idNumber))).toEqual([a.caseNo]);
    expect(nos(await search('reviewer.county', ` ${person.idNumber.toLowerCase().replace(/(\d{6})(\d{8})/, '$1 $2 ')} `))).toEqual([a.caseNo]);
    expect(nos(await search('reviewer.county', org.uscc.toLowerCase()))).toEqual([b.caseNo]);
    expect(nos(await search('supervisor.city', `${person.phone.slice(0, 3)}-${person.phone.slice(3, 7)}-${person.phone.slice(7)}`))).toEqual([a.caseNo]);
    expect(nos(await search('supervisor.city', `+86 ${org.phone}`))).toEqual([b.caseNo]);
  });

  it('finds by the agent’s ID number and phone', async () => {
    expect(nos(await search('clerk.village', agent.idNumber))).toEqual([b.caseNo]);
    expect(nos(await search('clerk.village', agent.phone))).toEqual([b.caseNo]);
  });

  it('finds nothing by part of an ID number or phone', async () => {
    for (const part of [person.idNumber.slice(0, 14), person.idNumber.slice(4), person.phone.slice(0, 7), org.uscc.slice(0, 17)]) {
      const res = await search('supervisor.city', part);
      expect(res.status).toBe(200);
      expect(nos(res)).not.toContain(a.caseNo);
      expect(nos(res)).not.toContain(b.caseNo);
    }
  });

  it('never finds a case out of the viewer’s reach, not even by its exact number', async () => {
    // Another county: the county's staff do not see it, the city does.
    for (const user of ['supervisor.county', 'reviewer.county', 'clerk.village', 'clerk.town']) {
      for (const q of [far.caseNo, farIdNumber]) {
        const res = await search(user, q);
        expect({ user, q, status: res.status, total: res.body.total }).toEqual({ user, q, status: 200, total: 0 });
      }
    }
    expect(nos(await search('supervisor.city', farIdNumber))).toEqual([far.caseNo]);
    expect(nos(await search('clerk.othertown', farIdNumber))).toEqual([far.caseNo]);
    // Another department's item: the market reviewer does not see it, the health reviewer and the supervisor do.
    expect((await search('reviewer.county', healthIdNumber)).body.total).toBe(0);
    expect((await search('reviewer.county', health.caseNo)).body.total).toBe(0);
    expect(nos(await search('reviewer.health.county', healthIdNumber))).toEqual([health.caseNo]);
    expect(nos(await search('supervisor.county', healthIdNumber))).toEqual([health.caseNo]);
    // Nor is the market reviewer's own county case shown to the health department.
    expect((await search('reviewer.health.county', person.idNumber)).body.total).toBe(0);
    // The province's market reviewer is off this item's route.
    expect((await search('reviewer.province', person.idNumber)).body.total).toBe(0);
  });

  it('lists for a reviewer exactly the cases the case policy lets them open', async () => {
    const res = await api.as('reviewer.county', 'GET', '/api/cases?pageSize=100');
    expect(res.status).toBe(200);
    expect(nos(res)).toEqual(expect.arrayContaining([a.caseNo, b.caseNo]));
    expect(nos(res)).not.toContain(health.caseNo);
    for (const no of nos(res)) expect([no, (await api.as('reviewer.county', 'GET', `/api/cases/${no}`)).status]).toEqual([no, 200]);
  });

  it('masks personal numbers unless the viewer’s desk holds the case', async () => {
    const sup = (await search('supervisor.county', person.idNumber)).body.cases[0];
    expect(sup.applicant.idNumber).not.toBe(person.idNumber);
    expect(sup.applicant.idNumber).toMatch(/\*/);
    expect(sup.applicant.phone).not.toBe(person.phone);
    const clerk = (await search('clerk.village', person.idNumber)).body.cases[0];
    expect(clerk.applicant.idNumber).toBe(person.idNumber);
  });

  it('pages newest first, with the total', async () => {
    const all = await search('supervisor.county', tag, '&pageSize=100');
    expect(all.body.total).toBe(3); // a, b (by the company's name), health
    expect(nos(all)).toEqual([health.caseNo, b.caseNo, a.caseNo]);
    const second = await search('supervisor.county', tag, '&pageSize=1&page=2');
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(nos(second)).toEqual([b.caseNo]);
  });

  it('keeps an applicant account to its own cases, whatever it searches', async () => {
    const mine = await api.file(buildCase(), 'applicant');
    const res = await api.as('applicant', 'GET', `/api/cases?q=${person.idNumber}`);
    expect(res.body.total).toBe(0);
    expect(nos(await api.as('applicant', 'GET', `/api/cases?q=${mine.caseNo}`))).toEqual([mine.caseNo]);
  });

  it('stores no personal number in the search columns: only keyed hashes of them', async () => {
    const row = await srv.ctx.db.knex('cases').where({ case_no: b.caseNo }).first();
    const cols = ['search_id_hash', 'search_uscc_hash', 'search_phone_hash', 'search_agent_id_hash', 'search_agent_phone_hash'];
    for (const c of cols.filter((c) => row[c] !== null)) {
      expect(row[c]).toMatch(/^[0-9a-f]{64}$/);
      for (const clear of [org.uscc, org.phone, agent.idNumber, agent.phone]) expect(row[c]).not.toContain(clear);
    }
    expect(row.search_uscc_hash).not.toBe(org.uscc);
    expect(row.search_id_hash).toBeNull(); // a company has no resident ID
    // Keyed: a plain SHA-256 of the number is not what is stored, so the hash cannot be looked up without the key.
    expect(row.search_uscc_hash).not.toBe(crypto.createHash('sha256').update(org.uscc).digest('hex'));
    expect(row.search_uscc_hash).toBe(crypto.createHmac('sha256', srv.ctx.config.SEARCH_HASH_KEY).update(org.uscc).digest('hex'));
    const rowA = await srv.ctx.db.knex('cases').where({ case_no: a.caseNo }).first();
    expect(rowA.search_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rowA.search_id_hash).not.toBe(person.idNumber);
  });

  it('hashes cases filed before search existed when the server starts', async () => {
    const knex = srv.ctx.db.knex;
    await knex('cases').where({ case_no: a.caseNo }).update({ search_id_hash: null, search_phone_hash: null, search_hashed: false });
    expect((await search('supervisor.county', person.idNumber)).body.total).toBe(0);
    expect(await backfillSearchHashes(knex, srv.ctx.config.SEARCH_HASH_KEY, pino({ level: 'silent' }))).toBeGreaterThanOrEqual(1);
    expect(nos(await search('supervisor.county', person.idNumber))).toEqual([a.caseNo]);
    expect(nos(await search('supervisor.county', person.phone))).toEqual([a.caseNo]);
  });
});
