import type { AgencyRow } from '../../db/repositories/market/agencies';
import { PUBLIC_AGENCY_STATES, type AgencyState } from '../../workflows/agencyMachine';
import { levelOfCode } from '../../workflows/levels';
import type { Actor } from '../auth/actor';

/**
 * The market's centre: the city centre's supervisors (the city runs the
 * platform, SEED-SERVICES §1). They review registrations and appeals, suspend,
 * restore and expel. County supervisors watch but do not decide.
 */
export function isMarketCentre(actor: Actor | null): boolean {
  return actor !== null && actor.kind === 'user' && actor.user.role === 'supervisor' && levelOfCode(actor.user.jurisdictionCode) === 'city';
}

/** The agency's own account (role intermediary, linked by market_agencies.user_id). */
export function isAgencyAccount(actor: Actor | null, a: Pick<AgencyRow, 'userId'>): boolean {
  return actor !== null && actor.kind === 'user' && actor.user.role === 'intermediary' && a.userId !== null && a.userId === actor.user.id;
}

export const isPublicAgency = (a: Pick<AgencyRow, 'state'>): boolean => PUBLIC_AGENCY_STATES.includes(a.state as AgencyState);

/** Anyone (null: nobody logged in) sees a published agency; a pending or rejected registration only its own account, the centre and the system. */
export function canSeeAgency(actor: Actor | null, a: AgencyRow): boolean {
  return isPublicAgency(a) || isMarketCentre(actor) || isAgencyAccount(actor, a) || actor?.kind === 'system';
}

/** Whether the actor may send this operation to this agency at all (the machine judges the state). */
export function mayOperateAgency(actor: Actor | null, a: AgencyRow, type: string): boolean {
  if (actor === null) return false;
  if (type === 'APPEAL') return isAgencyAccount(actor, a);
  if (type === 'REVIEW_OVERDUE') return actor.kind === 'system';
  return isMarketCentre(actor);
}
