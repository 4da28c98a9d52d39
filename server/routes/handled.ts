import { Router } from 'express';
import { listHandled } from '../../db/repositories/handledCases';
import { findItemById } from '../../db/repositories/items';
import { chinaDate } from '../../workflows/calendar';
import type { AppContext } from '../context';
import { requireUser } from '../http/auth';
import { HandledQuery } from '../http/schemas';
import { parseQuery } from '../http/validate';
import { personalDataView } from '../policies/cases';
import { presentCase } from '../presenters/case';

/**
 * 已办, beside the queue's 待办: the cases the caller's desk acted on, each
 * with the desk's last act (its outcome) and where the case is now.
 */
export function handledRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/desk/handled', async (req, res) => {
    const user = requireUser(res, ['clerk', 'reviewer']);
    const q = parseQuery(HandledQuery, req.query);
    const { total, rows } = await listHandled(
      ctx.db.knex,
      { role: user.role as 'clerk' | 'reviewer', jurisdictionCode: user.jurisdictionCode, department: user.department },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const actor = { kind: 'user' as const, user };
    const opts = { today: chinaDate(ctx.now()), calendar: ctx.calendar, rules: { yellowAt: ctx.config.YELLOW_AT } };
    const cases = [];
    for (const { case: c, last } of rows) {
      const item = await findItemById(ctx.db.knex, c.itemId);
      cases.push({ ...presentCase(c, { ...opts, personal: personalDataView(actor, c), itemName: item?.name }), handled: last });
    }
    res.json({ total, page: q.page, pageSize: q.pageSize, cases });
  });
  return r;
}
