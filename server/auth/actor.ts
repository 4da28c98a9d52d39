import type { UserRow } from '../../db/repositories/users';
import type { EventActor } from '../../workflows/caseEvents';

/** Who is asking: a logged-in user, an applicant holding a case's query code, or the system itself. */
export type Actor =
  | { kind: 'user'; user: UserRow }
  | { kind: 'queryCode'; caseNo: string }
  | { kind: 'system'; name: string };

export function eventActorOf(actor: Actor): EventActor {
  if (actor.kind === 'user') {
    const { role, level, department } = actor.user;
    return { role, level, department };
  }
  if (actor.kind === 'queryCode') return { role: 'applicant', level: null, department: null };
  return { role: 'system', level: null, department: null };
}

export function actorName(actor: Actor): string {
  if (actor.kind === 'user') return actor.user.displayName;
  if (actor.kind === 'queryCode') return '申请人';
  return actor.name;
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.user.id : null;
}
