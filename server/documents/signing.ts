/**
 * Signatures over the documents the engine issues: Ed25519 with node:crypto.
 *
 * Why not SM2 (the national algorithm): the maintained npm SM2 libraries are small single-maintainer
 * packages, whereas node's Ed25519 is OpenSSL's, audited and built in, with nothing to install. A PDF
 * signed here is checked offline by `npm run verify-licence` (server/verifyLicenceCli.ts).
 *
 * A PDF is signed by one last line after its `%%EOF`:
 *
 *   %WZ-SIG ed25519 <keyId> <base64url signature over every byte before this line>\n
 *
 * PDF readers look for the last %%EOF near the end of the file and ignore what follows (and the line is a
 * PDF comment anyway), so the file still opens everywhere; one changed byte anywhere fails the check.
 */
import crypto, { type KeyObject } from 'node:crypto';
import { publicKeyOf, type KeyInput } from './signingKey';

// Keys (loading, ids) live in signingKey.ts; re-exported so callers need one import.
export { keyIdOf, keyRing, loadSigningKey, publicKeyOf, type KeyInput, type SigningKey, type SigningKeyOptions } from './signingKey';

const SIG_LINE = /^%WZ-SIG ed25519 ([0-9A-Za-z_-]{1,64}) ([0-9A-Za-z_-]+)$/;
const KEY_ID = /^[0-9A-Za-z_-]{1,64}$/;
const EOF_MARK = Buffer.from('%%EOF');

/**
 * JSON with object keys sorted (by UTF-16 code units, as JSON Canonicalization Scheme does), no whitespace:
 * the same value always gives the same bytes to sign. Follows JSON.stringify's rules for toJSON and
 * undefined members; refuses what JSON cannot carry (NaN, Infinity, bigint, functions, cycles).
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown): string | undefined => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: () => unknown }).toJSON();
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${v} has no JSON form`);
      return JSON.stringify(v);
    }
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
    if (typeof v !== 'object') throw new TypeError(`canonicalJson: a ${typeof v} has no JSON form`);
    if (seen.has(v)) throw new TypeError('canonicalJson: the value is cyclic');
    seen.add(v);
    let out: string;
    if (Array.isArray(v)) {
      out = `[${v.map((item) => walk(item) ?? 'null').join(',')}]`;
    } else {
      const members: string[] = [];
      for (const key of Object.keys(v).sort()) {
        const text = walk((v as Record<string, unknown>)[key]);
        if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
      }
      out = `{${members.join(',')}}`;
    }
    seen.delete(v);
    return out;
  };
  const text = walk(value);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return text;
}

function privateKeyOf(key: KeyInput): KeyObject {
  return typeof key === 'string' ? crypto.createPrivateKey(key) : key;
}

function bytesOf(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** The Ed25519 signature of `data`, base64url. */
export function signData(privateKey: KeyInput, data: Uint8Array | string): string {
  return crypto.sign(null, bytesOf(data), privateKeyOf(privateKey)).toString('base64url');
}

/** Whether `signature` (base64url) is `publicKey`'s signature of `data`; false, not a throw, on garbage. */
export function verifyData(publicKey: KeyInput, data: Uint8Array | string, signature: string): boolean {
  const sig = Buffer.from(signature, 'base64url');
  // Base64 decoding ignores the spare bits of the last character: insist on the one canonical spelling,
  // so a changed character in the signature can never still verify.
  if (sig.length !== 64 || sig.toString('base64url') !== signature) return false;
  try {
    return crypto.verify(null, bytesOf(data), publicKeyOf(publicKey), sig);
  } catch {
    return false;
  }
}

/** The PDF with the signature line appended; refuses a file that is not a PDF or is already signed. */
export function signPdf(pdf: Uint8Array, privateKey: KeyInput, keyId: string): Uint8Array {
  if (!KEY_ID.test(keyId)) throw new Error(`signPdf: key id ${JSON.stringify(keyId)} must be 1-64 letters, digits, - or _`);
  let body = Buffer.from(pdf);
  if (body.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('signPdf: not a PDF (no %PDF- header)');
  if (splitSigned(body)) throw new Error('signPdf: the PDF is already signed');
  if (body.lastIndexOf(EOF_MARK) < 0) throw new Error('signPdf: not a complete PDF (no %%EOF)');
  if (body[body.length - 1] !== 0x0a) body = Buffer.concat([body, Buffer.from('\n')]);
  const line = `%WZ-SIG ed25519 ${keyId} ${signData(privateKey, body)}\n`;
  return new Uint8Array(Buffer.concat([body, Buffer.from(line, 'latin1')]));
}

/** The signed bytes and the parsed last line, or null when the file does not end in a signature line. */
function splitSigned(bytes: Buffer): { signed: Buffer; keyId: string; signature: string } | null {
  if (bytes.length < 2 || bytes[bytes.length - 1] !== 0x0a) return null;
  const start = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  const m = SIG_LINE.exec(bytes.subarray(start, bytes.length - 1).toString('latin1'));
  return m ? { signed: bytes.subarray(0, start), keyId: m[1]!, signature: m[2]! } : null;
}

/** Why a signature fails, as a stable code (the reason says it in words). */
export type PdfSignatureProblem = 'UNSIGNED' | 'NOT_AFTER_EOF' | 'UNKNOWN_KEY' | 'MISMATCH';

export interface PdfVerification {
  valid: boolean;
  code?: PdfSignatureProblem;
  /** The key the file says it was signed with (null when unsigned). */
  keyId: string | null;
  reason?: string;
}

/** Checks the signature line of a PDF against the known public keys, by key id. */
export function verifySignedPdf(pdf: Uint8Array, keys: Record<string, KeyInput>): PdfVerification {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const parts = splitSigned(bytes);
  if (!parts) return { valid: false, code: 'UNSIGNED', keyId: null, reason: 'not signed: the file does not end with a %WZ-SIG signature line' };
  const { signed, keyId, signature } = parts;
  // The line must follow the PDF's end, so nothing a reader would show sits after the signed part.
  if (!/%%EOF\r?\n$/.test(signed.subarray(Math.max(0, signed.length - 8)).toString('latin1'))) {
    return { valid: false, code: 'NOT_AFTER_EOF', keyId, reason: 'the signature line does not follow the %%EOF that ends the PDF' };
  }
  const key = keys[keyId];
  if (!key) return { valid: false, code: 'UNKNOWN_KEY', keyId, reason: `signed with key ${keyId}, which is not among the keys given (${Object.keys(keys).join(', ') || 'none'})` };
  if (!verifyData(key, signed, signature)) return { valid: false, code: 'MISMATCH', keyId, reason: 'the signature does not match: the file was changed after signing, or signed with another key' };
  return { valid: true, keyId };
}
