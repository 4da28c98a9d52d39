import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { importItems } from '../commands/importItems';
import { saveCalendarYear } from '../commands/saveCalendarYear';
import type { AppContext } from '../context';
import { badRequest } from '../errors';
import { requireUser } from '../http/auth';
import { CalendarYearBody } from '../http/schemas';
import { parseBody, parseQuery } from '../http/validate';

/** Administrator operations: catalogue import and the holiday calendar. */
export function adminRouter(ctx: AppContext): Router {
  const r = Router();
  // The role is checked before the (up to 5 MB) body is read: nobody else gets to upload anything.
  const adminOnly: RequestHandler = (_req, res, next) => {
    requireUser(res, ['admin']);
    next();
  };
  r.post('/items/import', adminOnly, express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' }), async (req, res) => {
    if (typeof req.body !== 'string' || req.body.length === 0) throw badRequest('Send the CSV as the body with Content-Type: text/csv');
    res.json(await importItems(ctx, { csv: req.body }));
  });
  r.get('/calendar/years', (_req, res) => {
    res.json({ years: ctx.calendar.years() });
  });
  r.put('/calendar/years/:year', async (req, res) => {
    const user = requireUser(res, ['admin']);
    const year = parseQuery(z.coerce.number().int().min(2000).max(2100), req.params.year);
    const { days } = parseBody(CalendarYearBody, req.body);
    res.json(await saveCalendarYear(ctx, { year, days, source: `admin:${user.username}` }));
  });
  return r;
}
