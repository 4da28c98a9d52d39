import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CertificateUpdated } from '../../workflows/socketContract';
import { DEMO_PASSWORD } from '../../db/seed/users';
import { isValidLicenceId } from '../../workflows/licenceIdentifier';
import { Api, buildCase, DEMO } from '../helpers/api';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Online certificates over real HTTP and a real socket: an applicant account
 * asks its village committee; the village clerk issues (or forwards to the
 * town for a kind it reviews, or refuses with reasons); the e-certificate is
 * verified by code like an e-licence, its holder masked; it is attached by
 * reference into a case of an item that needs it.
 */
describe('online certificates (网上证明)', () => {
  const api = new Api('');
  let srv: TestServer;
  const applicantInbox: CertificateUpdated[] = [];
  const villageInbox: CertificateUpdated[] = [];
  const townInbox: CertificateUpdated[] = [];
  const strangerInbox: CertificateUpdated[] = [];
  const sockets: ClientSocket[] = [];

  const ask = (kindCode: string, purpose = '办理药品零售企业许可') => api.as('applicant', 'POST', '/api/certificates', { kindCode, villageCode: DEMO.villageCode, purpose });
  const act = (user: string, id: number, body: Record<string, unknown>) => api.as(user, 'POST', `/api/certificates/${id}/actions`, body);
  const verify = async (code: string) => (await api.request('GET', `/api/licences/verify?code=${encodeURIComponent(code)}`)).body;

  beforeAll(async () => {
    srv = await startLiveServer('certificates');
    api.baseUrl = srv.url;
    for (const [user, inbox] of [['applicant', applicantInbox], ['clerk.village', villageInbox], ['clerk.town', townInbox], ['clerk.othertown', strangerInbox]] as const) {
      const s = await connect(srv.url, { token: await api.token(user) });
      s.on('certificate:updated', (e) => inbox.push(e));
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('lists the catalogue publicly, each kind saying whether the town reviews it and on what legal basis', async () => {
    const res = await api.request('GET', '/api/certificate-kinds');
    expect(res.status).toBe(200);
    expect(res.body.kinds.length).toBeGreaterThanOrEqual(6);
    expect(res.body.kinds.find((k: { code: string }) => k.code === 'JZZM')).toMatchObject({ name: '居住证明', needsTown: false, legalBasis: expect.stringContaining('村民委员会组织法') });
    expect(res.body.kinds.find((k: { code: string }) => k.code === 'JTJJ')).toMatchObject({ needsTown: true });
    const guide = await api.request('GET', `/api/items/${DEMO.cityItemCode}`);
    expect(guide.body.certificates).toEqual([expect.objectContaining({ code: 'JZZM', name: '居住证明' })]);
  });

  it('is requested at the village and issued there: live to both, verified by code as a genuine certificate with the holder masked', async () => {
    const asked = await ask('JZZM');
    expect(asked.status).toBe(201);
    const id = asked.body.certificate.id as number;
    expect(asked.body.certificate).toMatchObject({ state: 'requested', deskCode: DEMO.villageCode, holder: { idNumber: '330302198807151232' } });
    await waitUntil('the village centre hears of the request', () => villageInbox.some((e) => e.id === id && e.type === 'REQUEST'));
    const queue = await api.as('clerk.village', 'GET', '/api/desk/certificates');
    expect(queue.body.certificates.find((c: { id: number }) => c.id === id)).toMatchObject({ actions: expect.arrayContaining(['ISSUE', 'REFUSE']), holder: { idNumber: '330302198807151232' } });
    // The applicant cannot issue their own; the town has nothing to do with it.
    expect((await act('applicant', id, { type: 'ISSUE' })).status).toBe(403);
    expect((await act('clerk.town', id, { type: 'ISSUE' })).status).toBe(404);
    const issued = await act('clerk.village', id, { type: 'ISSUE', expectedRevision: 1 });
    expect(issued.status).toBe(200);
    expect(issued.body.certificate.state).toBe('issued');
    const code = issued.body.certificate.certificateId as string;
    expect(isValidLicenceId(code)).toBe(true);
    await waitUntil('the applicant hears it was issued', () => applicantInbox.some((e) => e.id === id && e.type === 'ISSUE'));
    const v = await verify(code);
    expect(v).toMatchObject({ genuine: true, kind: 'certificate', status: { code: '01' }, name: '居住证明', holder: { name: '张*', codeType: '111' }, issuer: { name: expect.stringContaining('居民委员会') } });
    expect(v.holder.code).not.toContain('19880715');
    const pdf = await fetch(`${srv.url}/api/certificates/${id}/pdf`, { headers: { authorization: `Bearer ${await api.token('applicant')}` } });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'c.pdf');
    const checked = await (await fetch(`${srv.url}/api/licences/verify-file`, { method: 'POST', body: form })).json();
    expect(checked).toMatchObject({ genuine: true, licence: { kind: 'certificate', code } });
    // Offline, as `npm run verify-licence -- FILE.pdf --key KEY.pem` checks it: genuine; one byte changed, not.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-'));
    const keys = (await api.request('GET', '/.well-known/licence-signing-keys.json')).body.keys as Array<{ pem: string }>;
    writeFileSync(path.join(dir, 'key.pem'), keys[0]!.pem);
    writeFileSync(path.join(dir, 'c.pdf'), bytes);
    const tampered = Buffer.from(bytes);
    tampered[200] = tampered[200]! ^ 1;
    writeFileSync(path.join(dir, 't.pdf'), tampered);
    // Run asynchronously: the test server lives in this process and must go on answering.
    const cli = (file: string) =>
      new Promise<number | null>((resolve) => execFile(process.execPath, [require.resolve('tsx/cli'), 'server/verifyLicenceCli.ts', path.join(dir, file), '--key', path.join(dir, 'key.pem')], (err) => resolve(err ? (err.code as number) : 0)));
    expect(await cli('c.pdf')).toBe(0);
    expect(await cli('t.pdf')).toBe(1);
    // Decided: the village centre's queue no longer shows it, the request takes nothing more.
    expect((await api.as('clerk.village', 'GET', '/api/desk/certificates')).body.certificates.some((c: { id: number }) => c.id === id)).toBe(false);
    expect((await act('clerk.village', id, { type: 'REFUSE', reason: '晚了' })).body.error.code).toBe('INVALID_TRANSITION');
    // After the decision the clerk sees the ID number masked.
    expect((await api.as('clerk.village', 'GET', `/api/certificates/${id}`)).body.certificate.holder.idNumber).not.toContain('19880715');
  });

  it('goes to the town for a kind it reviews: the village forwards, the town issues', async () => {
    const id = (await ask('JTJJ', '申请临时救助')).body.certificate.id as number;
    expect((await act('clerk.village', id, { type: 'ISSUE' })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await api.as('clerk.town', 'GET', `/api/certificates/${id}`)).status).toBe(404);
    const fwd = await act('clerk.village', id, { type: 'FORWARD', reason: '经入户调查，情况属实' });
    expect(fwd.body.certificate).toMatchObject({ state: 'townReview', deskCode: DEMO.townCode, villageOpinion: '经入户调查，情况属实' });
    await waitUntil('the town centre hears of it', () => townInbox.some((e) => e.id === id && e.type === 'FORWARD'));
    expect((await api.as('clerk.town', 'GET', '/api/desk/certificates')).body.certificates.map((c: { id: number }) => c.id)).toContain(id);
    const issued = await act('clerk.town', id, { type: 'ISSUE' });
    expect(issued.body.certificate.state).toBe('issued');
    expect(await verify(issued.body.certificate.certificateId)).toMatchObject({ genuine: true, kind: 'certificate', issuer: { name: expect.stringContaining('街道办事处') } });
    const history = (await api.as('applicant', 'GET', `/api/certificates/${id}`)).body.history.map((e: { type: string }) => e.type);
    expect(history).toEqual(['REQUEST', 'FORWARD', 'ISSUE']);
  });

  it('is refused with reasons only, and the applicant is told them; withdrawn before a decision', async () => {
    const id = (await ask('WNZM', '申请农业补贴')).body.certificate.id as number;
    expect((await act('clerk.village', id, { type: 'REFUSE', reason: ' ' })).status).toBe(422);
    const refused = await act('clerk.village', id, { type: 'REFUSE', reason: '经核实，申请人未在本村从事农业生产' });
    expect(refused.body.certificate).toMatchObject({ state: 'refused', refusal: '经核实，申请人未在本村从事农业生产', certificateId: null });
    await waitUntil('the applicant hears of the refusal', () => applicantInbox.some((e) => e.id === id && e.type === 'REFUSE'));
    expect((await api.as('applicant', 'GET', `/api/certificates/${id}/pdf`)).body.error.code).toBe('CERTIFICATE_NOT_ISSUED');
    const other = (await ask('SCZM', '领取养老金')).body.certificate.id as number;
    expect((await act('clerk.village', other, { type: 'WITHDRAW' })).status).toBe(403);
    expect((await act('applicant', other, { type: 'WITHDRAW' })).body.certificate.state).toBe('withdrawn');
  });

  it('shows nobody else’s certificate: another applicant and another town get 404, and hear nothing', async () => {
    const id = (await ask('JZZM')).body.certificate.id as number;
    const made = await api.as('admin', 'POST', '/api/users', { username: 'applicant.other', displayName: '李四', password: DEMO_PASSWORD, role: 'applicant', jurisdictionCode: DEMO.countyCode });
    expect(made.status).toBe(201);
    for (const user of ['applicant.other', 'clerk.othertown']) {
      const res = await api.as(user, 'GET', `/api/certificates/${id}`);
      expect({ user, status: res.status, code: res.body.error.code }).toEqual({ user, status: 404, code: 'CERTIFICATE_NOT_FOUND' });
      expect((await act(user, id, { type: 'WITHDRAW' })).status).toBe(404);
    }
    expect((await api.as('applicant.other', 'GET', '/api/me/certificates')).body.certificates).toEqual([]);
    expect((await api.request('GET', `/api/certificates/${id}`)).status).toBe(401);
    expect(strangerInbox).toEqual([]);
  });

  it('is attached by reference into a case of an item that needs it, never uploaded on paper', async () => {
    const files = (await api.as('applicant', 'GET', '/api/me/files')).body.files as Array<{ id: string; source: string; material: string; certificateId?: string }>;
    const held = files.find((f) => f.source === 'certificate' && f.material === '居住证明');
    expect(held).toBeTruthy();
    const filed = await api.file(buildCase(), 'applicant');
    const ref = await api.as('applicant', 'POST', `/api/cases/${filed.caseNo}/files`, { material: '居住证明', fromFile: held!.id });
    expect(ref.status).toBe(201);
    expect(ref.body.file).toMatchObject({ source: 'reference', referencedFrom: held!.id, mediaType: 'application/pdf' });
    const listed = await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}/files`);
    const material = listed.body.materials.find((m: { name: string }) => m.name === '居住证明');
    expect(material.files).toHaveLength(1);
    // Someone else's certificate cannot be borrowed.
    const theirs = await api.file(buildCase(), 'applicant.other');
    expect((await api.as('applicant.other', 'POST', `/api/cases/${theirs.caseNo}/files`, { material: '居住证明', fromFile: held!.id })).status).toBe(404);
  });
});
