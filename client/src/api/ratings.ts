/**
 * 好差评: the case page's ratings and rectifications, the desk's workbench,
 * the supervisors' figures and the public monthly results. Shapes come from
 * the server's presenters and schemas (type-only imports).
 */
import type { z } from 'zod';
import type { MonthlyRow, MissingCallBack, SatisfactionRow } from '../../../db/repositories/ratings/ratingFigures';
import type { RateCaseBody, RectificationActionBody } from '../../../server/http/ratingSchemas';
import type { presentRating, presentRectification, presentRectificationEvent } from '../../../server/presenters/ratings';
import type { Handler, RatingStage } from '../../../workflows/ratingDesk';
import type { RectificationStaffAction, RectificationState } from '../../../workflows/rectificationMachine';
import { api, qs } from './http';

export type { RatingStage, RectificationStaffAction, RectificationState, SatisfactionRow, MonthlyRow, MissingCallBack };
export type RatingView = ReturnType<typeof presentRating>;
export type RectificationView = ReturnType<typeof presentRectification>;
export type RectificationEventView = ReturnType<typeof presentRectificationEvent>;
export type RateBody = z.infer<typeof RateCaseBody>;
export type RectificationActionInput = z.infer<typeof RectificationActionBody>;

export interface CaseRatings {
  ratings: (RatingView & { rectification: RectificationView | null })[];
  rateable: RatingStage[];
}

export function getCaseRatings(caseNo: string, queryCode?: string | null): Promise<CaseRatings> {
  return api<CaseRatings>('GET', `/api/cases/${caseNo}/ratings`, { queryCode: queryCode ?? undefined });
}

export function rateCase(caseNo: string, body: RateBody, queryCode?: string | null): Promise<{ rating: RatingView; rectification: RectificationView | null }> {
  return api('POST', `/api/cases/${caseNo}/rating`, { body, queryCode: queryCode ?? undefined });
}

export function rateRectification(caseNo: string, body: { stage: RatingStage; score: number; comment?: string }, queryCode?: string | null): Promise<{ rectification: RectificationView }> {
  return api('POST', `/api/cases/${caseNo}/rectification-rating`, { body, queryCode: queryCode ?? undefined });
}

export type DeskRectification = RectificationView & { actions: RectificationStaffAction[] };

export function listDeskRectifications(state?: RectificationState): Promise<DeskRectification[]> {
  return api<{ rectifications: DeskRectification[] }>('GET', `/api/desk/rectifications${qs({ state, limit: 100 })}`).then((r) => r.rectifications);
}

export interface RectificationDetail {
  rectification: RectificationView;
  rating: RatingView;
  handlers: Omit<Handler, 'userId'>[];
  contact: { name: string; phone: string } | null;
  actions: RectificationStaffAction[];
  history: RectificationEventView[];
}

export function getRectification(id: number): Promise<RectificationDetail> {
  return api<RectificationDetail>('GET', `/api/rectifications/${id}`);
}

export function actOnRectification(id: number, body: RectificationActionInput): Promise<{ rectification: RectificationView }> {
  return api('POST', `/api/rectifications/${id}/actions`, { body });
}

export interface RatingSupervision {
  scope: string;
  byCentre: SatisfactionRow[];
  byDepartment: SatisfactionRow[];
  byItem: SatisfactionRow[];
  rectifications: { open: number; overdue: number; resolved: number; dismissed: number };
  callBack: { realNameBad: number; calledBack: number; ratePercent: number | null; missing: MissingCallBack[] };
}

export function getRatingSupervision(scope?: string): Promise<RatingSupervision> {
  return api<RatingSupervision>('GET', `/api/ratings/supervision${qs({ scope })}`);
}

export function getMonthly(q: { month?: string; page: number; pageSize: number }): Promise<{ total: number; page: number; pageSize: number; results: MonthlyRow[] }> {
  return api('GET', `/api/ratings/monthly${qs(q)}`);
}
