import { Router } from 'express';
import { listSupervision } from '../../db/repositories/urgings';
import { FINAL_STATES } from '../../workflows/caseStates';
import type { AppContext } from '../context';
import { requireUser } from '../http/auth';
import { UrgingsQuery } from '../http/schemas';
import { parseQuery } from '../http/validate';

/** The supervisor's list of open cases raised to their jurisdiction (督办 by the level above), newest first. */
export function urgingsRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/urgings', async (req, res) => {
    const user = requireUser(res, ['supervisor']);
    const { limit } = parseQuery(UrgingsQuery, req.query);
    res.json({ urgings: await listSupervision(ctx.db.knex, user.jurisdictionCode, FINAL_STATES, limit) });
  });
  return r;
}
