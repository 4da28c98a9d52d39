import { Router } from 'express';
import { listUsers } from '../../db/repositories/users';
import { createUser, updateUser } from '../commands/saveUser';
import type { AppContext } from '../context';
import { requireUser } from '../http/auth';
import { CreateUserBody, UpdateUserBody, UserIdParam, UsersQuery } from '../http/userSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { presentUser } from '../presenters/misc';

/** The administrator's accounts: list, create, edit (role, placement, active, password reset). */
export function usersRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/users', async (req, res) => {
    requireUser(res, ['admin']);
    const q = parseQuery(UsersQuery, req.query);
    const { total, users } = await listUsers(ctx.db.knex, { q: q.q || undefined, role: q.role, under: q.jurisdiction, department: q.department, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    res.json({ total, page: q.page, pageSize: q.pageSize, users: users.map(presentUser) });
  });
  r.post('/users', async (req, res) => {
    requireUser(res, ['admin']);
    const body = parseBody(CreateUserBody, req.body);
    res.status(201).json(presentUser(await createUser(ctx, body)));
  });
  r.patch('/users/:id', async (req, res) => {
    const admin = requireUser(res, ['admin']);
    const id = parseQuery(UserIdParam, req.params.id);
    const body = parseBody(UpdateUserBody, req.body);
    res.json(presentUser(await updateUser(ctx, { ...body, id, actorId: admin.id })));
  });
  return r;
}
