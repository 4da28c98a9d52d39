/**
 * Who answers for a rating (好差评: 谁办理谁负责), from the case's history.
 *
 * - `accept` (rated once the case is accepted) covers the history up to the
 *   acceptance; the answerable desk is the one that accepted (ACCEPT).
 * - `final` (rated once the case is closed) covers the whole history; the
 *   answerable desk is the one that decided: the last APPROVE, DENY or REFUSE
 *   (不予受理 is the accepting desk's decision); a case withdrawn before any
 *   decision answers to the last desk that acted on it; one no staff ever
 *   touched, to the centre where it was filed.
 *
 * A desk is a centre (department null) or a department at a jurisdiction; an
 * event names its user, so the department is that user's (a reviewer's).
 * Pure: the caller reads the events and the users.
 */
export type RatingStage = 'accept' | 'final';
export const RATING_STAGES: readonly RatingStage[] = ['accept', 'final'];

export interface HistoryEvent {
  seq: number;
  type: string;
  actorRole: string;
  actorUserId: number | null;
  actorName: string;
  level: string | null;
  jurisdictionCode: string | null;
}

export interface Desk {
  level: string;
  jurisdictionCode: string;
  department: string | null;
}

export interface Handler {
  seq: number;
  type: string;
  level: string | null;
  jurisdictionCode: string | null;
  department: string | null;
  userId: number | null;
  actorName: string;
}

const STAFF = new Set(['clerk', 'reviewer']);
const DECISIONS = new Set(['APPROVE', 'DENY', 'REFUSE']);

/** The staff acts the stage covers, in order. */
export function handlersOf(events: readonly HistoryEvent[], stage: RatingStage, departmentOf: (userId: number) => string | null): Handler[] {
  const accept = events.find((e) => e.type === 'ACCEPT');
  const upTo = stage === 'accept' ? (accept?.seq ?? 0) : Infinity;
  return events
    .filter((e) => e.seq <= upTo && STAFF.has(e.actorRole) && e.actorUserId !== null)
    .map((e) => ({
      seq: e.seq,
      type: e.type,
      level: e.level,
      jurisdictionCode: e.jurisdictionCode,
      department: e.actorRole === 'reviewer' ? departmentOf(e.actorUserId!) : null,
      userId: e.actorUserId,
      actorName: e.actorName,
    }));
}

/** The answerable desk of the stage; `filedAt` is the filing centre's desk for a case no staff handled. */
export function answerableDesk(handlers: readonly Handler[], stage: RatingStage, filedAt: Desk): Desk {
  const pick =
    stage === 'accept'
      ? handlers.find((h) => h.type === 'ACCEPT')
      : ([...handlers].reverse().find((h) => DECISIONS.has(h.type)) ?? handlers[handlers.length - 1]);
  if (!pick || !pick.level || !pick.jurisdictionCode) return filedAt;
  return { level: pick.level, jurisdictionCode: pick.jurisdictionCode, department: pick.department };
}

/** 1–2 is a bad rating (差评): it opens a rectification. */
export const isBadRating = (overall: number) => overall <= 2;
