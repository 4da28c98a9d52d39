import type { Knex } from 'knex';
import { findRating, updateRatingIfVersion, type RatingRow } from '../../../db/repositories/market/ratings';
import { findRatedAgency, findRatedOrder } from '../../../db/repositories/market/ratingSubjects';
import { marketRatingMachine, type RatingContext, type RatingEvent } from '../../../workflows/marketRatingMachine';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, forbidden } from '../../errors';
import { applyCommand } from '../../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../../commands/aggregates/machineAggregate';
import { isMarketCentre } from '../../policies/marketRatings';
import { ratingLive, type RatingAggRow } from './ratingLive';
import { oneStarBadAct, recomputeAgencyScore } from './recomputeScore';

export type RatingAction = Omit<RatingEvent, 'actor' | 'today'>;

export const ratingNotFound = () => new AppError('RATING_NOT_FOUND', 404, 'No rating with this number that you may moderate');

export async function loadRatingAgg(db: Knex, id: number, forUpdate: boolean): Promise<RatingAggRow | undefined> {
  const r = await findRating(db, id, forUpdate);
  if (!r) return undefined;
  const [order, agency] = await Promise.all([findRatedOrder(db, r.orderId), findRatedAgency(db, r.agencyId)]);
  return { ...r, agencyUserId: agency?.userId ?? null, orderJurisdiction: order?.jurisdictionCode ?? '' };
}

/**
 * Moderation of a rating (APPROVE / REJECT with a reason) on the one command
 * path. APPROVE recomputes the agency's score and stars in the same
 * transaction (and writes the one-star bad act when the order's composite
 * falls below 2); the live message then carries the new score and stars.
 */
export function ratingModeration(ctx: AppContext) {
  return machineAggregate<RatingAggRow, RatingAction>({
    aggregate: 'marketRating',
    load: (trx, key, forUpdate) => loadRatingAgg(trx, Number(key), forUpdate),
    notFound: ratingNotFound,
    authorise(actor: Actor, r) {
      if (isMarketCentre(actor, r.orderJurisdiction)) return;
      if (actor.kind === 'user' && actor.user.role === 'supervisor') throw ratingNotFound();
      throw forbidden('Only the centre (a city supervisor) moderates ratings');
    },
    machine: marketRatingMachine,
    context: (r) => ({ rejection: r.state === 'rejected' ? r.moderationReason : null }) satisfies RatingContext,
    columns: (_r, _after, action, at) => ({ moderatedAt: at, moderationReason: action.reason?.trim() || null }),
    update: (trx, row, patch) => updateRatingIfVersion(trx, row, patch as Partial<RatingRow>),
    payload: (action) => ({ type: action.type }),
    live: (row, event) => ratingLive(row, event),
    async effects(c, trx, result) {
      const { row, event } = result;
      await trx('market_ratings').where({ id: row.id }).update({ moderated_by: event.actorUserId });
      row.moderatedBy = event.actorUserId;
      if (event.type !== 'APPROVE') return;
      const weights = c.config.MARKET_RATING_WEIGHTS;
      await oneStarBadAct(trx, row.orderId, row.agencyId, weights, event.createdAt);
      const score = await recomputeAgencyScore(trx, row.agencyId, weights, event.createdAt);
      // The outbox row is still this transaction's: its message now carries the score the approval made.
      await trx('aggregate_events').where({ id: result.event.id }).update({ live: JSON.stringify(ratingLive(row, event, score)) });
    },
  });
}

/** APPROVE or REJECT one rating by the centre. */
export function moderateRating(ctx: AppContext, props: AggregateCommand<RatingAction>): Promise<AggregateResult<RatingAggRow>> {
  return applyCommand(ctx, ratingModeration(ctx), props);
}
