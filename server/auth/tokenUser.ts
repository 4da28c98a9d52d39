import type { UserRow } from '../../db/repositories/users';
import type { AppContext } from '../context';
import { verifyToken } from './tokens';
import { userForToken } from './userCache';

/**
 * The user a token stands for, or undefined: the signature and expiry are
 * checked, then the user row, which must be active and still at the token's
 * version (a password reset, a new role or placement, or deactivation bumps
 * it; the row may come from a short-lived cache, see userCache.ts). The one check for REST requests and socket handshakes alike.
 */
export async function userOfToken(ctx: AppContext, token: string): Promise<UserRow | undefined> {
  const claims = verifyToken(token, ctx.config.JWT_SECRET);
  if (!claims) return undefined;
  const user = await userForToken(ctx, claims.userId);
  if (!user || !user.active || user.tokenVersion !== claims.tokenVersion) return undefined;
  return user;
}
