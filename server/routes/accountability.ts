import { Router } from 'express';
import { chinaDate } from '../../workflows/calendar';
import type { AppContext } from '../context';
import { forbidden } from '../errors';
import { canSeeAccountability } from '../policies/accountability';
import { caseAccountability } from '../powers/accountabilityView';
import { resolveCaseAccess } from './cases';

/** 问责: from a case that went wrong to the power its item implements and the responsibility matters reached. */
export function accountabilityRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/cases/:caseNo/accountability', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    if (!canSeeAccountability(actor)) throw forbidden('Only supervisors and administrators read a case’s accountability');
    res.json(await caseAccountability(ctx.db.knex, row, { today: chinaDate(ctx.now()), calendar: ctx.calendar, rules: { yellowAt: ctx.config.YELLOW_AT } }));
  });
  return r;
}
