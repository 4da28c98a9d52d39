import type { CaseRow } from '../../db/repositories/cases';
import type { CaseEventType } from '../../workflows/caseEvents';
import { FINAL_STATES } from '../../workflows/caseStates';
import { ancestorCode, isCentreStep, isWithin, worksStep } from '../../workflows/levels';
import type { Route, RouteStep } from '../../workflows/route';
import type { Actor } from '../auth/actor';

/** Actions an applicant may take on their own case; staff act at their step. */
const APPLICANT_ACTIONS: readonly CaseEventType[] = ['SUPPLY_MATERIALS', 'WITHDRAW', 'COMPLETE', 'CHOOSE_DELIVERY', 'APPLICANT_URGE', 'ATTACH_FILE'];

function routeOf(c: CaseRow): Route {
  return (c.snapshot as { context: { route: Route } }).context.route;
}

/** A county department's step that a deed moved to a town: the delegating body answers for it, so it sees the case (it does not work it). */
function delegatedFrom(s: RouteStep, u: { level: string | null; department: string | null }): boolean {
  return s.deedNo !== undefined && u.level === 'county' && s.department === u.department;
}

export function canViewCase(actor: Actor, c: CaseRow): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'queryCode') return actor.caseNo === c.caseNo;
  const u = actor.user;
  switch (u.role) {
    case 'applicant':
      return c.applicantUserId === u.id;
    case 'clerk':
    case 'supervisor':
    case 'admin':
      return isWithin(c.centreCode, u.jurisdictionCode);
    case 'reviewer':
      // A department sees the cases whose route passes through its desk, under its jurisdiction.
      return (
        isWithin(c.centreCode, u.jurisdictionCode) &&
        // (a department's own desk: not a centre step; at a town only a step a delegation deed moved there)
        routeOf(c).some((s) => (s.level === u.level && s.department === u.department && !isCentreStep(s)) || delegatedFrom(s, u))
      );
    default:
      return false;
  }
}

/** Whether this user staffs the desk that works the case's current step (closed cases have none). */
export function worksCurrentStep(actor: Actor, c: CaseRow): boolean {
  if (actor.kind !== 'user' || FINAL_STATES.includes(c.state)) return false;
  const u = actor.user;
  if ((u.role !== 'clerk' && u.role !== 'reviewer') || u.jurisdictionCode !== c.currentJurisdiction) return false;
  return worksStep(u, { kind: c.stepKind, level: c.currentLevel, department: c.currentDepartment, deedNo: c.currentDeedNo });
}

/**
 * How much of the applicant's personal data (ID number, phone, postal
 * address) this viewer gets: all of it for the desk working the current
 * step; the applicant their own address (the change-of-delivery form starts
 * from it) but ID number and phone masked, as a query code is easily passed
 * around; everybody else masked.
 */
export type PersonalDataView = 'full' | 'applicant' | 'masked';

export function personalDataView(actor: Actor, c: CaseRow): PersonalDataView {
  if (worksCurrentStep(actor, c)) return 'full';
  if (actor.kind === 'queryCode' && actor.caseNo === c.caseNo) return 'applicant';
  if (actor.kind === 'user' && actor.user.role === 'applicant' && c.applicantUserId === actor.user.id) return 'applicant';
  return 'masked';
}

/**
 * Whether the actor may try this action on this case at all. Whether the
 * case's state takes it, and at which level, is the machine's to say.
 */
export function canActOnCase(actor: Actor, c: CaseRow, type: CaseEventType): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'queryCode') return actor.caseNo === c.caseNo && APPLICANT_ACTIONS.includes(type);
  const u = actor.user;
  if (u.role === 'applicant') return c.applicantUserId === u.id && APPLICANT_ACTIONS.includes(type);
  if (u.role === 'clerk' || u.role === 'reviewer') return worksCurrentStep(actor, c) && canViewCase(actor, c);
  // 督办: a supervisor urges any case in their jurisdiction; that is all a supervisor does to a case.
  if (u.role === 'supervisor') return type === 'URGE' && canViewCase(actor, c);
  return false;
}

/**
 * Whether the actor staffs a desk that this case's route passes through, at
 * any step: such a desk acting while the case waits elsewhere has lost a race
 * or reads an old screen (409), it is not outside its rights (403).
 */
export function staffsDeskOnRoute(actor: Actor, c: CaseRow): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  if (u.role !== 'clerk' && u.role !== 'reviewer') return false;
  return routeOf(c).some((s) => worksStep(u, s) && ancestorCode(c.centreCode, s.level) === u.jurisdictionCode);
}

/** Counter filing (窗口收件): only the centre's own clerk files and accepts in one step. */
export function canFileAndAccept(actor: Actor | null, centreCode: string): boolean {
  return actor?.kind === 'user' && actor.user.role === 'clerk' && actor.user.jurisdictionCode === centreCode;
}

export function canFileAt(actor: Actor | null, centreCode: string): boolean {
  if (!actor || actor.kind !== 'user') return true; // online filing needs no account
  const u = actor.user;
  if (u.role === 'clerk') return u.jurisdictionCode === centreCode;
  return u.role === 'applicant' || u.role === 'proxy_agent';
}
