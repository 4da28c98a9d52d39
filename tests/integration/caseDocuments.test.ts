import { readDocumentInfo } from '../../server/documents/pdf';
import { verifySignedPdf } from '../../server/documents/signing';
import { Api, buildCase } from '../helpers/api';
import { uploadFile, jpegBytes } from '../helpers/files';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * Official documents over real HTTP: each step that the law gives a document
 * writes it in its own transaction; each downloads as a signed PDF with its
 * number, for the applicant and the desks.
 */
describe('official documents of a case', () => {
  const api = new Api('');
  let srv: TestServer;
  let keys: Record<string, string>;
  beforeAll(async () => {
    srv = await startTestServer();
    api.baseUrl = srv.url;
    const k = (await api.request('GET', '/.well-known/licence-signing-keys.json')).body.keys[0];
    keys = { [k.kid]: k.pem };
  });
  afterAll(() => srv?.close());

  const docs = async (caseNo: string, queryCode: string) =>
    (await api.request('GET', `/api/cases/${caseNo}/documents`, { headers: { 'x-query-code': queryCode } })).body.documents as Array<{ id: number; kind: string; title: string; docNo: string; pdfUrl: string }>;
  const pdfOf = async (url: string, headers: Record<string, string>) => {
    const res = await fetch(`${api.baseUrl}${url}`, { headers });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return Buffer.from(await res.arrayBuffer());
  };

  it('gives the receipt at filing, the 补正 notice listing every 不合格 material, then the 受理通知书', async () => {
    const c = await api.file(buildCase());
    expect((await docs(c.caseNo, c.queryCode)).map((d) => d.kind)).toEqual(['receipt']);
    await uploadFile(api, c.caseNo, { material: '营业执照', bytes: jpegBytes(5), name: 'l.jpg' }, { queryCode: c.queryCode });
    await api.as('clerk.village', 'POST', `/api/cases/${c.caseNo}/materials/marks`, { material: '营业执照', verdict: 'bad', reason: '复印件不清晰' });
    expect((await api.act('clerk.village', c.caseNo, { type: 'REQUEST_MATERIALS', missing: ['法定代表人身份证明'] })).status).toBe(200);
    await api.request('POST', `/api/cases/${c.caseNo}/actions`, { body: { type: 'SUPPLY_MATERIALS', materials: ['营业执照', '法定代表人身份证明'] }, headers: { 'x-query-code': c.queryCode } });
    expect((await api.act('clerk.village', c.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    const list = await docs(c.caseNo, c.queryCode);
    expect(list.map((d) => [d.kind, d.title])).toEqual([['receipt', '收件回执'], ['materials', '补正材料通知书'], ['acceptance', '受理通知书']]);
    expect(list[2]!.docNo).toMatch(/受〔\d{4}〕\d{8}-\d{6}号$/);

    const notice = await pdfOf(list[1]!.pdfUrl, { 'x-query-code': c.queryCode });
    expect(verifySignedPdf(notice, keys)).toMatchObject({ valid: true });
    expect((await readDocumentInfo(notice)).DocNo).toBe(list[1]!.docNo);
    // The stored content names every item of the one-time notice.
    const row = await srv.ctx.db.knex('case_documents').where('id', list[1]!.id).first();
    expect(row.model).toContain('营业执照：复印件不清晰');
    expect(row.model).toContain('法定代表人身份证明');
    // The desk gets the same signed bytes; the applicant's own receipt carries the query code, nobody else's.
    const desk = await pdfOf(list[1]!.pdfUrl, { authorization: `Bearer ${await api.token('clerk.town')}` });
    expect(desk.equals(notice)).toBe(true);
    const mine = await pdfOf(list[0]!.pdfUrl, { 'x-query-code': c.queryCode });
    const theirs = await pdfOf(list[0]!.pdfUrl, { authorization: `Bearer ${await api.token('clerk.village')}` });
    expect(mine.equals(theirs)).toBe(false);
    expect(verifySignedPdf(mine, keys).valid && verifySignedPdf(theirs, keys).valid).toBe(true);
  }, 60_000);

  it('writes the decision and the 送达回证 with their steps', async () => {
    const c = await api.file(buildCase());
    await api.act('clerk.village', c.caseNo, { type: 'ACCEPT' });
    await api.act('clerk.town', c.caseNo, { type: 'FORWARD', opinion: '初审同意' });
    await api.act('reviewer.county', c.caseNo, { type: 'FORWARD', opinion: '复审同意' });
    await api.act('reviewer.city', c.caseNo, { type: 'APPROVE', opinion: '符合法定条件' });
    await api.act('reviewer.city', c.caseNo, { type: 'ISSUE' });
    // Pickup needs the recipient's signature; post a waybill whose check digit checks: said per field, nothing written.
    const unsigned = await api.act('clerk.village', c.caseNo, { type: 'DELIVER', mode: 'pickup' });
    expect([unsigned.status, unsigned.body.error.code, unsigned.body.error.details.issues[0].field]).toEqual([422, 'VALIDATION_FAILED', 'signedBy']);
    const mistyped = await api.act('clerk.village', c.caseNo, { type: 'DELIVER', mode: 'post', trackingNo: 'EA123456784CN' });
    expect([mistyped.status, mistyped.body.error.details.issues[0].field]).toEqual([422, 'trackingNo']);
    expect((await api.act('clerk.village', c.caseNo, { type: 'DELIVER', mode: 'pickup', signedBy: '张小明' })).status).toBe(200);
    const list = await docs(c.caseNo, c.queryCode);
    expect(list.map((d) => d.kind)).toEqual(['receipt', 'acceptance', 'approval', 'service']);
    expect(list[2]!.title).toBe('准予许可决定书');
    const service = await srv.ctx.db.knex('case_documents').where('id', list[3]!.id).first();
    expect(service.model).toContain('1.2.156.3005.2.');
    expect(service.model).toMatch(/受送达人签收.*张小明（窗口电子签名确认，\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    expect(verifySignedPdf(await pdfOf(list[3]!.pdfUrl, { 'x-query-code': c.queryCode }), keys).valid).toBe(true);
  }, 60_000);

  it('writes the refusal with the rights notice', async () => {
    const c = await api.file(buildCase());
    const rights = '如不服本决定，可在六十日内申请行政复议，或在六个月内提起行政诉讼。';
    expect((await api.act('clerk.village', c.caseNo, { type: 'REFUSE', reasons: '不属于本机关职权范围', rightsNotice: rights })).status).toBe(200);
    const list = await docs(c.caseNo, c.queryCode);
    expect(list.map((d) => d.kind)).toEqual(['receipt', 'refusal']);
    const row = await srv.ctx.db.knex('case_documents').where('id', list[1]!.id).first();
    expect(row.model).toContain(rights);
    expect(row.model).not.toMatch(/\d{17}[\dX]/); // addressed by name: no ID number in a document every desk downloads
  });
});
