import type { ProjectRow } from '../../db/repositories/projects/projects';
import { isWithin } from '../../workflows/levels';
import type { Actor } from '../auth/actor';

type Project = Pick<ProjectRow, 'ownerUserId' | 'jurisdictionCode' | 'actingUserIds'>;

/**
 * Who sees and acts on an investment project: its owner (the applicant
 * account that registered it), the agent serving the owner under a proxy
 * order in service (代办), and staff (clerks, reviewers, supervisors, admin)
 * whose jurisdiction holds the project's location; staff only look.
 */
export function isProjectOwner(actor: Actor, p: Pick<ProjectRow, 'ownerUserId'>): boolean {
  return actor.kind === 'user' && actor.user.role === 'applicant' && actor.user.id === p.ownerUserId;
}

export function isActingAgent(actor: Actor, p: Pick<ProjectRow, 'actingUserIds'>): boolean {
  return actor.kind === 'user' && actor.user.role === 'proxy_agent' && (p.actingUserIds ?? []).includes(actor.user.id);
}

const STAFF = ['clerk', 'reviewer', 'supervisor', 'admin'];

export function isProjectStaff(actor: Actor, p: Pick<ProjectRow, 'jurisdictionCode'>): boolean {
  return actor.kind === 'user' && STAFF.includes(actor.user.role) && isWithin(p.jurisdictionCode, actor.user.jurisdictionCode);
}

export function canSeeProject(actor: Actor, p: Project): boolean {
  return actor.kind === 'system' || isProjectOwner(actor, p) || isActingAgent(actor, p) || isProjectStaff(actor, p);
}

/** Start a stage, upload its files, declare and end waits, cancel: the owner, or the agent acting for them. */
export function mayActForOwner(actor: Actor, p: Project): boolean {
  return isProjectOwner(actor, p) || isActingAgent(actor, p);
}

/** Registering a project: an applicant account, for the legal person it acts for. */
export function mayRegisterProject(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.role === 'applicant';
}

/** The system's events: a case of the stage moved, the stage completed or held. */
export const SYSTEM_PROJECT_EVENTS = ['CASE_MOVED', 'CASE_DECIDED', 'COMPLETE_STAGE', 'HOLD_STAGE', 'CLOCK'];
