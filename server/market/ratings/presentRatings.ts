import type { RatingRow } from '../../../db/repositories/market/ratings';
import type { ComplaintRow } from '../../../db/repositories/market/complaints';
import { orderComposite, type RatingWeights } from '../../../workflows/marketScore';

const marks = (r: RatingRow) => ({ quality: r.quality, timeliness: r.timeliness, attitude: r.attitude, fees: r.fees, conduct: r.conduct });

/** The public face of a counted rating: the rater's kind only, never who. */
export const presentPublicRating = (r: RatingRow) => ({ id: r.id, orderId: r.orderId, agencyId: r.agencyId, raterKind: r.raterKind, marks: marks(r), comment: r.comment, createdAt: r.createdAt });

/** The centre's (and the rater's own) view: with its state, moderation and revision. */
export const presentRating = (r: RatingRow, weights: RatingWeights) => ({
  ...presentPublicRating(r),
  state: r.state,
  raterUserId: r.raterUserId,
  composite: orderComposite([{ ...r, orderId: r.orderId }], weights),
  moderationReason: r.moderationReason,
  moderatedAt: r.moderatedAt,
  revision: r.rowVersion,
});

export const presentComplaint = (c: ComplaintRow) => ({
  id: c.id,
  orderId: c.orderId,
  agencyId: c.agencyId,
  reason: c.reason,
  state: c.state,
  outcome: c.outcome,
  createdAt: c.createdAt,
  closedAt: c.closedAt,
  revision: c.rowVersion,
});
