import { Router } from 'express';
import type { AppContext } from '../context';
import { AppError, forbidden } from '../errors';
import { requireUser } from '../http/auth';
import { ProjectBoardQuery } from '../http/projectBoardSchemas';
import { parseQuery } from '../http/validate';
import type { Actor } from '../auth/actor';
import { mayViewProjectBoard, maySeeProjectClock } from '../policies/projectBoard';
import { loadProjectBoard } from '../projects/projectBoardView';
import { loadProjectClock } from '../projects/projectClockView';
import { actingProxyOrder } from '../../db/repositories/proxy/actingAgent';
import { parseProjectCode } from '../../workflows/projectCode';

const projectNotFound = () => new AppError('PROJECT_NOT_FOUND', 404, 'No project with this code that you may see');

/**
 * The supervisor's board and a project's clock. Mounted BEFORE the projects
 * router's `/api/projects/:code`, so that `board` is not read as a code.
 */
export function projectBoardRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;

  r.get('/projects/board', async (req, res) => {
    const actor: Actor = { kind: 'user', user: requireUser(res) };
    if (!mayViewProjectBoard(actor)) throw forbidden('The project board is for supervisors');
    const q = parseQuery(ProjectBoardQuery, req.query);
    const scope = await db('jurisdictions').where({ code: actor.user.jurisdictionCode }).first('path');
    if (!scope) throw forbidden('Your account has no jurisdiction');
    res.json(await loadProjectBoard(ctx, db, scope.path, q));
  });

  r.get('/projects/:code/clock', async (req, res) => {
    const user = requireUser(res);
    const code = req.params.code;
    const parsed = parseProjectCode(code);
    if (!parsed.ok) throw new AppError('PROJECT_CODE_MALFORMED', 422, `Not a project code (YYYY-AAAAAA-II-TT-NNNNNN): ${parsed.problem}`, { problem: parsed.problem });
    const row = await db('projects').where({ code }).first('id', 'owner_user_id', 'jurisdiction_code');
    if (!row) throw projectNotFound();
    const acting = user.role === 'proxy_agent' ? Boolean(await actingProxyOrder(db, Number(row.id), user.id)) : false;
    if (!maySeeProjectClock({ kind: 'user', user }, { ownerUserId: Number(row.owner_user_id), jurisdictionCode: row.jurisdiction_code }, acting)) throw projectNotFound();
    res.json(await loadProjectClock(ctx, db, Number(row.id)));
  });

  return r;
}
