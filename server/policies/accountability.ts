import type { Actor } from '../auth/actor';

/**
 * 问责 is the supervisors' work: a supervisor or an administrator whose
 * jurisdiction holds the case (the case's own visibility rule checks that).
 * The desks answer through their rectifications, the applicant through the
 * rating; neither reads the accountability cases a supervisor weighs.
 */
export function canSeeAccountability(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.user.role === 'supervisor' || actor.user.role === 'admin');
}
