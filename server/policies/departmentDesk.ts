import type { Actor } from '../auth/actor';

/** A department's desk: its reviewers at one jurisdiction (the e-licence's issuing desk, a post-check's checking desk). */
export function worksDepartmentDesk(actor: Actor, jurisdictionCode: string, department: string | null): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  return u.role === 'reviewer' && u.jurisdictionCode === jurisdictionCode && u.department === department;
}

/** A desk's list: a reviewer sees their department's, a supervisor (and, where `admins`, an administrator) the area's. */
export function deskListScope(actor: Actor, admins = false): { jurisdictionCode: string; department: string | null; within: boolean } | null {
  if (actor.kind !== 'user') return null;
  const u = actor.user;
  if (u.role === 'reviewer' && u.department) return { jurisdictionCode: u.jurisdictionCode, department: u.department, within: false };
  if (u.role === 'supervisor' || (admins && u.role === 'admin')) return { jurisdictionCode: u.jurisdictionCode, department: null, within: true };
  return null;
}
