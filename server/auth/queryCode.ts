import crypto from 'node:crypto';

// No 0/O, 1/I/L: a code is read over the phone and typed on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A fresh query code (~40 bits); guessing is stopped by rate limiting, not by a slow hash. */
export function newQueryCode(): string {
  const bytes = crypto.randomBytes(LENGTH);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function hashQueryCode(code: string, salt: string): string {
  return crypto.createHash('sha256').update(`${salt}:${code.trim().toUpperCase()}`).digest('hex');
}

export function newSalt(): string {
  return crypto.randomBytes(12).toString('hex');
}

export function queryCodeMatches(code: string, salt: string, hash: string): boolean {
  const a = Buffer.from(hashQueryCode(code, salt), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
