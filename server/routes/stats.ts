import { Router } from 'express';
import { findJurisdiction } from '../../db/repositories/jurisdictions';
import { dashboardUnder } from '../../db/repositories/statsQueries';
import { isWithin } from '../../workflows/levels';
import type { AppContext } from '../context';
import { forbidden, notFound } from '../errors';
import { requireUser } from '../http/auth';
import { DashboardQuery } from '../http/statsSchemas';
import { parseQuery } from '../http/validate';

/** The supervisor's dashboard: one answer with every number the screen shows. */
export function statsRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/stats/dashboard', async (req, res) => {
    const user = requireUser(res, ['supervisor', 'admin']);
    const { scope = user.jurisdictionCode, days } = parseQuery(DashboardQuery, req.query);
    if (!isWithin(scope, user.jurisdictionCode)) throw forbidden('That area is outside your jurisdiction');
    const root = await findJurisdiction(ctx.db.knex, scope);
    if (!root) throw notFound('Jurisdiction');
    res.json(await dashboardUnder(ctx.db.knex, root, { now: ctx.now(), days }));
  });
  return r;
}
