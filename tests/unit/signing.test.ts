import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { canonicalJson, keyIdOf, keyRing, loadSigningKey, signData, signPdf, verifyData, verifySignedPdf } from '../../server/documents/signing';

async function smallPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  page.drawText('licence', { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out whitespace', () => {
    const a = canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } });
    const b = canonicalJson({ a: { c: 'x', d: [3, { y: null, z: true }] }, b: 1 });
    expect(a).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(b).toBe(a);
  });

  it('follows JSON.stringify for strings, undefined members and toJSON', () => {
    expect(canonicalJson({ s: '证照"\n', u: undefined, arr: [undefined], d: new Date('2026-12-03T00:00:00Z') })).toBe(
      '{"arr":[null],"d":"2026-12-03T00:00:00.000Z","s":"证照\\"\\n"}',
    );
    expect(canonicalJson({ B: 1, a: 2, _: 3 })).toBe('{"B":1,"_":3,"a":2}'); // code-unit order
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(/no JSON form/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

describe('signData / verifyData', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const other = crypto.generateKeyPairSync('ed25519');

  it('verifies its own signature and nothing else', () => {
    const data = canonicalJson({ licence: '1.2.156.3005.2.x', holder: '张三' });
    const sig = signData(privateKey, data);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyData(publicKey, data, sig)).toBe(true);
    expect(verifyData(publicKey.export({ type: 'spki', format: 'pem' }) as string, Buffer.from(data), sig)).toBe(true);
    expect(verifyData(other.publicKey, data, sig)).toBe(false);
    expect(verifyData(publicKey, `${data} `, sig)).toBe(false);
    expect(verifyData(publicKey, data, 'not a signature')).toBe(false);
    expect(verifyData(publicKey, data, '')).toBe(false);
  });

  it('refuses every changed character of the signature, the last one included', () => {
    const sig = signData(privateKey, 'x');
    for (let i = 0; i < sig.length; i++) {
      for (const c of ['A', 'B', 'Q', 'w', '-']) {
        if (c === sig[i]) continue;
        expect(verifyData(publicKey, 'x', sig.slice(0, i) + c + sig.slice(i + 1))).toBe(false);
      }
    }
  });

  it('names a key by its public half, whichever form it is given in', () => {
    const id = keyIdOf(publicKey);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(privateKey)).toBe(id);
    expect(keyIdOf(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)).toBe(id);
    expect(keyIdOf(other.publicKey)).not.toBe(id);
    expect(Object.keys(keyRing([publicKey, other.privateKey]))).toEqual([id, keyIdOf(other.publicKey)]);
  });
});

