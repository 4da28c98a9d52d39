import { findProjectByCode } from '../../db/repositories/projects/projects';
import { listStageCases, listStages } from '../../db/repositories/projects/stages';
import type { StageNo } from '../../workflows/projectStages';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { withRetry } from '../commands/writeHelpers';
import { announceFiled } from '../commands/fileCase';
import { applyIn } from '../commands/aggregates/applyCommand';
import { canSeeProject, mayActForOwner } from '../policies/projects';
import { onBehalfOf } from './onBehalfOf';
import { projectTransitions } from './projectAggregate';
import { projectNotAllowed, projectNotFound, projectStageOrder } from './projectErrors';
import { fileStageCases, type StageForm, type StartStageResult } from './startStage';
import { itemsToRefile } from './stageOutcome';

/**
 * A held stage goes on (RESUME): in one transaction, the items whose case
 * ended without approval are filed anew (the stage's form, its files as they
 * are now: new ones may have been uploaded while held) and the stage runs
 * again; it completes once the latest case of every item is completed.
 */
export async function refileStage(ctx: AppContext, actor: Actor, code: string, stage: StageNo): Promise<StartStageResult> {
  const result = await withRetry(() =>
    ctx.db.knex.transaction(async (trx) => {
      const p = await findProjectByCode(trx, code, true);
      if (!p || !canSeeProject(actor, p)) throw projectNotFound();
      if (!mayActForOwner(actor, p)) throw projectNotAllowed('Only the project’s owner, or the agent acting for the owner, refiles a held stage');
      if (p.state !== 'held' || p.currentStage !== stage) throw projectStageOrder(stage, `Stage ${stage} is not held`);
      const items = itemsToRefile(await listStageCases(trx, p.id, stage));
      const row = (await listStages(trx, p.id)).find((s) => s.stage === stage);
      const form = { delivery: 'pickup', description: '', ...(row?.form ?? {}) } as StageForm;
      const behalf = await onBehalfOf(trx, actor, p);
      const project = await applyIn(ctx, trx, projectTransitions, { key: code, actor, action: { type: 'RESUME', stage, onBehalfOf: behalf, payload: { items } } });
      const filed = await fileStageCases(ctx, trx, actor, p, stage, form, items);
      return { project, filed };
    }),
  );
  projectTransitions.committed(ctx, result.project);
  for (const f of result.filed) announceFiled(ctx, f);
  return result;
}
