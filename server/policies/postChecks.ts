import type { PostCheckRow } from '../../db/repositories/commitments/postChecks';
import type { CreditRecordRow } from '../../db/repositories/commitments/creditRecords';
import { isWithin } from '../../workflows/levels';
import type { Actor } from '../auth/actor';
import { deskListScope, worksDepartmentDesk } from './departmentDesk';

type Desk = Pick<PostCheckRow, 'jurisdictionCode' | 'department'>;

/** The checking desk: the deciding department's reviewers at the deciding jurisdiction. */
export function worksCheckDesk(actor: Actor, t: Desk): boolean {
  return worksDepartmentDesk(actor, t.jurisdictionCode, t.department);
}

/** Who sees a post-check task: the applicant who signed, the checking desk, supervisors and administrators above it. */
export function canSeePostCheck(actor: Actor, t: PostCheckRow): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  if (u.role === 'applicant') return t.applicantUserId === u.id;
  if (u.role === 'supervisor' || u.role === 'admin') return isWithin(t.jurisdictionCode, u.jurisdictionCode);
  return worksCheckDesk(actor, t);
}

/** 信用修复: the department that recorded it, or an administrator above it. */
export function mayRepairCredit(actor: Actor, c: CreditRecordRow): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.user.role === 'admin') return isWithin(c.jurisdictionCode, actor.user.jurisdictionCode);
  return worksCheckDesk(actor, c);
}

/** The lists: a reviewer sees their desk's, a supervisor (or an administrator) the area's. */
export function checkListScope(actor: Actor): { jurisdictionCode: string; department: string | null; within: boolean } | null {
  return deskListScope(actor, true);
}
