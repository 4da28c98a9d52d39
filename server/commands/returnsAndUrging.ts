import type { Knex } from 'knex';
import type { CaseRow } from '../../db/repositories/cases';
import type { CaseEventRow } from '../../db/repositories/caseEvents';
import { insertUrging, type UrgingKind } from '../../db/repositories/urgings';
import type { WorkCalendar } from '../../workflows/calendar';
import type { CaseContext } from '../../workflows/caseMachine';
import { ancestorCode } from '../../workflows/levels';
import { rooms, type CaseUrged } from '../../workflows/socketContract';
import { isOverdue, levelAbove, nextUrgeDay, urgeDayOf, type PromiseView } from '../../workflows/urging';
import { actorName, actorUserId, type Actor } from '../auth/actor';
import { AppError, validationFailed } from '../errors';
import { deskOf } from '../realtime/desks';
import { defaultLicenceNo, licenceIdentityOf } from '../licences/licenceIdentity';
import type { ActionInput } from './transitionCase';

/**
 * The command side of returns, amendments and urging: what the machine
 * cannot know (today, the promise, the jurisdiction tree) is checked and
 * filled in here, inside the transition's transaction, before the machine
 * judges the event; what follows from it (case columns, history payload,
 * the live notice, the urgings row) is computed here after.
 */

const promiseOf = (row: CaseRow): PromiseView => ({ phase: row.promisePhase ?? null, dueOn: row.promiseDueOn ?? null, light: row.promiseLight ?? null });

export const notOverdue = () =>
  new AppError('NOT_OVERDUE', 409, 'The case is not past its promised completion date: it cannot be urged by the applicant or raised yet');

export const urgedToday = (nextAllowedOn: string) =>
  new AppError('ALREADY_URGED_TODAY', 429, `You urged this case today already; you may urge again on ${nextAllowedOn}`, { nextAllowedOn });

/** Why the applicant may not urge now (null: they may). */
export function applicantUrgeRefusal(row: CaseRow, today: string, cal: WorkCalendar): AppError | null {
  if (!isOverdue(promiseOf(row), today)) return notOverdue();
  const day = urgeDayOf(today, cal);
  const ctx = (row.snapshot as { context: CaseContext }).context;
  return ctx.applicantUrgedOn === day ? urgedToday(nextUrgeDay(day, cal)) : null;
}

/** Checks and completes an action before the machine sees it. */
export function prepareAction(row: CaseRow, action: ActionInput, today: string, cal: WorkCalendar): ActionInput {
  switch (action.type) {
    case 'URGE':
      if (action.replyBy < today) throw validationFailed('replyBy: the reply-by date must be today or later', { field: 'replyBy' });
      return action;
    case 'APPLICANT_URGE': {
      const refusal = applicantUrgeRefusal(row, today, cal);
      if (refusal) throw refusal;
      return { ...action, day: urgeDayOf(today, cal) };
    }
    case 'ISSUE': {
      // The e-licence's identifier is the server's to give; a 证照编号 is made when the desk types none.
      const id = licenceIdentityOf(row);
      return { ...action, licenceNo: action.licenceNo?.trim() ? action.licenceNo : defaultLicenceNo(id, today), eLicenceId: id.licenceId };
    }
    case 'REQUEST_MATERIALS': {
      // 一次性告知: the notice lists every material the desk marked 不合格, with its reason, plus what it names.
      const marks = (row.snapshot as { context: CaseContext }).context.marks ?? {};
      const fromMarks = Object.entries(marks)
        .filter(([, m]) => m.verdict === 'bad')
        .map(([material, m]) => `${material}：${m.reason ?? ''}`);
      const named = action.missing.filter((n) => !fromMarks.some((f) => f.startsWith(`${n}：`)));
      const missing = [...fromMarks, ...named];
      if (missing.length === 0) throw validationFailed('missing: name at least one missing material, or mark a material 不合格 first', { field: 'missing' });
      return { ...action, missing };
    }
    case 'ESCALATE': {
      // Sent by the scheduler; everything it carries is worked out here from the row.
      const p = promiseOf(row);
      if (!isOverdue(p, today) || !p.dueOn) throw notOverdue();
      const toLevel = levelAbove(row.currentLevel);
      return { type: 'ESCALATE', dueOn: p.dueOn, toLevel, toJurisdiction: ancestorCode(row.centreCode, toLevel), overdueDays: cal.workingDaysBetween(p.dueOn, today) };
    }
    default:
      return action;
  }
}

