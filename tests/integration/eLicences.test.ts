import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isValidLicenceId } from '../../workflows/licenceIdentifier';
import { verifyLicenceFile } from '../../server/documents/verifyLicence';
import { caseAt } from '../authz/fixtures';
import { Api } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

const run = promisify(execFile);

/*
 * E-licences over real HTTP: ISSUE creates a signed e-licence with a GB/T
 * 36904 identifier in the same transaction; anyone can check it by code or
 * by its PDF, online and offline; a changed byte or a changed row is caught.
 */
describe('e-licences', () => {
  const api = new Api('');
  let srv: TestServer;
  let issued: { caseNo: string; licenceId: string };
  let pdf: Buffer;
  let publicPem: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-'));

  beforeAll(async () => {
    srv = await startTestServer({ env: { PUBLIC_BASE_URL: 'https://zwfw.example.gov.cn' } });
    api.baseUrl = srv.url;
    const c = await caseAt(api, 'approved');
    const res = await api.act('reviewer.city', c.caseNo, { type: 'ISSUE' });
    if (res.status !== 200) throw new Error(`ISSUE: ${res.status} ${JSON.stringify(res.body)}`);
    issued = { caseNo: c.caseNo, licenceId: res.body.case.eLicence.id };
    const got = await fetch(`${srv.url}/api/cases/${c.caseNo}/licence.pdf`, { headers: { authorization: `Bearer ${await api.token('applicant')}` } });
    expect(got.headers.get('content-type')).toBe('application/pdf');
    pdf = Buffer.from(await got.arrayBuffer());
    publicPem = (await api.request('GET', '/.well-known/licence-signing-keys.json')).body.keys[0].pem;
  }, 60_000);
  afterAll(async () => {
    await srv?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('gives the issued case a valid GB/T 36904 identifier, and a 证照编号 when the desk typed none', async () => {
    const c = await api.as('applicant', 'GET', `/api/cases/${issued.caseNo}`);
    expect(c.body.eLicence.id).toMatch(/^1\.2\.156\.3005\.2\.[0-9A-Z]{21}\.[0-9A-Z]{18}\.\d{7}\.001\.[0-9A-Z]$/);
    expect(isValidLicenceId(c.body.eLicence.id)).toBe(true);
    expect(c.body.licenceNo).toMatch(/^\d{6}-\d{4}-\d{7}$/);
    const events = await api.as('applicant', 'GET', `/api/cases/${issued.caseNo}/events`);
    expect(events.body.events.at(-1)).toMatchObject({ type: 'ISSUE', payload: { eLicenceId: issued.licenceId } });
  });

  it('answers the verification by code: genuine, valid, the holder masked', async () => {
    const v = await api.request('GET', `/api/licences/verify?code=${encodeURIComponent(issued.licenceId)}`);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ genuine: true, kind: 'licence', code: issued.licenceId, status: { code: '01', zh: '有效' } });
    expect(v.body.holder.name).toBe('张*明');
    expect(v.body.holder.code).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(JSON.stringify(v.body)).not.toContain('张小明');
  });

  it('says plainly when a code is malformed or was never issued', async () => {
    // Another check character: exactly one checks, so this one cannot.
    const wrong = issued.licenceId.endsWith('0') ? '1' : '0';
    const bad = await api.request('GET', `/api/licences/verify?code=${encodeURIComponent(`${issued.licenceId.slice(0, -1)}${wrong}`)}`);
    expect(bad.body).toMatchObject({ genuine: false, reason: 'MALFORMED_CODE' });
    const unknown = await api.request('GET', `/api/licences/verify?code=${encodeURIComponent('1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F')}`);
    expect(unknown.body).toMatchObject({ genuine: false, reason: 'UNKNOWN_CODE' });
  });

  it('signs the PDF as a whole: genuine as issued, refused with one byte changed (online and offline)', async () => {
    const key = { k: publicPem };
    const keyId = (await api.request('GET', '/.well-known/licence-signing-keys.json')).body.keys[0].kid;
    expect((await verifyLicenceFile(pdf, { [keyId]: key.k })).valid).toBe(true);
    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    expect((await verifyLicenceFile(tampered, { [keyId]: key.k })).valid).toBe(false);
    const form = (bytes: Buffer) => {
      const f = new FormData();
      f.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'licence.pdf');
      return f;
    };
    const online = await (await fetch(`${srv.url}/api/licences/verify-file`, { method: 'POST', body: form(pdf) })).json();
    expect(online).toMatchObject({ genuine: true, signature: { valid: true }, licence: { code: issued.licenceId, status: { code: '01' } } });
    const refused = await (await fetch(`${srv.url}/api/licences/verify-file`, { method: 'POST', body: form(tampered) })).json();
    expect(refused).toMatchObject({ genuine: false, signature: { valid: false, code: 'MISMATCH' }, licence: null });
    // The command-line verifier, as an inspector would run it.
    fs.writeFileSync(path.join(tmp, 'licence.pdf'), pdf);
    fs.writeFileSync(path.join(tmp, 'tampered.pdf'), tampered);
    fs.writeFileSync(path.join(tmp, 'key.pem'), publicPem);
    const cli = (file: string) => run('npx', ['tsx', 'server/verifyLicenceCli.ts', path.join(tmp, file), '--key', path.join(tmp, 'key.pem')]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    const good = await cli('licence.pdf');
    expect(good.code).toBe(0);
    expect(good.out).toContain(issued.licenceId);
    expect((await cli('tampered.pdf')).code).toBe(1);
  }, 60_000);

  it('lists the licence among the holder’s, and shows it to the desks of the case', async () => {
    const mine = await api.as('applicant', 'GET', '/api/me/licences');
    expect(mine.body.licences.map((l: any) => l.id)).toContain(issued.licenceId);
    // The desk delivering it (the village, at the current step) sees the holder's ID number; the others masked.
    const atStep = await api.as('clerk.village', 'GET', `/api/cases/${issued.caseNo}/licence`);
    expect(atStep.body).toMatchObject({ id: issued.licenceId, status: { code: '01' }, holder: { name: '张小明' } });
    expect(atStep.body.holder.code).toMatch(/^\d{17}[\dX]$/);
    const elsewhere = await api.as('clerk.town', 'GET', `/api/cases/${issued.caseNo}/licence`);
    expect(elsewhere.body.holder.code).toContain('*');
  });

  it('no longer calls a licence genuine once its stored data was changed behind the signature', async () => {
    await srv.ctx.db.knex('e_licences').where('licence_id', issued.licenceId).update({ holder_name: '李四' });
    const v = await api.request('GET', `/api/licences/verify?code=${encodeURIComponent(issued.licenceId)}`);
    expect(v.body).toMatchObject({ genuine: false, reason: 'SIGNATURE_INVALID' });
    // Nor does the original PDF vouch for the changed record.
    const f = new FormData();
    f.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'licence.pdf');
    const byFile = await (await fetch(`${srv.url}/api/licences/verify-file`, { method: 'POST', body: f })).json();
    expect(byFile).toMatchObject({ genuine: false, signature: { valid: true }, licence: { genuine: false, reason: 'SIGNATURE_INVALID' } });
  });

  it('dates a licence issued in the early morning by China’s day, not UTC’s', async () => {
    // 07:30 in Wenzhou is 23:30 UTC the day before.
    const early = await startTestServer({ now: () => new Date('2026-12-03T23:30:00Z') });
    try {
      const a = new Api(early.url);
      const c = await caseAt(a, 'approved');
      expect((await a.act('reviewer.city', c.caseNo, { type: 'ISSUE' })).status).toBe(200);
      const l = await a.as('applicant', 'GET', `/api/cases/${c.caseNo}/licence`);
      expect(l.body).toMatchObject({ issuedOn: '2026-12-04', validity: { from: '2026-12-04', until: '2031-12-03' } });
    } finally {
      await early.close();
    }
  }, 60_000);
});
