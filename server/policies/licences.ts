import type { ELicenceRow } from '../../db/repositories/licences/eLicences';
import { isWithin } from '../../workflows/levels';
import type { Actor } from '../auth/actor';
import { deskListScope, worksDepartmentDesk } from './departmentDesk';

/** The issuing desk: the deciding department's reviewers at the issuing jurisdiction; only they change a licence's status. */
export function worksIssuingDesk(actor: Actor, l: Pick<ELicenceRow, 'jurisdictionCode' | 'issuerDepartment'>): boolean {
  return worksDepartmentDesk(actor, l.jurisdictionCode, l.issuerDepartment);
}

/** Who may see a licence and its history: its holder, the issuing desk, supervisors and administrators above it. */
export function canSeeLicence(actor: Actor, l: ELicenceRow): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  if (u.role === 'applicant') return l.holderUserId === u.id;
  if (u.role === 'supervisor' || u.role === 'admin') return isWithin(l.jurisdictionCode, u.jurisdictionCode);
  return worksIssuingDesk(actor, l);
}

/** The issued-licence list: a reviewer sees their desk's, a supervisor the area's. */
export function issuedListScope(actor: Actor): { jurisdictionCode: string; department: string | null; within: boolean } | null {
  return deskListScope(actor);
}
