import { Router } from 'express';
import { findUserByUsername } from '../../db/repositories/users';
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
  r.get('/me', (_req, res) => {
    res.json({ user: presentUser(requireUser(res)) });
  });
  return r;
}
