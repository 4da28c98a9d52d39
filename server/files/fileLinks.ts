import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

/**
 * Short-lived links to a file's content. An <img> or <iframe> cannot send
 * the Authorization header, so the files list hands out a signed link per
 * file and viewer instead: it names the file and who asked (a user id, or the
 * case a query code opened — never a name or number, as URLs reach logs),
 * and lapses after FILE_LINK_TTL_SECONDS. The view is logged when it is used.
 */
export interface FileLinkClaims {
  /** The file's public id. */
  f: string;
  /** The viewer: a user id, or q + the case number for a query-code holder. */
  u?: number;
  q?: string;
}

const AUDIENCE = 'file-link';

// A key of its own, derived from the token secret: a file link can never pass as a log-in token, nor one as a link.
const keys = new Map<string, crypto.KeyObject>();
function linkKey(secret: string): crypto.KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = crypto.createSecretKey(crypto.createHmac('sha256', secret).update('file-links').digest())));
  return key;
}

export function signFileLink(secret: string, fileId: string, actor: Actor, ttlSeconds: number): string {
  const claims: FileLinkClaims = actor.kind === 'user' ? { f: fileId, u: actor.user.id } : actor.kind === 'queryCode' ? { f: fileId, q: actor.caseNo } : { f: fileId };
  return jwt.sign(claims, linkKey(secret), { audience: AUDIENCE, expiresIn: ttlSeconds, algorithm: 'HS256' });
}

export const linkExpired = () => new AppError('FILE_LINK_EXPIRED', 410, 'This file link has expired or is not valid; open the case’s materials again for a fresh one');

export function verifyFileLink(secret: string, token: string, fileId: string): FileLinkClaims {
  try {
    const claims = jwt.verify(token, linkKey(secret), { audience: AUDIENCE, algorithms: ['HS256'] }) as FileLinkClaims;
    if (claims.f !== fileId) throw linkExpired();
    return claims;
  } catch {
    throw linkExpired();
  }
}
