import { Router } from 'express';
import { listComplaints } from '../../db/repositories/market/complaints';
import { listRatingsByState, ratingsOfOrder } from '../../db/repositories/market/ratings';
import { findRatedAgency, findRatedOrder } from '../../db/repositories/market/ratingSubjects';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { forbidden } from '../errors';
import { currentUser, requireUser } from '../http/auth';
import { BadActBody, CloseComplaintBody, ComplaintBody, ComplaintsQuery, MarketIdParam, ModerateRatingBody, RateOrderBody, RatingsQuery } from '../http/marketRatingSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { closeComplaint, complaintNotFound, fileComplaint } from '../market/ratings/complaints';
import { presentComplaint, presentPublicRating, presentRating } from '../market/ratings/presentRatings';
import { marketOrderNotFound, rateOrder } from '../market/ratings/rateOrder';
import { moderateRating, ratingNotFound } from '../market/ratings/ratingAggregate';
import { agencyNotFound, recordBadAct } from '../market/ratings/recordBadAct';
import { isAgencyUser, isMarketCentre, raterKindOf } from '../policies/marketRatings';

const userActor = (res: Parameters<typeof requireUser>[0]): Actor => ({ kind: 'user', user: requireUser(res) });

/** Three-way ratings, their moderation, bad acts and complaints (issue 12, docs/market-ratings.md). */
export function marketRatingsRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;
  const weights = () => ctx.config.MARKET_RATING_WEIGHTS;
  const idOr = (raw: unknown, nf: () => Error): number => {
    const p = MarketIdParam.safeParse(raw);
    if (!p.success) throw nf();
    return p.data;
  };

  r.post('/market/orders/:id/ratings', async (req, res) => {
    const actor = userActor(res);
    const orderId = idOr(req.params.id, marketOrderNotFound);
    const body = parseBody(RateOrderBody, req.body);
    const result = await rateOrder(ctx, { actor, orderId, ...body });
    res.status(201).json({ rating: presentRating(result.row, weights()) });
  });

  // Who rated what, once approved (the rater's kind only); the centre sees every rating with its state.
  r.get('/market/orders/:id/ratings', async (req, res) => {
    const user = currentUser(res);
    const actor: Actor | null = user ? { kind: 'user', user } : null;
    const order = await findRatedOrder(db, idOr(req.params.id, marketOrderNotFound));
    if (!order) throw marketOrderNotFound();
    const rows = await ratingsOfOrder(db, order.id);
    const centre = actor !== null && isMarketCentre(actor, order.jurisdictionCode);
    const myKind = actor ? raterKindOf(actor, order) : null;
    const agency = order.chosenAgencyId ? await findRatedAgency(db, order.chosenAgencyId) : undefined;
    res.json({
      order: { id: order.id, orderNo: order.orderNo, state: order.state, serviceItemCode: order.serviceItemCode, agency: agency ? { id: agency.id, name: agency.name, stars: agency.stars, score: agency.score } : null },
      ratings: rows.filter((x) => centre || x.state === 'approved').map((x) => (centre ? presentRating(x, weights()) : presentPublicRating(x))),
      mine: myKind ? { raterKind: myKind, rating: (() => { const own = rows.find((x) => x.raterKind === myKind); return own ? presentRating(own, weights()) : null; })(), mayRate: order.state === 'completed' && !rows.some((x) => x.raterKind === myKind) } : null,
    });
  });

  r.get('/market/ratings', async (req, res) => {
    const actor = userActor(res);
    if (!isMarketCentre(actor)) throw forbidden('The moderation queue is the centre’s (city supervisors)');
    const q = parseQuery(RatingsQuery, req.query);
    const { total, rows } = await listRatingsByState(db, q.status, q.page, q.pageSize);
    res.json({ total, page: q.page, pageSize: q.pageSize, ratings: rows.map((x) => presentRating(x, weights())) });
  });

  r.post('/market/ratings/:id/moderate', async (req, res) => {
    const actor = userActor(res);
    const id = idOr(req.params.id, ratingNotFound);
    const { expectedRevision, ...action } = parseBody(ModerateRatingBody, req.body);
    const result = await moderateRating(ctx, { key: String(id), actor, action, expectedVersion: expectedRevision });
    const agency = await findRatedAgency(db, result.row.agencyId);
    res.json({ rating: presentRating(result.row, weights()), agency: agency ? { id: agency.id, score: agency.score, stars: agency.stars, ratedOrders: agency.ratedOrders } : null });
  });

  r.post('/market/agencies/:id/bad-acts', async (req, res) => {
    const actor = userActor(res);
    if (isAgencyUser(actor)) throw forbidden('An agency does not record bad acts');
    const agencyId = idOr(req.params.id, agencyNotFound);
    const body = parseBody(BadActBody, req.body);
    const { act, score } = await recordBadAct(ctx, { actor, agencyId, ...body });
    res.status(201).json({ badAct: act, agency: { id: agencyId, ...score } });
  });

  r.post('/market/orders/:id/complaints', async (req, res) => {
    const actor = userActor(res);
    const orderId = idOr(req.params.id, marketOrderNotFound);
    const body = parseBody(ComplaintBody, req.body);
    const result = await fileComplaint(ctx, { actor, orderId, reason: body.reason });
    res.status(201).json({ complaint: presentComplaint(result.row) });
  });

  // The centre's list (all), or an owner's own complaints.
  r.get('/market/complaints', async (req, res) => {
    const actor = userActor(res);
    const q = parseQuery(ComplaintsQuery, req.query);
    const centre = isMarketCentre(actor);
    if (!centre && actor.kind === 'user' && actor.user.role === 'intermediary') throw forbidden('Complaints are the centre’s and their owners’');
    const rows = await listComplaints(db, { state: q.state, ownerUserId: centre || actor.kind !== 'user' ? undefined : actor.user.id, limit: 200 });
    res.json({ complaints: rows.map(presentComplaint) });
  });

  r.post('/market/complaints/:id/close', async (req, res) => {
    const actor = userActor(res);
    const id = idOr(req.params.id, complaintNotFound);
    const { outcome, expectedRevision } = parseBody(CloseComplaintBody, req.body);
    const result = await closeComplaint(ctx, { key: String(id), actor, action: { type: 'CLOSE', reason: outcome }, expectedVersion: expectedRevision });
    res.json({ complaint: presentComplaint(result.row) });
  });

  return r;
}
