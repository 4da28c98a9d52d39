import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { insertCaseFile } from '../../db/repositories/files/caseFiles';
import { findCurrentItem } from '../../db/repositories/items';
import { findProjectByCode, type ProjectRow } from '../../db/repositories/projects/projects';
import { insertStageCase, listStageFiles } from '../../db/repositories/projects/stages';
import { findUserById } from '../../db/repositories/users';
import { ancestorCode } from '../../workflows/levels';
import type { ProjectContext } from '../../workflows/projectMachine';
import { stageItems, type StageNo } from '../../workflows/projectStages';
import { actorName, actorUserId, eventActorOf, type Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { withRetry } from '../commands/writeHelpers';
import { announceFiled, fileCaseIn, type FileCaseResult } from '../commands/fileCase';
import { applyIn } from '../commands/aggregates/applyCommand';
import type { AggregateResult } from '../commands/aggregates/machineAggregate';
import { canSeeProject, mayActForOwner } from '../policies/projects';
import { onBehalfOf } from './onBehalfOf';
import { projectTransitions } from './projectAggregate';
import { projectNotAllowed, projectNotFound, projectStageOrder } from './projectErrors';

export const CITY_CENTRE = '330300000000';

export interface StageForm {
  /** 项目概况: what the stage's cases are filed for, shared by all of them. */
  description: string;
  delivery: 'pickup' | 'post' | 'electronic';
  address?: string;
}

/** Where an item of the stage is filed: the project's county centre if the county accepts it, else the city centre. */
export function stageCentre(p: Pick<ProjectRow, 'jurisdictionCode'>, acceptLevels: string[]): string {
  return acceptLevels.includes('county') ? ancestorCode(p.jurisdictionCode, 'county') : CITY_CENTRE;
}

/** The checks before a stage may start, with their own codes (the machine would only say "not possible"). */
export function checkStageStart(actor: Actor, p: ProjectRow, stage: number): void {
  if (!canSeeProject(actor, p)) throw projectNotFound();
  if (!mayActForOwner(actor, p)) throw projectNotAllowed('Only the project’s owner, or the agent acting for the owner, starts a stage');
  const c = p.machineContext as unknown as ProjectContext;
  const done = c.completedStages.length ? Math.max(...c.completedStages) : 0;
  if (p.state === 'completed' || p.state === 'cancelled') throw projectStageOrder(stage, `The project is ${p.state}: no stage starts`);
  if (c.currentStage !== null) throw projectStageOrder(stage, `Stage ${c.currentStage} is running (${p.state}): one stage at a time`);
  if (stage !== done + 1) throw projectStageOrder(stage, done >= stage ? `Stage ${stage} is completed already` : `Stage ${stage} starts only after stage ${stage - 1} is completed`);
}

export interface StartStageResult {
  project: AggregateResult<ProjectRow>;
  filed: FileCaseResult[];
}

/**
 * Starting a stage (并联审批): in ONE transaction, the project's START_STAGE
 * and one case per item of the stage, all filed from the one form as the
 * owner's legal person, each with the stage's files as its materials (the
 * same blobs: stored once at upload, referenced by every case).
 */
export async function startStage(ctx: AppContext, actor: Actor, code: string, stage: StageNo, form: StageForm, expectedVersion?: number): Promise<StartStageResult> {
  const result = await withRetry(() =>
    ctx.db.knex.transaction(async (trx) => {
      const p = await findProjectByCode(trx, code, true);
      if (!p) throw projectNotFound();
      checkStageStart(actor, p, stage);
      const behalf = await onBehalfOf(trx, actor, p);
      const project = await applyIn(ctx, trx, projectTransitions, { key: code, actor, action: { type: 'START_STAGE', stage, onBehalfOf: behalf, payload: { items: stageItems(p.type, stage).map((i) => i.code), form } }, expectedVersion });
      const filed = await fileStageCases(ctx, trx, actor, p, stage, form);
      return { project, filed };
    }),
  );
  projectTransitions.committed(ctx, result.project);
  for (const f of result.filed) announceFiled(ctx, f);
  return result;
}

export async function fileStageCases(ctx: AppContext, trx: Knex.Transaction, actor: Actor, p: ProjectRow, stage: StageNo, form: StageForm, only?: string[]): Promise<FileCaseResult[]> {
  const owner = await findUserById(trx, p.ownerUserId);
  if (!owner) throw projectNotFound();
  // The cases are the owner's (their account follows them); an acting agent's part is on the project's event.
  const filer: Actor = { kind: 'user', user: owner };
  const files = await listStageFiles(trx, p.id, stage);
  const materials = [...new Set(files.map((f) => f.material))];
  const filed: FileCaseResult[] = [];
  for (const it of stageItems(p.type, stage).filter((i) => !only || only.includes(i.code))) {
    const item = await findCurrentItem(trx, it.code);
    if (!item) throw projectStageOrder(stage, `The catalogue has no item ${it.code}`);
    const r = await fileCaseIn(ctx, trx, {
      actor: filer,
      itemCode: it.code,
      centreCode: stageCentre(p, item.acceptLevels),
      applicant: { type: 'organisation', name: p.ownerName, phone: p.ownerPhone, uscc: p.ownerUscc, legalRepresentative: p.ownerLegalRep },
      materials,
      delivery: { mode: form.delivery, address: form.address },
    });
    await insertStageCase(trx, { caseId: r.case.id, projectId: p.id, stage, caseNo: r.case.caseNo, itemCode: it.code });
    for (const f of files) {
      await insertCaseFile(trx, {
        publicId: randomBytes(12).toString('base64url'),
        caseId: r.case.id,
        material: f.material,
        sha256: f.sha256,
        size: f.size,
        mediaType: f.mediaType,
        originalName: f.originalName,
        source: 'upload',
        referencedFrom: null,
        uploadedByUserId: actorUserId(actor),
        uploadedByRole: eventActorOf(actor).role,
        uploadedByName: actorName(actor),
        caseEventSeq: r.event.seq,
        uploadedAt: r.event.createdAt,
      });
    }
    filed.push(r);
  }
  return filed;
}
