import type { AggregateEventRow, AggregateLive } from '../../../db/repositories/aggregateEvents';
import type { RatingRow } from '../../../db/repositories/market/ratings';
import { rooms, type MarketRatingUpdated } from '../../../workflows/socketContract';
import { centreCityOf } from './recomputeScore';

/** A rating as the command path carries it: its row and, read alongside, whom its changes concern. */
export interface RatingAggRow extends RatingRow {
  /** The agency's account (its user room), if it has one. */
  agencyUserId: number | null;
  /** The order's jurisdiction (the centre watching it is its city's). */
  orderJurisdiction: string;
}

/**
 * `rating:updated`: to the centre (supervision room of the order's city) and the
 * agency's own account in every state; to the public market room once approved.
 * Public fields only (kind, status, the agency's new score and stars; no rater).
 */
export function ratingLive(r: RatingAggRow, event: Omit<AggregateEventRow, 'id'>, score: { score: number | null; stars: number | null } | null = null): AggregateLive {
  const to = [rooms.supervision(centreCityOf(r.orderJurisdiction)), ...(r.agencyUserId ? [rooms.user(r.agencyUserId)] : []), ...(r.state === 'approved' ? [rooms.market()] : [])];
  const message: MarketRatingUpdated = {
    id: r.id,
    orderId: r.orderId,
    agencyId: r.agencyId,
    raterKind: r.raterKind,
    type: event.type,
    status: r.state,
    agencyScore: score?.score ?? null,
    agencyStars: score?.stars ?? null,
    seq: event.seq,
    at: event.createdAt,
  };
  return { event: 'rating:updated', rooms: to, message };
}
