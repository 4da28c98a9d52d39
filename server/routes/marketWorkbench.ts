import { Router } from 'express';
import { listOrders } from '../../db/repositories/market/orders';
import { findAgencyOfUser, listSignups } from '../../db/repositories/market/signups';
import { chinaDate } from '../../workflows/calendar';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { requireUser } from '../http/auth';
import { checkEligible } from '../market/orders/eligibility';
import { presentPublicOrder } from '../presenters/marketOrders';

/**
 * The agency's workbench: the announcements it may sign up to now (by its
 * state, services, qualifications and areas; not avoided, not its own), and
 * its own orders (signed up or chosen) with their deadlines.
 */
export function marketWorkbenchRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;
  r.get('/market/workbench', async (_req, res) => {
    const user = requireUser(res, ['intermediary']);
    const agency = await findAgencyOfUser(db, user.id);
    if (!agency) throw new AppError('MARKET_AGENCY_NOT_LISTED', 403, 'This account belongs to no agency in the market');
    const today = chinaDate(ctx.now());
    const open = await listOrders(db, { states: ['signup'], offset: 0, limit: 200 });
    const announcements = [];
    for (const o of open.rows) {
      if ((o.machineContext as { signups?: number[] }).signups?.includes(agency.id)) continue;
      try {
        await checkEligible(db, o, agency, today, ctx.config.MARKET_MAX_OPEN_ORDERS);
      } catch {
        continue;
      }
      announcements.push(presentPublicOrder(o, await listSignups(db, o.id)));
    }
    const mine = await listOrders(db, { agencyId: agency.id, offset: 0, limit: 200 });
    const orders = [];
    for (const o of mine.rows) {
      orders.push({ ...presentPublicOrder(o, await listSignups(db, o.id)), chosen: o.chosenAgencyId === agency.id, nextDueAt: o.nextDueAt, serviceDueOn: o.serviceDueOn, overdue: o.overdue });
    }
    res.json({ agency: { id: agency.id, name: agency.name, state: agency.state }, announcements, orders });
  });
  return r;
}
