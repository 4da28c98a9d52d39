import { Router } from 'express';
import { listQueue, overviewUnder } from '../../db/repositories/caseQueries';
import { findItemById } from '../../db/repositories/items';
import { findJurisdiction } from '../../db/repositories/jurisdictions';
import { chinaDate } from '../../workflows/calendar';
import { isWithin } from '../../workflows/levels';
import type { AppContext } from '../context';
import { forbidden, notFound } from '../errors';
import { requireUser } from '../http/auth';
import { QueueQuery, StatsQuery } from '../http/schemas';
import { parseQuery } from '../http/validate';
import { personalDataView } from '../policies/cases';
import { presentCase } from '../presenters/case';

/** The clerk's and reviewer's queue, and the supervisor's overview. */
export function deskRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/queue', async (req, res) => {
    const user = requireUser(res, ['clerk', 'reviewer']);
    const q = parseQuery(QueueQuery, req.query);
    const today = chinaDate(ctx.now());
    // Only the caller's own desk: a centre's window, or one department at one jurisdiction.
    const rows = await listQueue(ctx.db.knex, {
      jurisdictionCode: user.jurisdictionCode,
      level: user.level,
      desk: user.role === 'clerk' ? { kind: 'centre' } : { kind: 'department', department: user.department ?? '' },
      ...q,
      today,
    });
    const actor = { kind: 'user' as const, user };
    // Item versions never change and findItemById caches them: a queue costs no query per row.
    const names = new Map<number, string | undefined>();
    for (const id of new Set(rows.map((c) => c.itemId))) names.set(id, (await findItemById(ctx.db.knex, id))?.name);
    const opts = { today, calendar: ctx.calendar, rules: { yellowAt: ctx.config.YELLOW_AT } };
    res.json({ cases: rows.map((c) => presentCase(c, { ...opts, personal: personalDataView(actor, c), itemName: names.get(c.itemId) })) });
  });
  r.get('/stats/overview', async (req, res) => {
    const user = requireUser(res, ['supervisor', 'admin']);
    const { scope = user.jurisdictionCode } = parseQuery(StatsQuery, req.query);
    if (!isWithin(scope, user.jurisdictionCode)) throw forbidden('That area is outside your jurisdiction');
    const root = await findJurisdiction(ctx.db.knex, scope);
    if (!root) throw notFound('Jurisdiction');
    const overview = await overviewUnder(ctx.db.knex, root.path, chinaDate(ctx.now()));
    res.json({ scope, name: root.name, level: root.level, ...overview });
  });
  return r;
}
