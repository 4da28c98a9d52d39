import { dbTime } from '../../db/connection';
import { findProjectByCode } from '../../db/repositories/projects/projects';
import { insertStageFile, listStages, type StageFileRow } from '../../db/repositories/projects/stages';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { sha256Of } from '../files/blobStore';
import { detectMaterialType } from '../files/fileType';
import { withRetry } from '../commands/writeHelpers';
import { canSeeProject, mayActForOwner } from '../policies/projects';
import { projectNotAllowed, projectNotFound, projectStageOrder } from './projectErrors';

const MB = 1024 * 1024;

/**
 * A material of a stage, uploaded once before the stage starts (or while it
 * is held, for a refiling): its content goes to the content-addressed store
 * (the same bytes are kept once), its row names the stage; every case the
 * stage files gets it as a case file.
 */
export async function uploadStageFile(ctx: AppContext, actor: Actor, code: string, stage: number, material: string, upload: { bytes: Buffer; originalName: string }): Promise<StageFileRow> {
  const mediaType = await detectMaterialType(upload.bytes, { maxInflated: ctx.config.FILE_MAX_MB * MB * 20, maxRatio: 100, maxEntries: 10_000 });
  const sha256 = sha256Of(upload.bytes);
  return withRetry(() =>
    ctx.db.knex.transaction(async (trx) => {
      const p = await findProjectByCode(trx, code, true);
      if (!p || !canSeeProject(actor, p)) throw projectNotFound();
      if (!mayActForOwner(actor, p)) throw projectNotAllowed('Only the project’s owner, or the agent acting for the owner, uploads a stage’s materials');
      const row = (await listStages(trx, p.id)).find((s) => s.stage === stage);
      if (!row || row.state === 'completed' || row.state === 'in_progress') throw projectStageOrder(stage, `Stage ${stage} is ${row?.state ?? 'unknown'}: its materials are filed already`);
      const at = dbTime(ctx.now());
      await ctx.blobs.put(trx, sha256, upload.bytes, at);
      const f = { projectId: p.id, stage, material, sha256, size: upload.bytes.length, mediaType, originalName: upload.originalName.slice(0, 200), createdAt: at };
      return { id: await insertStageFile(trx, f), ...f };
    }),
  );
}
