import type { NextFunction, Request, Response } from 'express';
import type { UserRow } from '../../db/repositories/users';
import type { Role } from '../../workflows/caseEvents';
import { userOfToken } from '../auth/tokenUser';
import type { AppContext } from '../context';
import { AppError, forbidden, unauthenticated } from '../errors';

/** Reads a Bearer token if one is sent; a bad token is refused, no token means anonymous. */
export function authenticate(ctx: AppContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    if (!header) return next();
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const user = m ? await userOfToken(ctx, m[1]!) : undefined;
    if (!user) throw new AppError('INVALID_TOKEN', 401, 'The token is invalid or expired; log in again');
    res.locals.user = user;
    next();
  };
}

export function currentUser(res: Response): UserRow | undefined {
  return res.locals.user as UserRow | undefined;
}

export function requireUser(res: Response, roles?: readonly Role[]): UserRow {
  const user = currentUser(res);
  if (!user) throw unauthenticated();
  if (roles && !roles.includes(user.role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
  return user;
}
