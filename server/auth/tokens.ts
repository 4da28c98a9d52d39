import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';

// A KeyObject made once per secret: handing jsonwebtoken the raw string makes it build one per request.
const keys = new Map<string, crypto.KeyObject>();
function keyOf(secret: string): crypto.KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = crypto.createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/** What a valid token says: whose it is, and the user's token version when it was issued. */
export interface TokenClaims {
  userId: number;
  tokenVersion: number;
}

export function signToken(user: { id: number; role: string; tokenVersion: number }, secret: string, ttlHours: number): string {
  return jwt.sign({ role: user.role, tv: user.tokenVersion }, keyOf(secret), { subject: String(user.id), expiresIn: Math.round(ttlHours * 3600), algorithm: 'HS256' });
}

/** The claims, or null for any invalid, expired or tampered token, or one without a token version (issued before versions existed). */
export function verifyToken(token: string, secret: string): TokenClaims | null {
  try {
    const claims = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    const userId = Number(claims.sub);
    const tokenVersion = claims.tv;
    if (!Number.isInteger(userId) || userId <= 0 || !Number.isInteger(tokenVersion)) return null;
    return { userId, tokenVersion };
  } catch {
    return null;
  }
}
