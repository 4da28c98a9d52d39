import { findPublicityEntryOfCase } from '../../db/repositories/publicity/publicityEntries';
import { PublicityScheduler } from '../../server/publicity/publicityScheduler';
import { EXPORT_FIELDS } from '../../server/publicity/creditExport';
import { publicityDueOn } from '../../workflows/publicity';
import { caseAt } from '../authz/fixtures';
import { Api, buildCase, DEMO, fakeUscc } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * The public register of licensing decisions (双公示) over real HTTP on the
 * real database: an approval writes a pending entry in its transaction; the
 * public sees nothing until the scheduler's pass publishes it (after the
 * hold, or on its due date whatever the hold); a person's name and ID come
 * masked; the licence's number, validity and status are read at query time,
 * so a revocation or cancellation shows at once; the filters, the exports
 * and the refusals of bad queries.
 */
const T0 = Date.parse('2026-03-02T01:00:00Z'); // Monday 09:00 in Wenzhou
const MINUTE = 60_000;
const REVIEWER = 'reviewer.city';

/** The decision's entry as stored (pending or published), by case number. */
async function entryOf(srv: TestServer, caseNo: string) {
  const row = await srv.ctx.db.knex('cases').where('case_no', caseNo).first('id');
  return findPublicityEntryOfCase(srv.ctx.db.knex, Number(row.id));
}

