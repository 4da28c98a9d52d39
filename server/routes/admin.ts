import express, { Router } from 'express';
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
  r.post('/items/import', express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' }), async (req, res) => {
    requireUser(res, ['admin']);
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