describe('signed PDFs', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const keys = { [keyId]: publicKey };
  let pdf: Uint8Array;
  let signed: Uint8Array;
  beforeAll(async () => {
    pdf = await smallPdf();
    signed = signPdf(pdf, privateKey, keyId);
  });

  it('appends one line after %%EOF and verifies', () => {
    const tail = Buffer.from(signed.subarray(pdf.length)).toString('latin1');
    expect(Buffer.from(signed.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    expect(tail).toMatch(new RegExp(`^\\n?%WZ-SIG ed25519 ${keyId} [A-Za-z0-9_-]{86}\\n$`));
    expect(verifySignedPdf(signed, keys)).toEqual({ valid: true, keyId });
  });

  it('still opens in a PDF reader (pdf-lib reloads it)', async () => {
    const reloaded = await PDFDocument.load(signed);
    expect(reloaded.getPageCount()).toBe(1);
  });

  it('fails when any single byte is changed, in the PDF or in the signature line', () => {
    const accepted: number[] = [];
    for (let i = 0; i < signed.length; i++) {
      const copy = Uint8Array.from(signed);
      copy[i] = copy[i]! ^ 0x01;
      if (verifySignedPdf(copy, keys).valid) accepted.push(i);
    }
    expect(accepted).toEqual([]);
  });

  it('says why it fails: a changed body, another key, an unsigned file, bytes after the line', () => {
    const copy = Uint8Array.from(signed);
    copy[20] = copy[20]! ^ 0x20;
    expect(verifySignedPdf(copy, keys)).toMatchObject({ valid: false, code: 'MISMATCH', keyId, reason: expect.stringMatching(/changed after signing/) });

    const other = crypto.generateKeyPairSync('ed25519').publicKey;
    expect(verifySignedPdf(signed, { [keyIdOf(other)]: other })).toMatchObject({ valid: false, code: 'UNKNOWN_KEY', keyId, reason: expect.stringContaining(`signed with key ${keyId}`) });
    // The right id pointing at the wrong key.
    expect(verifySignedPdf(signed, { [keyId]: other })).toMatchObject({ valid: false, reason: expect.stringMatching(/does not match/) });

    expect(verifySignedPdf(pdf, keys)).toEqual({ valid: false, code: 'UNSIGNED', keyId: null, reason: expect.stringMatching(/^not signed/) });
    expect(verifySignedPdf(Buffer.concat([signed, Buffer.from('%%EOF\n')]), keys)).toMatchObject({ valid: false, keyId: null });
  });

  it('refuses to sign twice, to sign what is not a PDF, or with a key id that would break the line', () => {
    expect(() => signPdf(signed, privateKey, keyId)).toThrow(/already signed/);
    expect(() => signPdf(Buffer.from('hello'), privateKey, keyId)).toThrow(/not a PDF/);
    expect(() => signPdf(pdf, privateKey, 'a b')).toThrow(/key id/);
  });

  it('adds the newline a PDF ending in %%EOF lacks, inside what is signed', () => {
    let end = pdf.length;
    while (pdf[end - 1] === 0x0a || pdf[end - 1] === 0x0d) end--;
    const trimmed = pdf.subarray(0, end);
    const s = signPdf(trimmed, privateKey, keyId);
    expect(Buffer.from(s.subarray(end, end + 9)).toString('latin1')).toBe('\n%WZ-SIG ');
    expect(verifySignedPdf(s, keys).valid).toBe(true);
  });
});

describe('loadSigningKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-key-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses the PEM it is given, and writes nothing', () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const key = loadSigningKey({ pem, dataDir: dir, production: true });
    expect(key.keyId).toBe(keyIdOf(privateKey));
    expect(key).toMatchObject({ file: undefined, created: false });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('outside production: generates one key (0600) into the data directory and reuses it, and says so', () => {
    const warnings: Array<[object, string]> = [];
    const log = { warn: (obj: object, msg: string) => void warnings.push([obj, msg]) };
    const first = loadSigningKey({ dataDir: dir, production: false, log });
    const file = path.join(dir, 'licence-signing-key.pem');
    expect(first).toMatchObject({ file, created: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['licence-signing-key.pem']);
    const second = loadSigningKey({ dataDir: dir, production: false, log });
    expect(second).toMatchObject({ file, created: false, keyId: first.keyId });
    expect(warnings.map(([obj]) => obj)).toEqual([{ file, created: true }, { file, created: false }]);
    expect(warnings[0]![1]).toContain(file);
    // What one signs, the other verifies.
    expect(verifyData(second.publicKey, 'x', signData(first.privateKey, 'x'))).toBe(true);
  });

  it('in production: refuses to start without a key, or with a key file that is missing', () => {
    expect(() => loadSigningKey({ dataDir: dir, production: true })).toThrow(/LICENCE_SIGNING_KEY: required when NODE_ENV=production/);
    expect(() => loadSigningKey({ dataDir: dir, production: true, file: path.join(dir, 'k.pem') })).toThrow(/does not exist/);
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'k.pem'), crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(loadSigningKey({ dataDir: dir, production: true, file: path.join(dir, 'k.pem') }).created).toBe(false);
  });

  it('refuses a key file that holds no Ed25519 private key, naming the file', () => {
    const file = path.join(dir, 'licence-signing-key.pem');
    fs.writeFileSync(file, 'garbage');
    expect(() => loadSigningKey({ dataDir: dir, production: false })).toThrow(new RegExp(`${file}.*no readable private key`));
    fs.writeFileSync(file, crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadSigningKey({ dataDir: dir, production: false })).toThrow(/holds a ec key/);
  });
});