describe('the public register of licensing decisions', () => {
  const api = new Api('');
  let srv: TestServer;
  let now = T0;
  let pass: PublicityScheduler;
  /** A natural person's approved case (张小明) and its decision document number. */
  let person: { caseNo: string; docNo: string };
  const company = { name: `温州市鹿城区公示${process.pid}${Date.now() % 100000}大药房有限公司`, uscc: fakeUscc(), caseNo: '', docNo: '' };
  const list = (query: string) => api.request('GET', `/api/publicity?${query}`);
  const byDoc = async (docNo: string) => (await list(`q=${encodeURIComponent(docNo)}`)).body;

  /** A status operation of the licence desk (POST /api/licences/:id/operations) when the server has it; else the status column, as that API would write it. */
  async function changeLicence(licenceId: string, op: 'REVOKE' | 'CANCEL', status: string): Promise<'api' | 'repository'> {
    const described = (await api.request('GET', '/api/openapi.json')).body.paths['/api/licences/{licenceId}/operations'];
    if (described) {
      const body = op === 'REVOKE' ? { type: op, reason: '以欺骗手段取得许可', decisionNo: '温市监撤〔2026〕1号' } : { type: op, reason: '申请人申请注销' };
      const res = await api.as(REVIEWER, 'POST', `/api/licences/${encodeURIComponent(licenceId)}/operations`, body);
      if (res.status !== 200) throw new Error(`${op}: ${res.status} ${JSON.stringify(res.body)}`);
      return 'api';
    }
    // NOTE: the licence status operations (another part of issue 11) are not in this build yet: the register's
    // join is checked against the column they write. Once they are, the branch above runs instead.
    await srv.ctx.db.knex('e_licences').where('licence_id', licenceId).update({ status });
    return 'repository';
  }

  beforeAll(async () => {
    srv = await startTestServer({ now: () => new Date(now), env: { PUBLICITY_HOLD_MINUTES: '60' } });
    api.baseUrl = srv.url;
    pass = new PublicityScheduler(srv.ctx);
    const c = await caseAt(api, 'approved');
    person = { caseNo: c.caseNo, docNo: (await entryOf(srv, c.caseNo))!.docNo };
    const filed = await api.file(buildCase({ applicant: { type: 'organisation', name: company.name, uscc: company.uscc, legalRepresentative: '王公示', phone: '057788001234' } }), 'applicant');
    for (const [by, action] of [
      ['clerk.village', { type: 'ACCEPT' }],
      ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
      ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }],
      [REVIEWER, { type: 'APPROVE', opinion: '准予许可' }],
      [REVIEWER, { type: 'ISSUE' }],
    ] as const) {
      const res = await api.act(by, filed.caseNo, action);
      if (res.status !== 200) throw new Error(`${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    company.caseNo = filed.caseNo;
    company.docNo = (await entryOf(srv, filed.caseNo))!.docNo;
  }, 90_000);
  afterAll(() => srv?.close());

  it('writes the entry with the decision, due 7 working days later, and shows nothing before it is published', async () => {
    const e = (await entryOf(srv, person.caseNo))!;
    expect(e).toMatchObject({ decidedOn: '2026-03-02', dueOn: '2026-03-11', publishedAt: null });
    expect(e.dueOn).toBe(publicityDueOn(srv.ctx.calendar, '2026-03-02'));
    // The 文号 of the 准予许可决定书 the APPROVE wrote.
    expect(e.docNo).toMatch(/^温州市市场监督管理局准许〔2026〕\d{8}-\d{6}号$/);
    expect(await byDoc(person.docNo)).toMatchObject({ total: 0, entries: [] });
    // The hold (60 minutes) has not passed: a pass publishes nothing of it.
    now = T0 + 30 * MINUTE;
    await pass.tick();
    expect((await entryOf(srv, person.caseNo))!.publishedAt).toBeNull();
    expect((await byDoc(person.docNo)).total).toBe(0);
  });

  it('publishes it once the hold has passed, the person masked, the licence pending', async () => {
    now = T0 + 61 * MINUTE;
    expect(await pass.tick()).toBeGreaterThanOrEqual(2);
    expect((await entryOf(srv, person.caseNo))!.publishedAt).not.toBeNull();
    const page = await byDoc(person.docNo);
    expect(page.total).toBe(1);
    const entry = page.entries[0];
    expect(entry).toMatchObject({
      holder: { type: 'person', name: '张*明', codeType: '111', legalRepresentative: null },
      decision: { title: '准予许可决定书', docNo: person.docNo, decidedOn: '2026-03-02' },
      category: '普通',
      item: { code: DEMO.cityItemCode },
      licence: { id: null, licenceNo: null, validity: null, status: null, verifyUrl: null },
      issuer: { name: '温州市市场监督管理局', jurisdictionCode: DEMO.cityCode },
      standing: 'valid',
      publishedOn: '2026-03-02',
    });
    expect(entry.holder.code).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
    expect(entry.issuer.code).toMatch(/^11330300[0-9A-Z]{10}$/);
    const all = JSON.stringify(page);
    expect(all).not.toContain('张小明');
    // Nor is a person found by name.
    expect((await list(`q=${encodeURIComponent('张小明')}&from=2026-03-02&to=2026-03-02`)).body.entries.map((x: any) => x.decision.docNo)).not.toContain(person.docNo);
  });

  it('shows the licence once issued, and its revocation at once, read from the licence itself', async () => {
    const issued = await api.act(REVIEWER, person.caseNo, { type: 'ISSUE' });
    expect(issued.status).toBe(200);
    const licenceId: string = issued.body.case.eLicence.id;
    let entry = (await byDoc(person.docNo)).entries[0];
    expect(entry.licence).toMatchObject({ id: licenceId, licenceNo: issued.body.case.licenceNo, validity: { from: '2026-03-02', until: '2031-03-01' }, status: { code: '01', zh: '有效' } });
    expect(entry.licence.verifyUrl).toBe(`/verify?code=${encodeURIComponent(licenceId)}`);
    // Found by its 许可编号 too.
    expect((await list(`q=${encodeURIComponent(entry.licence.licenceNo)}`)).body.entries.map((x: any) => x.decision.docNo)).toContain(person.docNo);

    await changeLicence(licenceId, 'REVOKE', '03');
    entry = (await byDoc(person.docNo)).entries[0];
    expect({ status: entry.licence.status, standing: entry.standing }).toEqual({ status: { code: '03', zh: '撤销', en: 'revoked (撤销)' }, standing: 'invalid' });
    // No write to the register: the entry row is as it was.
    expect((await entryOf(srv, person.caseNo))!.licenceId).toBe(licenceId);
  });

  it('shows a legal person in full, found by name, code and filters; a cancelled licence reads 注销', async () => {
    const byName = await list(`q=${encodeURIComponent(company.name.slice(3, 12))}&from=2026-03-02`);
    expect(byName.body.entries.map((x: any) => x.decision.docNo)).toContain(company.docNo);
    const byCode = await list(`q=${company.uscc.toLowerCase()}`);
    expect(byCode.body.total).toBe(1);
    const entry = byCode.body.entries[0];
    expect(entry.holder).toEqual({ type: 'organisation', name: company.name, code: company.uscc, codeType: '001', legalRepresentative: '王公示' });
    expect(entry.licence.status.code).toBe('01');

    const doc = `q=${encodeURIComponent(company.docNo)}`;
    const count = async (extra: string) => (await list(`${doc}&${extra}`)).body.total;
    expect(await count(`item=${DEMO.cityItemCode}`)).toBe(1);
    expect(await count(`item=${encodeURIComponent('药品零售')}`)).toBe(1);
    expect(await count(`item=${encodeURIComponent('食品经营')}`)).toBe(0);
    expect(await count(`jurisdiction=${DEMO.cityCode}`)).toBe(1);
    expect(await count(`jurisdiction=${DEMO.provinceCode}`)).toBe(1);
    expect(await count('jurisdiction=330381000000')).toBe(0);
    expect(await count(`issuer=${encodeURIComponent('温州市市场监督')}`)).toBe(1);
    expect(await count(`issuer=${entry.issuer.code}`)).toBe(1);
    expect(await count(`issuer=${encodeURIComponent('瑞安市')}`)).toBe(0);
    expect(await count('from=2026-03-02&to=2026-03-02')).toBe(1);
    expect(await count('from=2026-03-03')).toBe(0);
    expect(await count('to=2026-03-01')).toBe(0);

    await changeLicence(entry.licence.id, 'CANCEL', '04');
    const after = (await list(`q=${company.uscc}`)).body.entries[0];
    expect({ status: after.licence.status.code, standing: after.standing }).toEqual({ status: '04', standing: 'invalid' });
  });

  it('pages newest decision first', async () => {
    const first = await list('from=2026-03-02&to=2026-03-02&pageSize=1');
    expect(first.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect(first.body.entries).toHaveLength(1);
    const second = await list('from=2026-03-02&to=2026-03-02&pageSize=1&page=2');
    expect(second.body.entries[0].id).not.toBe(first.body.entries[0].id);
  });

  it('exports CSV for the credit platform: UTF-8 with BOM, the documented header, the person masked', async () => {
    const res = await fetch(`${srv.url}/api/publicity/export?format=csv&q=${encodeURIComponent(person.docNo)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="xzxk-publicity-\d{8}\.csv"/);
    expect(res.headers.get('x-total-count')).toBe('1');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(EXPORT_FIELDS.map((f) => f.name).join(','));
    expect(lines).toHaveLength(3); // header, one record, the final line end
    const cells = lines[1]!.split(',');
    const cell = (key: string) => cells[EXPORT_FIELDS.findIndex((f) => f.key === key)];
    expect({ name: cell('XK_XDR_MC'), kind: cell('XK_XDR_LB'), uscc: cell('XK_XDR_SHXYM'), idType: cell('XK_XDR_ZJLX'), docNo: cell('XK_WSH'), decided: cell('XK_JDRQ'), standing: cell('XK_ZT'), note: cell('BZ'), status: cell('EXT_ZZZT') }).toEqual({
      name: '张*明',
      kind: '自然人',
      uscc: '',
      idType: '身份证',
      docNo: person.docNo,
      decided: '2026-03-02',
      standing: '2',
      note: '证照撤销',
      status: '03',
    });
    expect(cell('XK_XDR_ZJHM')).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
    expect(bytes.toString('utf8')).not.toContain('张小明');
  });

  it('exports JSON keyed by the field codes, with the field list', async () => {
    const res = await api.request('GET', `/api/publicity/export?format=json&q=${company.uscc}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'wenzhou-xzxk-publicity', version: 1, count: 1, filter: { q: company.uscc } });
    expect(res.body.fields).toEqual(EXPORT_FIELDS.map((f) => ({ key: f.key, name: f.name })));
    expect(res.body.records[0]).toMatchObject({
      XK_XDR_MC: company.name,
      XK_XDR_LB: '法人及非法人组织',
      XK_XDR_SHXYM: company.uscc,
      XK_FDDBR: '王公示',
      XK_XDR_ZJHM: '',
      XK_XKWS: '准予许可决定书',
      XK_WSH: company.docNo,
      XK_XKLB: '普通',
      XK_XKJG: '温州市市场监督管理局',
      XK_ZT: '2',
      BZ: '证照注销',
      EXT_ZZZT: '04',
      EXT_SXBM: DEMO.cityItemCode,
    });
    expect(res.body.records[0].XK_XKBH).not.toBe('');
    expect(res.body.records[0].XK_YXQZ).toBe('2026-03-02');
  });

  it('publishes no denial', async () => {
    const c = await caseAt(api, 'cityDecision');
    const res = await api.act(REVIEWER, c.caseNo, { type: 'DENY', reasons: '经营场所不符合药品经营质量管理规范', rightsNotice: '可于60日内申请行政复议或6个月内提起行政诉讼' });
    expect(res.status).toBe(200);
    expect(await entryOf(srv, c.caseNo)).toBeUndefined();
  });

  it('follows a renewal (延续) to the licence’s new version', async () => {
    if (!(await api.request('GET', '/api/openapi.json')).body.paths['/api/licences/{licenceId}/operations']) {
      // NOTE: no licence status operations in this build yet (another part of issue 11): nothing to renew.
      return;
    }
    const c = await caseAt(api, 'issued');
    const doc = (await entryOf(srv, c.caseNo))!.docNo;
    now = T0 + 130 * MINUTE;
    await pass.tick();
    const first = (await byDoc(doc)).entries[0].licence.id as string;
    const renewed = await api.as(REVIEWER, 'POST', `/api/licences/${encodeURIComponent(first)}/operations`, { type: 'RENEW', reason: '有效期届满前申请延续' });
    expect(renewed.status).toBe(200);
    const entry = (await byDoc(doc)).entries[0];
    expect(entry.licence.id).not.toBe(first);
    expect(entry.licence.id).toBe(renewed.body.next);
    expect({ status: entry.licence.status.code, standing: entry.standing }).toEqual({ status: '01', standing: 'valid' });
  });

  it('refuses bad queries with 400 BAD_REQUEST naming the parameter', async () => {
    const bad = async (query: string, path = '/api/publicity') => {
      const res = await api.request('GET', `${path}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      return (res.body.error.details.issues as { field: string }[]).map((i) => i.field);
    };
    expect(await bad('pageSize=0')).toEqual(['pageSize']);
    expect(await bad('pageSize=101')).toEqual(['pageSize']);
    expect(await bad('from=2026-02-30')).toEqual(['from']);
    expect(await bad('from=2026-03-05&to=2026-03-01')).toEqual(['to']);
    expect(await bad('jurisdiction=3303')).toEqual(['jurisdiction']);
    expect(await bad('q=')).toEqual(['q']);
    expect(await bad('q=a&q=b')).toEqual(['q']);
    expect(await bad('name=x')).toEqual(['name']);
    expect(await bad('format=xlsx', '/api/publicity/export')).toEqual(['format']);
  });
});

