import { Router } from 'express';
import { countOpenComplaints, listComplaints } from '../../db/repositories/market/complaints';
import { agenciesToReview, listAgencyBadActs, listRankings, orderOverview } from '../../db/repositories/market/ratingQueries';
import { listRatingsByState } from '../../db/repositories/market/ratings';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { forbidden } from '../errors';
import { requireUser } from '../http/auth';
import { CreditRecordsQuery, RankingsQuery } from '../http/marketRatingSchemas';
import { parseQuery } from '../http/validate';
import { marketCreditCsv, marketCreditJson } from '../market/ratings/creditFile';
import { presentComplaint, presentRating } from '../market/ratings/presentRatings';
import { isMarketCentre } from '../policies/marketRatings';

/** The public league table, the public credit file and the centre's market-supervision screen. */
export function marketRatingViewsRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;

  r.get('/market/rankings', async (req, res) => {
    const q = parseQuery(RankingsQuery, req.query);
    const { total, rows } = await listRankings(db, q);
    res.json({ total, page: q.page, pageSize: q.pageSize, agencies: rows.map((a, i) => ({ rank: (q.page - 1) * q.pageSize + i + 1, ...a, pinned: a.stars === 5 })) });
  });

  // Agencies are legal persons: their bad acts are public credit information (docs/market-ratings.md).
  r.get('/market/credit-records', async (req, res) => {
    const { format } = parseQuery(CreditRecordsQuery, req.query);
    const rows = await listAgencyBadActs(db, { limit: 10_000 });
    if (format === 'csv') {
      res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="market-credit-records.csv"` });
      res.send(marketCreditCsv(rows));
      return;
    }
    res.json(marketCreditJson(rows));
  });

  r.get('/market/supervision', async (_req, res) => {
    const actor: Actor = { kind: 'user', user: requireUser(res) };
    if (!isMarketCentre(actor)) throw forbidden('The market-supervision screen is the centre’s (city supervisors)');
    const weights = ctx.config.MARKET_RATING_WEIGHTS;
    const [orders, league, badActs, complaints, openComplaints, pending, toReview] = await Promise.all([
      orderOverview(db),
      listRankings(db, { page: 1, pageSize: 20 }),
      listAgencyBadActs(db, { limit: 50 }),
      listComplaints(db, { state: 'open', limit: 50 }),
      countOpenComplaints(db),
      listRatingsByState(db, 'pending', 1, 50),
      agenciesToReview(db, 50),
    ]);
    res.json({
      orders,
      league: { total: league.total, agencies: league.rows },
      badActs,
      complaints: { open: openComplaints, items: complaints.map(presentComplaint) },
      pendingRatings: { total: pending.total, items: pending.rows.map((x) => presentRating(x, weights)) },
      toReview,
    });
  });

  return r;
}
