import type { RectificationRow } from '../../db/repositories/ratings/rectifications';
import { isWithin } from '../../workflows/levels';
import type { Actor } from '../auth/actor';

type Desk = Pick<RectificationRow, 'jurisdictionCode' | 'department'>;

/** The answerable desk: a centre's clerks, or a department's reviewers, at the desk's jurisdiction. */
export function worksRectificationDesk(actor: Actor, r: Desk): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  if (u.jurisdictionCode !== r.jurisdictionCode) return false;
  if (r.department === null) return u.role === 'clerk';
  return u.role === 'reviewer' && u.department === r.department;
}

/** A supervisor whose jurisdiction holds the desk (reviews appeals, watches deadlines). */
export function supervisesRectification(actor: Actor, r: Desk): boolean {
  return actor.kind === 'user' && actor.user.role === 'supervisor' && isWithin(r.jurisdictionCode, actor.user.jurisdictionCode);
}

/** Who sees a rectification: the desk, supervisors and administrators above it, and the applicant account that rated. */
export function canSeeRectification(actor: Actor, r: RectificationRow): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'queryCode') return actor.caseNo === r.caseNo;
  const u = actor.user;
  if (u.role === 'applicant') return r.applicantUserId === u.id;
  if (u.role === 'admin') return isWithin(r.jurisdictionCode, u.jurisdictionCode);
  return worksRectificationDesk(actor, r) || supervisesRectification(actor, r);
}

/** What the caller is to this rectification (the workbench's buttons, the command's policy). */
export function rectificationRole(actor: Actor, r: RectificationRow): 'desk' | 'supervisor' | 'applicant' | 'system' | null {
  if (actor.kind === 'system') return 'system';
  if (worksRectificationDesk(actor, r)) return 'desk';
  if (supervisesRectification(actor, r)) return 'supervisor';
  if (actor.kind === 'queryCode' && actor.caseNo === r.caseNo) return 'applicant';
  if (actor.kind === 'user' && actor.user.role === 'applicant' && actor.user.id === r.applicantUserId) return 'applicant';
  return null;
}

/** The lists: a clerk sees the own centre's, a reviewer the own department's, a supervisor the area's. */
export function rectificationListScope(actor: Actor): { jurisdictionCode: string; department: string | null; within: boolean } | null {
  if (actor.kind !== 'user') return null;
  const u = actor.user;
  if (u.role === 'clerk') return { jurisdictionCode: u.jurisdictionCode, department: null, within: false };
  if (u.role === 'reviewer' && u.department) return { jurisdictionCode: u.jurisdictionCode, department: u.department, within: false };
  if (u.role === 'supervisor') return { jurisdictionCode: u.jurisdictionCode, department: null, within: true };
  return null;
}
