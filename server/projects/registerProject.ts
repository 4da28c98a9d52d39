import { findJurisdiction } from '../../db/repositories/jurisdictions';
import { insertProject, nextProjectSerial, type ProjectRow } from '../../db/repositories/projects/projects';
import { insertStages } from '../../db/repositories/projects/stages';
import { chinaDate } from '../../workflows/calendar';
import { isValidUscc } from '../../workflows/identity';
import { isWithin, levelRank } from '../../workflows/levels';
import { formatProjectCode, PROJECT_INDUSTRIES, PROJECT_TYPE_CODE, projectAreaCode, type ProjectType } from '../../workflows/projectCode';
import type { LandStatus } from '../../workflows/projectStages';
import { projectMachine } from '../../workflows/projectMachine';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { validationFailed } from '../errors';
import { applyCommand } from '../commands/aggregates/applyCommand';
import type { AggregateResult } from '../commands/aggregates/machineAggregate';
import { machineCreation } from '../commands/aggregates/machineCreation';
import { mayRegisterProject } from '../policies/projects';
import { projectLive } from './projectLive';
import { projectNotAllowed } from './projectErrors';

/** The city whose counties and towns a project may be located in (the platform's jurisdiction tree is Wenzhou's). */
const CITY = '330300000000';

export interface RegisterProjectProps {
  actor: Actor;
  owner: { name: string; uscc: string; legalRep: string; phone: string };
  name: string;
  location: string;
  jurisdictionCode: string;
  type: ProjectType;
  industry: string;
  investment: number;
  landStatus: LandStatus;
}

/**
 * Registering an investment project (赋码): the code is the year, the area of
 * the project's county, the industry, the type and the next serial of that
 * year and area (taken under the serial row's lock in the same transaction),
 * with the project row, its four stage rows and its first event (REGISTER).
 */
export const projectRegistration = machineCreation<RegisterProjectProps, ProjectRow>({
  aggregate: 'project',
  machine: projectMachine,
  async plan(ctx, trx, p) {
    const { actor } = p;
    if (!mayRegisterProject(actor) || actor.kind !== 'user') throw projectNotAllowed('A project is registered by an applicant account acting for its legal person');
    if (!isValidUscc(p.owner.uscc)) throw validationFailed('owner.uscc: not a valid unified social credit code (GB 32100)', { field: 'owner.uscc' });
    if (!PROJECT_INDUSTRIES[p.industry]) throw validationFailed(`industry: one of ${Object.keys(PROJECT_INDUSTRIES).join(', ')}`, { field: 'industry' });
    const place = await findJurisdiction(trx, p.jurisdictionCode);
    if (!place || !isWithin(place.code, CITY) || levelRank(place.level) < levelRank('county')) {
      throw validationFailed('jurisdictionCode: a county, town or village of Wenzhou (GET /api/jurisdictions)', { field: 'jurisdictionCode' });
    }
    const now = ctx.now();
    const today = chinaDate(now);
    const year = Number(today.slice(0, 4));
    const area = projectAreaCode(place.code);
    const serial = await nextProjectSerial(trx, year, area);
    const code = formatProjectCode({ year, areaCode: area, industry: p.industry, typeCode: PROJECT_TYPE_CODE[p.type], serial });
    return {
      actor,
      type: 'REGISTER',
      payload: { code, type: p.type, industry: p.industry, jurisdictionCode: place.code },
      input: undefined,
      columns: (initial, at) => ({
        code,
        name: p.name.trim(),
        type: p.type,
        industry: p.industry,
        investment: p.investment,
        landStatus: p.landStatus,
        location: p.location.trim(),
        jurisdictionCode: place.code,
        jurisdictionPath: place.path,
        ownerUserId: actor.user.id,
        ownerName: p.owner.name.trim(),
        ownerUscc: p.owner.uscc,
        ownerLegalRep: p.owner.legalRep.trim(),
        ownerPhone: p.owner.phone.trim(),
        machineContext: initial.context as Record<string, unknown>,
        currentStage: null,
        countedDays: 0,
        countedWorkingDays: 0,
        light: 'green',
        codedOn: today,
        completedOn: null,
        createdAt: at,
        updatedAt: at,
        actingUserIds: [],
      }),
    };
  },
  async insert(trx, row) {
    const id = await insertProject(trx, row);
    await insertStages(trx, id);
    return id;
  },
  live: projectLive,
});

export function registerProject(ctx: AppContext, props: RegisterProjectProps): Promise<AggregateResult<ProjectRow>> {
  return applyCommand(ctx, projectRegistration, props);
}
