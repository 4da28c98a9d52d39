import { insertRating, ratingOfKind } from '../../../db/repositories/market/ratings';
import { findRatedAgency, findRatedOrder } from '../../../db/repositories/market/ratingSubjects';
import { marketRatingMachine } from '../../../workflows/marketRatingMachine';
import type { RatingMarks } from '../../../workflows/marketScore';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, forbidden } from '../../errors';
import { applyCommand } from '../../commands/aggregates/applyCommand';
import type { AggregateResult } from '../../commands/aggregates/machineAggregate';
import { machineCreation } from '../../commands/aggregates/machineCreation';
import { isAgencyUser, raterKindOf } from '../../policies/marketRatings';
import { ratingLive, type RatingAggRow } from './ratingLive';
import { orderNotFound as marketOrderNotFound } from '../orders/orderAggregate';

export interface RateOrderProps extends RatingMarks {
  actor: Actor;
  orderId: number;
  comment: string;
}

export { marketOrderNotFound };

/**
 * RATE: one of the three raters rates the agency of a completed order, once
 * per kind (client, department, centre); the rating waits for the centre's
 * moderation before it counts. An agency never rates.
 */
export const ratingCreation = machineCreation<RateOrderProps, RatingAggRow>({
  aggregate: 'marketRating',
  machine: marketRatingMachine,
  async plan(_ctx, trx, props) {
    const { actor } = props;
    if (isAgencyUser(actor)) throw new AppError('AGENCY_CANNOT_RATE', 403, 'An agency does not rate orders, its own or any other');
    const order = await findRatedOrder(trx, props.orderId);
    if (!order) throw marketOrderNotFound();
    const kind = raterKindOf(actor, order);
    if (!kind) throw forbidden('Only the order’s client, the approving department and the centre rate an order');
    if (order.state !== 'completed' || order.chosenAgencyId === null) throw new AppError('ORDER_NOT_COMPLETED', 409, 'An order is rated once its service is completed', { state: order.state });
    if (await ratingOfKind(trx, order.id, kind)) throw new AppError('ALREADY_RATED', 409, `This order already has its ${kind} rating; a rating is made once and not changed`, { raterKind: kind });
    const agency = await findRatedAgency(trx, order.chosenAgencyId);
    const marks = { quality: props.quality, timeliness: props.timeliness, attitude: props.attitude, fees: props.fees, conduct: props.conduct };
    return {
      actor,
      type: 'RATE',
      payload: { orderId: order.id, agencyId: order.chosenAgencyId, raterKind: kind, ...marks },
      input: undefined,
      columns: (_initial, at) => ({
        orderId: order.id,
        agencyId: order.chosenAgencyId!,
        raterKind: kind,
        raterUserId: actor.kind === 'user' ? actor.user.id : null,
        ...marks,
        comment: props.comment.trim(),
        moderatedBy: null,
        moderationReason: null,
        createdAt: at,
        moderatedAt: null,
        agencyUserId: agency?.userId ?? null,
        orderJurisdiction: order.jurisdictionCode,
      }),
    };
  },
  insert: async (trx, row) => {
    try {
      return await insertRating(trx, row);
    } catch (e) {
      // Two raters of one kind at once: the unique key (order, kind) lets one in.
      if (/unique|duplicate/i.test(String((e as Error).message))) throw new AppError('ALREADY_RATED', 409, 'This order already has a rating of this kind', { raterKind: row.raterKind });
      throw e;
    }
  },
  live: (row, event) => ratingLive(row, event),
});

export function rateOrder(ctx: AppContext, props: RateOrderProps): Promise<AggregateResult<RatingAggRow>> {
  return applyCommand(ctx, ratingCreation, props);
}
