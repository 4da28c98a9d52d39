import type { Express, NextFunction, Request, Response } from 'express';
import type { UserRow } from '../../db/repositories/users';
import { RateLimitedError, type RateLimits } from './rateLimits';

/**
 * The Express side of the rate limits: the app holds the one RateLimits
 * instance (app.locals, set by createApp), routes reach it with
 * rateLimitsOf(req), and every refusal carries Retry-After.
 */
export function useRateLimits(app: Express, limits: RateLimits): void {
  app.locals.rateLimits = limits;
  // Must agree with the socket gateway's address (same compiled rule).
  app.set('trust proxy', limits.trust);
}

export function rateLimitsOf(req: Request): RateLimits {
  const limits = req.app.locals.rateLimits as RateLimits | undefined;
  if (!limits) throw new Error('useRateLimits(app, limits) was not called');
  return limits;
}

/** The client's address as TRUST_PROXY decides it (Express's req.ip with our trust rule). */
export const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? '';

/** Staff at a counter file and act for others all day; only the public is throttled per address. */
const isPublic = (res: Response) => {
  const user = res.locals.user as UserRow | undefined;
  return !user || user.role === 'applicant';
};

/** POST /api/cases by the public: FILING_LIMIT per FILING_WINDOW_MINUTES per address. */
export async function filingThrottle(req: Request, res: Response, next: NextFunction): Promise<void> {
  if (isPublic(res)) await rateLimitsOf(req).takeFiling(clientAddress(req));
  next();
}

/** POST /api/cases/:caseNo/actions by the public: APPLICANT_ACTION_LIMIT per window per address. */
export async function applicantActionThrottle(req: Request, res: Response, next: NextFunction): Promise<void> {
  if (isPublic(res)) await rateLimitsOf(req).takeApplicantAction(clientAddress(req));
  next();
}

/** Error middleware before the error handler: a refusal tells in Retry-After when to come back. */
export function retryAfter(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (err instanceof RateLimitedError) res.set('Retry-After', String(err.retryAfterSeconds));
  next(err);
}