/** Case columns an action changes beyond the machine's: the file's corrections, and the queue's marks. */
export function amendAndMarkColumns(row: CaseRow, action: ActionInput, after: CaseContext): Partial<CaseRow> {
  const marks: Partial<CaseRow> = { isReturned: Boolean(after.returned), urgeReplyBy: after.urge?.replyBy ?? null };
  if (action.type !== 'AMEND') return marks;
  const c = action.changes ?? {};
  return {
    ...marks,
    ...(c.phone ? { applicantPhone: c.phone } : {}),
    ...(c.address ? { delivery: { ...row.delivery, address: c.address } } : {}),
    ...(action.addMaterials?.length ? { materials: [...row.materials, ...action.addMaterials] } : {}),
  };
}

/** What the history keeps of an action: an amendment names the fields it corrected, not their (personal) values. */
export function historyPayload(action: ActionInput, actorLevel: string | null): Record<string, unknown> {
  const { type: _type, ...payload } = action;
  // An urge is the supervisor's word from their own level (the desk's opinions panel groups by it).
  if (action.type === 'URGE') return { ...payload, byLevel: actorLevel };
  if (action.type !== 'AMEND') return payload;
  return { reason: action.reason, fields: Object.keys(action.changes ?? {}).filter((k) => action.changes?.[k as 'phone']), addMaterials: action.addMaterials ?? [] };
}

const KIND: Partial<Record<ActionInput['type'], UrgingKind>> = { URGE: 'urge', URGE_REPLY: 'reply', APPLICANT_URGE: 'applicant', ESCALATE: 'escalate' };

/** The live notice of an urging and the rooms it goes to; null for other actions. */
export function urgingNotice(before: CaseRow, action: ActionInput, beforeCtx: CaseContext, e: Pick<CaseEventRow, 'seq' | 'createdAt' | 'actorName'>): { notice: CaseUrged; rooms: string[] } | null {
  const kind = KIND[action.type];
  if (!kind) return null;
  const desk = deskOf(before.currentLevel, before.currentJurisdiction, before.currentDepartment, before.stepKind, before.currentDeedNo);
  const base = { caseNo: before.caseNo, seq: e.seq, kind, by: e.actorName, at: e.createdAt, overdueDays: null, replyBy: null, reason: null, level: before.currentLevel, jurisdictionCode: before.currentJurisdiction };
  switch (action.type) {
    case 'URGE':
      return { notice: { ...base, reason: action.reason, replyBy: action.replyBy }, rooms: [desk] };
    case 'APPLICANT_URGE':
      return { notice: { ...base, reason: action.reason ?? null }, rooms: [desk] };
    case 'URGE_REPLY': {
      const level = beforeCtx.urge?.byLevel ?? before.currentLevel;
      const jurisdictionCode = ancestorCode(before.centreCode, level);
      return { notice: { ...base, reason: action.reply, replyBy: beforeCtx.urge?.replyBy ?? null, level, jurisdictionCode }, rooms: [rooms.supervision(jurisdictionCode)] };
    }
    case 'ESCALATE':
      return {
        notice: { ...base, reason: null, level: action.toLevel, jurisdictionCode: action.toJurisdiction, overdueDays: action.overdueDays, replyBy: null },
        rooms: [rooms.supervision(action.toJurisdiction)],
      };
    default:
      return null;
  }
}

/** The urgings row (for the supervisors' lists), in the transition's transaction. */
export async function recordUrging(trx: Knex, c: CaseRow, actor: Actor, action: ActionInput, n: CaseUrged, eventId: number): Promise<void> {
  try {
    await insertUrging(trx, {
      caseId: c.id,
      caseEventId: eventId,
      kind: n.kind,
      reason: n.reason,
      replyBy: n.replyBy,
      toLevel: n.level,
      toJurisdiction: n.jurisdictionCode,
      applicantDay: action.type === 'APPLICANT_URGE' ? (action.day ?? null) : null,
      byUserId: actorUserId(actor),
      byName: actorName(actor),
      createdAt: n.at,
    });
  } catch (err) {
    // The machine's context already refuses a second 催办 the same day; the unique index is the last word.
    if (action.type === 'APPLICANT_URGE' && /unique|duplicate/i.test(String((err as Error).message))) throw urgedToday(action.day ?? n.at);
    throw err;
  }
}
