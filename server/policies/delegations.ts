import type { Actor } from '../auth/actor';

/** Deeds are recorded and revoked by an administrator; everyone may read them (they are published). */
export function canKeepDeeds(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.role === 'admin';
}
