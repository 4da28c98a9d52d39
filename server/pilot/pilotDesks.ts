import type { Knex } from 'knex';
import type { CaseRow } from '../../db/repositories/cases';
import { findDeskUsername } from '../../db/repositories/pilotYear';
import { findUserByUsername } from '../../db/repositories/users';
import { isCentreStep } from '../../workflows/levels';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

export const pilotNotReady = (message: string, details?: unknown) => new AppError('PILOT_NOT_READY', 409, message, details);

/**
 * The staff who work the pilot year's cases: at each step, an account of the
 * desk the case waits at (the centre's clerk for accepting, delivering and
 * every village or town step; the department's reviewer at the county, city
 * or province), acting through the same policies as anyone at that desk.
 */
export class PilotDesks {
  private readonly actors = new Map<string, Promise<Actor>>();

  constructor(private readonly knex: Knex) {}

  /** The actor of the desk at the case's current step. */
  actorFor(row: Pick<CaseRow, 'stepKind' | 'currentLevel' | 'currentJurisdiction' | 'currentDepartment' | 'currentDeedNo'>): Promise<Actor> {
    // A step a delegation deed moved to a town is that town's department desk, not its centre.
    const centre = isCentreStep({ kind: row.stepKind, level: row.currentLevel, department: row.currentDepartment, deedNo: row.currentDeedNo });
    const desk = { role: centre ? ('clerk' as const) : ('reviewer' as const), jurisdictionCode: row.currentJurisdiction, department: centre ? null : row.currentDepartment };
    const key = `${desk.role}|${desk.jurisdictionCode}|${desk.department ?? ''}`;
    let actor = this.actors.get(key);
    if (!actor) {
      actor = this.lookUp(desk);
      this.actors.set(key, actor);
    }
    return actor;
  }

  private async lookUp(desk: { role: 'clerk' | 'reviewer'; jurisdictionCode: string; department: string | null }): Promise<Actor> {
    const username = await findDeskUsername(this.knex, desk);
    const user = username ? await findUserByUsername(this.knex, username) : undefined;
    if (!user) throw pilotNotReady(`nobody staffs the ${desk.role === 'clerk' ? 'centre' : `${desk.department} department`} desk at ${desk.jurisdictionCode}: add an account for it (npm run users) and run again`, desk);
    return { kind: 'user', user };
  }
}
