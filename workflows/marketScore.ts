/**
 * An intermediary agency's score and stars from its moderated ratings
 * (三位一体: the client, the approving department and the centre each rate
 * a completed order on five indicators, 1–5). Pure: the same ratings give
 * the same score, so the public ranking can be recomputed by anyone.
 *
 * - An order's composite: each rater's mean of the five indicators, weighted
 *   client:department:centre (default 5:3:2, Yuyao), over the raters present.
 * - The agency's score: the mean composite of its rated orders, on 0–100
 *   (composite 5 → 100, 1 → 0), two decimals.
 * - Stars: ≥ 90 ★★★★★, ≥ 80 ★★★★, ≥ 70 ★★★, ≥ 60 ★★, below ★; and one star
 *   whenever any order's composite is below 2 (a one-star rating) or a bad
 *   act is on record (late without reason, false result, fee above contract).
 */
export const RATER_KINDS = ['client', 'department', 'centre'] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

export const RATING_INDICATORS = ['quality', 'timeliness', 'attitude', 'fees', 'conduct'] as const;
export type RatingIndicator = (typeof RATING_INDICATORS)[number];

export type RatingMarks = Record<RatingIndicator, number>;

export interface CountedRating extends RatingMarks {
  orderId: number;
  raterKind: RaterKind;
}

export interface AgencyScore {
  /** 0–100, null with no rated order. */
  score: number | null;
  /** 1–5, null with no rated order and no bad act. */
  stars: number | null;
  ratedOrders: number;
}

export type RatingWeights = readonly [client: number, department: number, centre: number];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The weighted composite (1–5) of one order's ratings; null when none of its raters carries weight. */
export function orderComposite(ratings: readonly CountedRating[], weights: RatingWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const r of ratings) {
    const w = weights[RATER_KINDS.indexOf(r.raterKind)] ?? 0;
    sum += w * mean(RATING_INDICATORS.map((k) => r[k]));
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

export function starsFor(score: number): number {
  if (score >= 90) return 5;
  if (score >= 80) return 4;
  if (score >= 70) return 3;
  if (score >= 60) return 2;
  return 1;
}

/** Score and stars from an agency's approved ratings and the number of its bad acts on record. */
export function agencyScore(ratings: readonly CountedRating[], weights: RatingWeights, badActs = 0): AgencyScore {
  const byOrder = new Map<number, CountedRating[]>();
  for (const r of ratings) byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), r]);
  const composites = [...byOrder.values()].map((rs) => orderComposite(rs, weights)).filter((c): c is number => c !== null);
  if (composites.length === 0) return { score: null, stars: badActs > 0 ? 1 : null, ratedOrders: 0 };
  const score = Math.round(((mean(composites) - 1) / 4) * 100 * 100) / 100;
  const oneStar = badActs > 0 || composites.some((c) => c < 2);
  return { score, stars: oneStar ? 1 : starsFor(score), ratedOrders: composites.length };
}
