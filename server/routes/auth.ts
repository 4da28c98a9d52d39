import { Router } from 'express';
import { findUserByUsername, findUserProfile } from '../../db/repositories/users';
import { DEMO_PASSWORD, featuredDemoUsers } from '../../db/seed/users';
import { dummyHash, verifyPassword } from '../auth/passwords';
import { signToken } from '../auth/tokens';
import type { AppContext } from '../context';
import { invalidCredentials } from '../errors';
import { requireUser } from '../http/auth';
import { LoginBody } from '../http/schemas';
import { parseBody } from '../http/validate';
import { presentUser } from '../presenters/misc';
import { clientAddress, rateLimitsOf } from '../security/httpLimits';


export function authRouter(ctx: AppContext): Router {
  const r = Router();
  r.post('/login', async (req, res) => {
    const { username, password } = parseBody(LoginBody, req.body);
    // Failures count per account and (far more loosely) per address; a success clears the account's.
    const user = await rateLimitsOf(req).loginAttempt(username, clientAddress(req), async () => {
      const found = await findUserByUsername(ctx.db.knex, username);
      const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
      return found && ok && found.active ? found : null;
    });
    if (!user) throw invalidCredentials();
    const token = signToken(user, ctx.config.JWT_SECRET, ctx.config.TOKEN_TTL_HOURS);
    res.json({ token, user: presentUser(user) });
  });
  // What the log-in page offers to try: in demo mode the seeded accounts and their password; otherwise nothing at all.
  r.get('/demo-accounts', (_req, res) => {
    if (!ctx.config.DEMO_MODE) return void res.json({ demoMode: false, accounts: [] });
    const accounts = featuredDemoUsers().map((u) => ({ username: u.username, role: u.role, displayName: u.displayName, jurisdictionCode: u.jurisdictionCode }));
    res.json({ demoMode: true, password: DEMO_PASSWORD, accounts, patterns: { clerk: 'clerk-<jurisdiction code>', reviewer: 'reviewer-<jurisdiction code>-<department code>' } });
  });
  r.get('/me', async (_req, res) => {
    const user = requireUser(res);
    // An applicant's own ID number and phone, for their filing form; staff accounts carry none.
    const profile = user.role === 'applicant' ? await findUserProfile(ctx.db.knex, user.id) : undefined;
    res.json({ user: presentUser(user), ...(profile ? { profile } : {}) });
  });
  return r;
}
