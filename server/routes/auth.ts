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


export function authRouter(ctx: AppContext): Router {
  const r = Router();
  r.post('/login', async (req, res) => {
    const { username, password } = parseBody(LoginBody, req.body);
    const user = await findUserByUsername(ctx.db.knex, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || !user.active) throw invalidCredentials();
    const token = signToken(user.id, user.role, ctx.config.JWT_SECRET, ctx.config.TOKEN_TTL_HOURS);
    res.json({ token, user: presentUser(user) });
  });
  r.get('/me', (_req, res) => {
    res.json({ user: presentUser(requireUser(res)) });
  });
  return r;
}
