import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderOfficialDocument } from '../../server/documents/pdf';
import { keyRing, loadSigningKey, signPdf } from '../../server/documents/signing';
import { main, verifyLicenceFile } from '../../server/verifyLicenceCli';

const LICENCE_ID = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F';

describe('verify-licence', () => {
  let dir: string;
  let signed: Uint8Array;
  let key: ReturnType<typeof loadSigningKey>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-licence-'));
    key = loadSigningKey({ dataDir: dir, production: false });
    const pdf = await renderOfficialDocument({
      title: '药品经营许可证',
      docNo: '浙CB5770001',
      paragraphs: ['经审查，准予许可。'],
      issuer: { name: '温州市鹿城区市场监督管理局', sealName: '行政许可专用章' },
      date: '2026-12-03',
      metadata: { LicenceId: LICENCE_ID, Holder: '温州市安澜大药房有限公司' },
    });
    // Render, then sign: the signature line goes after everything else.
    signed = signPdf(pdf, key.privateKey, key.keyId);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds a genuine licence genuine and reads its code back', async () => {
    expect(await verifyLicenceFile(signed, keyRing([key.publicKey]))).toMatchObject({
      valid: true,
      keyId: key.keyId,
      licenceId: LICENCE_ID,
      licenceIdValid: true,
      metadata: expect.objectContaining({ Title: '药品经营许可证', Holder: '温州市安澜大药房有限公司' }),
    });
  });

  it('finds a licence with one flipped byte not genuine, wherever the byte is', async () => {
    for (const at of [0, 100, Math.floor(signed.length / 2), signed.length - 200, signed.length - 2]) {
      const copy = Uint8Array.from(signed);
      copy[at] = copy[at]! ^ 0x01;
      const check = await verifyLicenceFile(copy, keyRing([key.publicKey]));
      expect(check.valid).toBe(false);
      expect(check.reason).toBeTruthy();
    }
  });

  describe('the command', () => {
    function run(args: string[], env: Record<string, string | undefined> = {}) {
      const out: string[] = [];
      const err: string[] = [];
      return main(args, { out: (l) => void out.push(l), err: (l) => void err.push(l), env }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
    }
    let signedFile: string;
    let tamperedFile: string;
    let unsignedFile: string;
    let publicPem: string;
    beforeAll(() => {
      signedFile = path.join(dir, 'licence.pdf');
      fs.writeFileSync(signedFile, signed);
      const tampered = Uint8Array.from(signed);
      tampered[300] = tampered[300]! ^ 0x04;
      tamperedFile = path.join(dir, 'tampered.pdf');
      fs.writeFileSync(tamperedFile, tampered);
      unsignedFile = path.join(dir, 'unsigned.pdf');
      fs.writeFileSync(unsignedFile, signed.subarray(0, signed.lastIndexOf(0x25))); // up to the %WZ-SIG line
      publicPem = path.join(dir, 'public.pem');
      fs.writeFileSync(publicPem, key.publicKey.export({ type: 'spki', format: 'pem' }));
    });

    it('exits 0 on a genuine file, saying which key it used and what the licence is', async () => {
      const r = await run([signedFile, '--key', publicPem]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Key:       ${key.keyId}`);
      expect(r.out).toContain(`Licence:   ${LICENCE_ID}`);
      expect(r.out).toContain('Holder: 温州市安澜大药房有限公司');
      expect(r.out).toMatch(/GENUINE: signed with key/);
    });

    it('defaults to the local installation key beside the SQLite database', async () => {
      const r = await run([signedFile], { DATABASE_URL: `sqlite:${path.join(dir, 'approval.sqlite')}` });
      expect(r.code).toBe(0);
      expect(r.out).toContain(`the public half of this installation's key ${path.join(dir, 'licence-signing-key.pem')}`);
    });

    it('exits 1 on a changed or unsigned file, with the reason', async () => {
      const t = await run([tamperedFile, `--key=${publicPem}`]);
      expect(t.code).toBe(1);
      expect(t.out).toMatch(/NOT GENUINE: the signature does not match/);
      expect(t.out).toMatch(/unverified/);
      const u = await run([unsignedFile, '--key', publicPem]);
      expect(u.code).toBe(1);
      expect(u.out).toMatch(/NOT GENUINE: not signed/);
    });

    it('exits 2 on usage errors', async () => {
      expect((await run([])).code).toBe(2);
      expect((await run([signedFile, '--frobnicate'])).code).toBe(2);
      expect((await run([path.join(dir, 'missing.pdf'), '--key', publicPem])).code).toBe(2);
      expect((await run([signedFile, '--key', path.join(dir, 'nope.pem')])).code).toBe(2);
      const noLocal = await run([signedFile], { DATABASE_URL: `sqlite:${path.join(dir, 'elsewhere', 'db.sqlite')}` });
      expect(noLocal.code).toBe(2);
      expect(noLocal.err).toMatch(/no --key given and no local signing key/);
      fs.writeFileSync(path.join(dir, 'bad.pem'), 'not a key');
      expect((await run([signedFile, '--key', path.join(dir, 'bad.pem')])).err).toMatch(/not an Ed25519 key/);
      expect((await run(['--help'])).code).toBe(0);
    });
  });
});
