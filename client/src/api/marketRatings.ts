/**
 * Market ratings (issue 12 part C): the public rankings, an order's ratings and
 * the rating form, the centre's moderation queue, bad acts, complaints and the
 * supervision screen. Shapes come from the server's presenters (type-only imports).
 */
import type { presentComplaint, presentPublicRating, presentRating } from '../../../server/market/ratings/presentRatings';
import type { RankingRow, BadActView } from '../../../db/repositories/market/ratingQueries';
import { api, qs } from './http';

export type RatingView = ReturnType<typeof presentRating>;
export type PublicRatingView = ReturnType<typeof presentPublicRating>;
export type ComplaintView = ReturnType<typeof presentComplaint>;
export type RankedAgency = RankingRow & { rank: number; pinned: boolean };
export type { BadActView };

export interface Marks {
  quality: number;
  timeliness: number;
  attitude: number;
  fees: number;
  conduct: number;
}
export const INDICATORS = ['quality', 'timeliness', 'attitude', 'fees', 'conduct'] as const;

export function getRankings(p: { page: number; pageSize: number; serviceItem?: string }): Promise<{ total: number; page: number; pageSize: number; agencies: RankedAgency[] }> {
  return api('GET', `/api/market/rankings${qs(p)}`);
}

export interface OrderRatings {
  order: { id: number; orderNo: string; state: string; serviceItemCode: string; agency: { id: number; name: string; stars: number | null; score: number | null } | null };
  ratings: (PublicRatingView | RatingView)[];
  mine: { raterKind: string; rating: RatingView | null; mayRate: boolean } | null;
}

export const getOrderRatings = (orderId: number): Promise<OrderRatings> => api('GET', `/api/market/orders/${orderId}/ratings`);

export const rateOrder = (orderId: number, body: Marks & { comment: string }): Promise<{ rating: RatingView }> => api('POST', `/api/market/orders/${orderId}/ratings`, { body });

export const listRatings = (status: string, page = 1): Promise<{ total: number; ratings: RatingView[] }> => api('GET', `/api/market/ratings${qs({ status, page })}`);

export const moderateRating = (id: number, body: { type: 'APPROVE' } | { type: 'REJECT'; reason: string }): Promise<{ rating: RatingView; agency: { id: number; score: number | null; stars: number | null } | null }> =>
  api('POST', `/api/market/ratings/${id}/moderate`, { body });

export const closeComplaint = (id: number, outcome: string): Promise<{ complaint: ComplaintView }> => api('POST', `/api/market/complaints/${id}/close`, { body: { outcome } });

export const fileComplaint = (orderId: number, reason: string): Promise<{ complaint: ComplaintView }> => api('POST', `/api/market/orders/${orderId}/complaints`, { body: { reason } });

export interface Supervision {
  orders: { openByState: Record<string, number>; overdue: { id: number; orderNo: string; title: string; state: string; serviceDueOn: string | null; agencyId: number | null; agencyName: string | null }[] };
  league: { total: number; agencies: RankingRow[] };
  badActs: BadActView[];
  complaints: { open: number; items: ComplaintView[] };
  pendingRatings: { total: number; items: RatingView[] };
  toReview: { id: number; name: string; state: string; score: number | null; stars: number; ratedOrders: number; badActs: number }[];
}

export const getSupervision = (): Promise<Supervision> => api('GET', '/api/market/supervision');

export const creditRecordsUrl = (format: 'csv' | 'json') => `/api/market/credit-records?format=${format}`;
