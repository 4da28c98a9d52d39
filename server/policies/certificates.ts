import type { CertificateRequestRow } from '../../db/repositories/certificates/certificateRequests';
import { isWithin } from '../../workflows/levels';
import type { Actor } from '../auth/actor';

type Request = Pick<CertificateRequestRow, 'applicantUserId' | 'villageCode' | 'townCode' | 'needsTown' | 'deskCode' | 'state'>;

/** The holder: the applicant account that asked for it. */
export function isCertificateHolder(actor: Actor, r: Pick<CertificateRequestRow, 'applicantUserId'>): boolean {
  return actor.kind === 'user' && actor.user.role === 'applicant' && actor.user.id === r.applicantUserId;
}

/** The desk that acts now: the clerk of the village centre, then (a kind that needs it) of the town centre. */
export function worksCertificateDesk(actor: Actor, r: Pick<CertificateRequestRow, 'deskCode'>): boolean {
  return actor.kind === 'user' && actor.user.role === 'clerk' && r.deskCode !== null && actor.user.jurisdictionCode === r.deskCode;
}

/**
 * Who may see a request: its holder; the village centre's clerks; the town
 * centre's once it was forwarded to them; supervisors and administrators above.
 */
export function canSeeCertificate(actor: Actor, r: Request): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  if (u.role === 'applicant') return u.id === r.applicantUserId;
  if (u.role === 'clerk') return u.jurisdictionCode === r.villageCode || (r.needsTown && r.state !== 'requested' && r.state !== 'withdrawn' && u.jurisdictionCode === r.townCode);
  if (u.role === 'supervisor' || u.role === 'admin') return isWithin(r.villageCode, u.jurisdictionCode);
  return false;
}

/** ID numbers in full for the holder and the desk handling the request now; masked for everyone else. */
export function seesHolderIdNumber(actor: Actor, r: Request): boolean {
  return isCertificateHolder(actor, r) || worksCertificateDesk(actor, r);
}

/** The centre whose queue a clerk sees (a village or town centre), or null. */
export function certificateDeskOf(actor: Actor): string | null {
  if (actor.kind !== 'user' || actor.user.role !== 'clerk') return null;
  return actor.user.level === 'village' || actor.user.level === 'town' ? actor.user.jurisdictionCode : null;
}
