import { isWithin } from '../../workflows/levels';
import type { Actor } from '../auth/actor';

/** The board is the supervisors' (and admins'): projects of their jurisdiction subtree. */
export function mayViewProjectBoard(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.user.role === 'supervisor' || actor.user.role === 'admin');
}

const STAFF = new Set(['clerk', 'reviewer', 'supervisor', 'admin']);

/**
 * Who may see a project's clock: its owner, staff whose jurisdiction holds the
 * project, and the proxy agent acting for the owner (an in-service proxy order).
 */
export function maySeeProjectClock(actor: Actor, project: { ownerUserId: number; jurisdictionCode: string }, actingAgent: boolean): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  if (u.id === project.ownerUserId) return true;
  if (STAFF.has(u.role) && isWithin(project.jurisdictionCode, u.jurisdictionCode)) return true;
  return u.role === 'proxy_agent' && actingAgent;
}
