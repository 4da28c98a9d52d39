import { Router } from 'express';
import { exportRegister, searchRegister, type RegisterFilter } from '../../db/repositories/publicity/publicityQueries';
import { chinaDate } from '../../workflows/calendar';
import { areaPrefix } from '../../workflows/publicity';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { PublicityExportQuery, PublicityQuery, type PublicityFilters } from '../http/publicitySchemas';
import { parseQuery } from '../http/validate';
import { presentRegisterEntry } from '../presenters/publicity';
import { toCsv, toJsonExport } from '../publicity/creditExport';

/** The most records one export holds: more answers 422 EXPORT_TOO_LARGE (narrow it with from/to). */
export const EXPORT_MAX = 20_000;

const filterOf = (f: PublicityFilters): RegisterFilter => ({
  q: f.q,
  item: f.item,
  areaPrefix: f.jurisdiction ? areaPrefix(f.jurisdiction) : undefined,
  issuer: f.issuer,
  from: f.from,
  to: f.to,
});

/**
 * The public register of licensing decisions (双公示, 行政许可法 Art. 40):
 * anyone, without logging in, searches the published entries and exports
 * them for the credit platform (docs/publicity.md). Unpublished entries are
 * never shown.
 */
export function publicityRouter(ctx: AppContext): Router {
  const r = Router();

  r.get('/publicity', async (req, res) => {
    const query = parseQuery(PublicityQuery, req.query);
    const { total, rows } = await searchRegister(ctx.db.knex, filterOf(query), query.page, query.pageSize);
    const today = chinaDate(ctx.now());
    res.json({ total, page: query.page, pageSize: query.pageSize, entries: rows.map((row) => presentRegisterEntry(row, today)) });
  });

  r.get('/publicity/export', async (req, res) => {
    const { format, ...filters } = parseQuery(PublicityExportQuery, req.query);
    const { total, rows } = await exportRegister(ctx.db.knex, filterOf(filters), EXPORT_MAX);
    if (!rows) {
      throw new AppError('EXPORT_TOO_LARGE', 422, `${total} entries match, more than the ${EXPORT_MAX} one export holds: narrow it with from and to`, { total, max: EXPORT_MAX });
    }
    const now = ctx.now();
    const today = chinaDate(now);
    const entries = rows.map((row) => presentRegisterEntry(row, today));
    const name = `xzxk-publicity-${today.replace(/-/g, '')}.${format}`;
    res.set({
      'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`行政许可公示-${today}.${format}`)}`,
      'Cache-Control': 'no-store',
      'X-Total-Count': String(total),
    });
    if (format === 'json') {
      res.json(toJsonExport(entries, now.toISOString(), filters));
      return;
    }
    res.type('text/csv; charset=utf-8').send(toCsv(entries));
  });

  return r;
}
