import { Router } from 'express';
import { listAggregateEvents } from '../../db/repositories/aggregateEvents';
import { listHandlers, listRatingsOfCase } from '../../db/repositories/ratings/caseRatings';
import { callBackRate, monthlyResults, rectificationCounts, satisfactionBy } from '../../db/repositories/ratings/ratingFigures';
import { findRectification, listRectifications, listRectificationsOfCase } from '../../db/repositories/ratings/rectifications';
import { isWithin } from '../../workflows/levels';
import { RATING_STAGES } from '../../workflows/ratingDesk';
import { rectificationActionsIn } from '../../workflows/rectificationMachine';
import type { Actor } from '../auth/actor';
import { applyCommand } from '../commands/aggregates/applyCommand';
import type { AppContext } from '../context';
import { forbidden } from '../errors';
import { requireUser } from '../http/auth';
import { MonthlyQuery, NumericId, RateCaseBody, RateRectificationBody, RatingSupervisionQuery, RectificationActionBody, RectificationsQuery } from '../http/ratingSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { canSeeRectification, rectificationListScope, rectificationRole, worksRectificationDesk } from '../policies/ratings';
import { maskName } from '../presenters/licences';
import { maskPhone } from '../presenters/case';
import { presentRating, presentRectification, presentRectificationEvent } from '../presenters/ratings';
import { isApplicantOf, rateCase, ratingApplicantOnly, stageReached, type RatingInput } from '../ratings/rateCase';
import { rectificationNotFound, rectificationTransitions } from '../ratings/rectificationAggregate';
import { resolveCaseAccess } from './cases';
import { findCaseById } from '../../db/repositories/cases';

const idOf = (raw: unknown): number => {
  const parsed = NumericId.safeParse(raw);
  if (!parsed.success) throw rectificationNotFound();
  return parsed.data;
};

/** 好差评: the applicant's ratings, the desk's rectifications, the supervisors' figures and the public monthly results. */
export function ratingsRouter(ctx: AppContext): Router {
  const r = Router();

  r.post('/cases/:caseNo/rating', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const rating = parseBody(RateCaseBody, req.body) as RatingInput;
    const result = await rateCase(ctx, { actor, caseNo: row.caseNo, rating });
    res.status(201).json({ rating: presentRating(result.rating), rectification: result.rectification ? presentRectification(result.rectification.row) : null });
  });

  // The case page: its ratings with their rectifications' outcome, and which stages the caller may rate now.
  r.get('/cases/:caseNo/ratings', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const ratings = await listRatingsOfCase(ctx.db.knex, row.id);
    const rectifications = await listRectificationsOfCase(ctx.db.knex, row.id);
    const isApplicant = isApplicantOf(actor, row);
    res.json({
      ratings: ratings.map((g) => {
        const x = rectifications.find((t) => t.ratingId === g.id);
        return { ...presentRating(g), rectification: x ? presentRectification(x) : null };
      }),
      rateable: isApplicant ? RATING_STAGES.filter((s) => stageReached(row, s) && !ratings.some((g) => g.stage === s)) : [],
    });
  });

  r.post('/cases/:caseNo/rectification-rating', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    if (!isApplicantOf(actor, row)) throw ratingApplicantOnly();
    const { stage, score, comment } = parseBody(RateRectificationBody, req.body);
    const task = (await listRectificationsOfCase(ctx.db.knex, row.id)).find((t) => t.stage === stage);
    if (!task) throw rectificationNotFound();
    const result = await applyCommand(ctx, rectificationTransitions, { key: String(task.id), actor, action: { type: 'APPLICANT_RATE', score, reason: comment ?? '' } });
    res.json({ rectification: presentRectification(result.row) });
  });

  r.get('/desk/rectifications', async (req, res) => {
    const actor: Actor = { kind: 'user', user: requireUser(res, ['clerk', 'reviewer', 'supervisor']) };
    const scope = rectificationListScope(actor);
    if (!scope) throw forbidden('Only a desk’s staff and supervisors list rectifications');
    const query = parseQuery(RectificationsQuery, req.query);
    const rows = await listRectifications(ctx.db.knex, { ...scope, ...query });
    res.json({ rectifications: rows.map((t) => ({ ...presentRectification(t), actions: rectificationActionsIn(t.state, roleOf(actor, t)) })) });
  });

  r.get('/rectifications/:id', async (req, res) => {
    const actor: Actor = { kind: 'user', user: requireUser(res) };
    const t = await findRectification(ctx.db.knex, idOf(req.params.id));
    if (!t || !canSeeRectification(actor, t)) throw rectificationNotFound();
    const rating = (await listRatingsOfCase(ctx.db.knex, t.caseId)).find((g) => g.id === t.ratingId)!;
    const c = await findCaseById(ctx.db.knex, t.caseId);
    // The desk calls a real-name rater back: it alone gets the name and phone (a supervisor sees them masked; an anonymous rater has none).
    const desk = worksRectificationDesk(actor, t);
    const contact = t.realName && c ? { name: desk ? c.applicantName : maskName(c.applicantName), phone: desk ? c.applicantPhone : maskPhone(c.applicantPhone) } : null;
    const handlers = (await listHandlers(ctx.db.knex, t.ratingId)).map(({ userId: _u, ...h }) => h);
    const history = await listAggregateEvents(ctx.db.knex, 'rectification', [t.id]);
    res.json({
      rectification: presentRectification(t),
      rating: presentRating(rating),
      handlers,
      contact,
      actions: rectificationActionsIn(t.state, roleOf(actor, t)),
      history: history.map(presentRectificationEvent),
    });
  });

  r.post('/rectifications/:id/actions', async (req, res) => {
    const actor: Actor = { kind: 'user', user: requireUser(res) };
    const id = idOf(req.params.id);
    const { expectedRevision, ...action } = parseBody(RectificationActionBody, req.body);
    const result = await applyCommand(ctx, rectificationTransitions, { key: String(id), actor, action, expectedVersion: expectedRevision });
    res.json({ rectification: presentRectification(result.row), event: presentRectificationEvent(result.event) });
  });

  // The supervisors' panels: satisfaction by centre, department and item; rectifications open and overdue; 实名差评回访率.
  r.get('/ratings/supervision', async (req, res) => {
    const user = requireUser(res, ['supervisor']);
    const { scope = user.jurisdictionCode } = parseQuery(RatingSupervisionQuery, req.query);
    if (!isWithin(scope, user.jurisdictionCode)) throw forbidden('Outside your jurisdiction');
    const db = ctx.db.knex;
    const [byCentre, byDepartment, byItem, rectifications, callBack] = await Promise.all([
      satisfactionBy(db, scope, 'centre'),
      satisfactionBy(db, scope, 'department'),
      satisfactionBy(db, scope, 'item', 50),
      rectificationCounts(db, scope),
      callBackRate(db, scope),
    ]);
    const rate = callBack.realNameBad === 0 ? null : Math.round((callBack.calledBack / callBack.realNameBad) * 1000) / 10;
    res.json({ scope, byCentre, byDepartment, byItem, rectifications, callBack: { ...callBack, ratePercent: rate } });
  });

  r.get('/ratings/monthly', async (req, res) => {
    const q = parseQuery(MonthlyQuery, req.query);
    const { total, rows } = await monthlyResults(ctx.db.knex, q);
    res.json({ total, page: q.page, pageSize: q.pageSize, results: rows });
  });

  return r;
}

function roleOf(actor: Actor, t: Parameters<typeof rectificationRole>[1]): 'desk' | 'supervisor' | null {
  const role = rectificationRole(actor, t);
  return role === 'desk' || role === 'supervisor' ? role : null;
}
