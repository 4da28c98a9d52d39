import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { importItems } from '../commands/importItems';
import { saveCalendarYear } from '../commands/saveCalendarYear';
import type { AppContext } from '../context';
import { badRequest } from '../errors';
import { requireUser } from '../http/auth';
import { CalendarYearBody } from '../http/schemas';
import { parseBody, parseQuery } from '../http/validate';
import { importLang } from '../../workflows/importProblems';

/** What the catalogue import takes as its body. */
export const IMPORT_TYPES = ['text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

/** Administrator operations: catalogue import and the holiday calendar. */
export function adminRouter(ctx: AppContext): Router {
  const r = Router();
  // The role is checked before the (up to 5 MB) body is read: nobody else gets to upload anything.
  const adminOnly: RequestHandler = (_req, res, next) => {
    requireUser(res, ['admin']);
    next();
  };
  // Raw bytes: the importer tells UTF-8 from GB18030 (Excel on a Chinese Windows) and CSV from .xlsx itself.
  r.post('/items/import', adminOnly, express.raw({ type: IMPORT_TYPES, limit: '5mb' }), async (req, res) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw badRequest('Send the CSV or .xlsx file as the body with Content-Type: text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const charset = /;\s*charset="?([\w.:-]+)"?/i.exec(req.get('content-type') ?? '')?.[1];
    const lang = importLang(req.acceptsLanguages('zh', 'en') || 'zh');
    res.json(await importItems(ctx, { data: req.body, charset, lang }));
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