describe('the register’s due date', () => {
  it('publishes an entry on its due date whatever the hold, once, however many schedulers run', async () => {
    let now = T0;
    const srv = await startTestServer({ now: () => new Date(now), env: { PUBLICITY_HOLD_MINUTES: '43200' } });
    try {
      const api = new Api(srv.url);
      const [a, b] = [new PublicityScheduler(srv.ctx), new PublicityScheduler(srv.ctx)];
      const cases = [await caseAt(api, 'approved'), await caseAt(api, 'approved')];
      const entries = await Promise.all(cases.map((c) => entryOf(srv, c.caseNo)));
      expect(entries.map((e) => e!.dueOn)).toEqual(['2026-03-11', '2026-03-11']);
      // The evening before the due date (China time): still held.
      now = Date.parse('2026-03-10T15:00:00Z');
      await a.tick();
      expect((await entryOf(srv, cases[0]!.caseNo))!.publishedAt).toBeNull();
      // Just after midnight of the due date in Wenzhou (16:00 UTC the day before), two schedulers at once.
      now = Date.parse('2026-03-10T16:01:00Z');
      const [na, nb] = await Promise.all([a.tick(), b.tick()]);
      const after = await Promise.all(cases.map((c) => entryOf(srv, c.caseNo)));
      expect(after.map((e) => e!.publishedAt)).toEqual(['2026-03-10 16:01:00.000', '2026-03-10 16:01:00.000']);
      // Every entry published at this instant was published by exactly one of them.
      const stamped = await srv.ctx.db.knex('publicity_entries').where('published_at', '2026-03-10 16:01:00.000').count({ n: '*' }).first();
      expect(na + nb).toBe(Number(stamped!.n));
      expect((await api.request('GET', `/api/publicity?q=${encodeURIComponent(entries[0]!.docNo)}`)).body.total).toBe(1);
    } finally {
      await srv.close();
    }
  }, 60_000);
});
