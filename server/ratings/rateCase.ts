import { dbTime } from '../../db/connection';
import { listCaseEvents } from '../../db/repositories/caseEvents';
import { findCaseByNo, type CaseRow } from '../../db/repositories/cases';
import { findItemById } from '../../db/repositories/items';
import { findRatingOfStage, insertRating, type CaseRatingRow } from '../../db/repositories/ratings/caseRatings';
import type { RectificationRow } from '../../db/repositories/ratings/rectifications';
import { chinaDate } from '../../workflows/calendar';
import { FINAL_STATES } from '../../workflows/caseStates';
import { levelOfCode } from '../../workflows/levels';
import { answerableDesk, handlersOf, isBadRating, type Handler, type RatingStage } from '../../workflows/ratingDesk';
import type { Actor } from '../auth/actor';
import { applyCommand, applyIn, type AggregateKind } from '../commands/aggregates/applyCommand';
import type { AggregateResult } from '../commands/aggregates/machineAggregate';
import type { AppContext } from '../context';
import { AppError, caseNotFound, notFound } from '../errors';
import { canViewCase } from '../policies/cases';
import { rectificationCreation } from './rectificationAggregate';

export interface RatingInput {
  stage: RatingStage;
  overall: number;
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  usability: number;
  comment?: string;
  anonymous?: boolean;
}

interface Props {
  actor: Actor;
  caseNo: string;
  rating: RatingInput;
}

interface Plan {
  props: Props;
  row: Omit<CaseRatingRow, 'id'>;
  handlers: Handler[];
  applicantUserId: number | null;
}

export interface RatingResult {
  rating: CaseRatingRow;
  rectification: AggregateResult<RectificationRow> | null;
}

export const ratingApplicantOnly = () => new AppError('RATING_APPLICANT_ONLY', 403, 'Only the applicant rates a case; staff cannot rate, change or hide a rating');
export const ratingAlreadyGiven = (stage: string) => new AppError('RATING_ALREADY_GIVEN', 409, `This case was rated for the ${stage} stage already`, { stage });
export const ratingStageNotReached = (stage: string) =>
  new AppError('RATING_STAGE_NOT_REACHED', 409, stage === 'accept' ? 'The case is not accepted yet' : 'The case is not closed yet', { stage });

/** Whether the case has reached the stage a rating covers. */
export function stageReached(c: Pick<CaseRow, 'acceptedAt' | 'state'>, stage: RatingStage): boolean {
  return stage === 'accept' ? c.acceptedAt !== null : FINAL_STATES.includes(c.state);
}

export const isApplicantOf = (actor: Actor, c: CaseRow) =>
  (actor.kind === 'queryCode' && actor.caseNo === c.caseNo) || (actor.kind === 'user' && actor.user.role === 'applicant' && actor.user.id === c.applicantUserId);

/**
 * 好差评 as a command of the one command path: the case row locked, the
 * applicant's rating written once per stage with the staff acts it covers,
 * and, for a bad one, its rectification opened for the answerable desk in the
 * same transaction (RECTIFICATION_WORKING_DAYS working days to answer).
 */
const rateKind: AggregateKind<Props, CaseRow, Plan, RatingResult> = {
  load: (trx, p) => findCaseByNo(trx, p.caseNo, { forUpdate: true }),
  async plan(ctx, trx, c, props) {
    if (!c || !canViewCase(props.actor, c)) throw caseNotFound();
    if (!isApplicantOf(props.actor, c)) throw ratingApplicantOnly();
    const { stage } = props.rating;
    if (!stageReached(c, stage)) throw ratingStageNotReached(stage);
    if (await findRatingOfStage(trx, c.id, stage)) throw ratingAlreadyGiven(stage);
    const item = await findItemById(trx, c.itemId);
    if (!item) throw notFound('Item version');
    const events = await listCaseEvents(trx, c.id);
    const ids = [...new Set(events.map((e) => e.actorUserId).filter((id): id is number => id !== null))];
    const users = ids.length ? ((await trx('users').whereIn('id', ids).select('id', 'department')) as { id: number; department: string | null }[]) : [];
    const departments = new Map(users.map((u) => [Number(u.id), u.department ?? null]));
    const handlers = handlersOf(events, stage, (id) => departments.get(id) ?? null);
    const desk = answerableDesk(handlers, stage, { level: levelOfCode(c.centreCode), jurisdictionCode: c.centreCode, department: null });
    const now = ctx.now();
    const r = props.rating;
    return {
      props,
      handlers,
      applicantUserId: c.applicantUserId,
      row: {
        caseId: c.id,
        caseNo: c.caseNo,
        stage,
        overall: r.overall,
        efficiency: r.efficiency,
        guideAccuracy: r.guideAccuracy,
        convenience: r.convenience,
        usability: r.usability,
        comment: r.comment?.trim() || null,
        anonymous: r.anonymous ?? false,
        channel: props.actor.kind === 'user' ? 'account' : 'queryCode',
        ratedByUserId: props.actor.kind === 'user' ? props.actor.user.id : null,
        itemCode: c.itemCode,
        itemDepartment: item.department,
        centreCode: c.centreCode,
        deskLevel: desk.level,
        deskJurisdiction: desk.jurisdictionCode,
        deskDepartment: desk.department,
        excluded: false,
        month: chinaDate(now).slice(0, 7),
        createdAt: dbTime(now),
      },
    };
  },
  async write(ctx, trx, plan) {
    const id = await insertRating(trx, plan.row, plan.handlers);
    const rating = { ...plan.row, id };
    if (!isBadRating(rating.overall)) return { rating, rectification: null };
    const dueOn = ctx.calendar.addWorkingDays(chinaDate(ctx.now()), ctx.config.RECTIFICATION_WORKING_DAYS);
    const rectification = await applyIn(ctx, trx, rectificationCreation, {
      actor: plan.props.actor,
      ratingId: id,
      caseId: rating.caseId,
      caseNo: rating.caseNo,
      stage: rating.stage,
      desk: { jurisdictionCode: rating.deskJurisdiction, department: rating.deskDepartment },
      // The applicant's own account follows it either way; anonymity is towards the desk (no name, nobody to call back).
      applicantUserId: plan.applicantUserId,
      realName: !rating.anonymous,
      dueOn,
    });
    return { rating, rectification };
  },
  committed(ctx, result) {
    if (result.rectification) rectificationCreation.committed(ctx, result.rectification);
  },
};

export function rateCase(ctx: AppContext, props: Props): Promise<RatingResult> {
  return applyCommand(ctx, rateKind, props);
}
