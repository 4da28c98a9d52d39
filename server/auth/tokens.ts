import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';

// A KeyObject made once per secret: handing jsonwebtoken the raw string makes it build one per request.
const keys = new Map<string, crypto.KeyObject>();
function keyOf(secret: string): crypto.KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = crypto.createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function signToken(userId: number, role: string, secret: string, ttlHours: number): string {
  return jwt.sign({ role }, keyOf(secret), { subject: String(userId), expiresIn: Math.round(ttlHours * 3600), algorithm: 'HS256' });
}

/** Returns the user id, or null for any invalid, expired or tampered token. */
export function verifyToken(token: string, secret: string): number | null {
  try {
    const claims = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    const id = Number(claims.sub);
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}
