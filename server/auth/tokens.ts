import jwt from 'jsonwebtoken';

export interface TokenClaims {
  sub: string;
  role: string;
}

export function signToken(userId: number, role: string, secret: string, ttlHours: number): string {
  return jwt.sign({ role }, secret, { subject: String(userId), expiresIn: Math.round(ttlHours * 3600), algorithm: 'HS256' });
}

/** Returns the user id, or null for any invalid, expired or tampered token. */
export function verifyToken(token: string, secret: string): number | null {
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    const id = Number(claims.sub);
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}
