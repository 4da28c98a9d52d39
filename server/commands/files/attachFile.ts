import { randomBytes } from 'node:crypto';
import type { CaseRow } from '../../../db/repositories/cases';
import { caseFileTotals, findCaseFile, insertCaseFile, type CaseFileRow } from '../../../db/repositories/files/caseFiles';
import type { ItemRow } from '../../../db/repositories/items';
import type { CaseContext } from '../../../workflows/caseMachine';
import { actorName, actorUserId, eventActorOf, type Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, notFound, validationFailed } from '../../errors';
import { sha256Of } from '../../files/blobStore';
import { detectMaterialType, type MaterialType } from '../../files/fileType';
import { machineOfCase, restore, type PersistedCase } from '../caseSnapshot';
import { authorise } from '../planTransition';
import { invalidTransition } from '../../errors';
import { transitionCase, type TransitionResult } from '../transitionCase';
import { certificateAsReference, certificateMaterialsOf, type ReferencedFacts } from '../../certificates/certificateFiles';

export interface AttachFileProps {
  row: CaseRow;
  item: ItemRow;
  actor: Actor;
  material: string;
  /** A file sent now, or … */
  upload?: { bytes: Buffer; originalName: string };
  /** … the id of a file the platform already holds for this applicant (716号令 Art. 7). */
  fromFile?: string;
  expectedVersion?: number;
}

const MB = 1024 * 1024;

/** The materials a file may be for: the item's list, what the case named at filing or later, and what a 补正 notice asked for. */
export function materialsOf(row: CaseRow, item: ItemRow, certificates: string[] = []): string[] {
  const ctx = (row.snapshot as { context: CaseContext }).context;
  const missing = ctx.missingMaterials.map((m) => m.split('：')[0]!);
  return [...new Set([...item.materials.map((m) => m.name), ...certificates, ...row.materials, ...missing])];
}

function unknownMaterial(material: string, allowed: string[]): AppError {
  return validationFailed(`material: “${material}” is not a material of this case; choose one of: ${allowed.join('、')}`, { field: 'material', allowed });
}

/** The file a reference points at (a case file, or an e-certificate the platform issued), if this applicant account may reuse it. */
async function referencedFile(ctx: AppContext, actor: Actor, fileId: string): Promise<ReferencedFacts> {
  if (actor.kind !== 'user' || actor.user.role !== 'applicant') {
    throw new AppError('REFERENCE_NEEDS_ACCOUNT', 403, 'Only an applicant logged in to an account can attach files the platform holds for them');
  }
  const certificate = await certificateAsReference(ctx, actor.user.id, fileId);
  if (certificate) return certificate;
  const file = await findCaseFile(ctx.db.knex, fileId);
  const source = file ? await ctx.db.knex('cases').where('id', file.caseId).first('applicant_user_id') : undefined;
  // Someone else's file answers as a missing one: ids are not to be probed.
  if (!file || Number(source?.applicant_user_id) !== actor.user.id) throw notFound('File');
  return { sha256: file.sha256, size: file.size, mediaType: file.mediaType, originalName: file.originalName, referencedFrom: file.publicId };
}

/**
 * Whether this actor may add a file to the case now, asked before a byte of
 * the upload is read: the same policy and the same machine the transition
 * will apply, so a refused upload costs the server nothing.
 */
export function checkMayAttach(actor: Actor, row: CaseRow, item: ItemRow, expectedVersion?: number): void {
  const action = { type: 'ATTACH_FILE', material: '-', fileId: '-', mediaType: '-', size: 1, source: 'upload' } as const;
  authorise({ actor, action, expectedVersion }, row);
  const snapshot = restore(machineOfCase(row.snapshot), row.snapshot as PersistedCase);
  if (!snapshot.can({ ...action, actor: eventActorOf(actor) })) {
    throw invalidTransition(`Files cannot be added to this case now (${row.state})`, { state: row.state });
  }
}

/**
 * A material file joins a case: checked by content, stored once by its
 * SHA-256, recorded by an ATTACH_FILE event through the one command path (the
 * machine says who may add files in which state), and its row and content
 * are written in that transition's transaction.
 */
export async function attachFile(ctx: AppContext, props: AttachFileProps): Promise<{ file: CaseFileRow; result: TransitionResult }> {
  const { row, item, actor } = props;
  const allowed = materialsOf(row, item, await certificateMaterialsOf(ctx.db.knex, item.code));
  if (!allowed.includes(props.material)) throw unknownMaterial(props.material, allowed);
  let facts: { sha256: string; size: number; mediaType: MaterialType | string; originalName: string; referencedFrom: string | null };
  let content: Buffer | undefined;
  if (props.upload) {
    const { bytes, originalName } = props.upload;
    const mediaType = await detectMaterialType(bytes, { maxInflated: ctx.config.FILE_MAX_MB * MB * 20, maxRatio: 100, maxEntries: 10_000 });
    facts = { sha256: sha256Of(bytes), size: bytes.length, mediaType, originalName, referencedFrom: null };
    content = bytes;
  } else if (props.fromFile) {
    facts = await referencedFile(ctx, actor, props.fromFile);
  } else {
    throw validationFailed('file: send the material as the multipart field `file`, or name a file you hold in `fromFile`', { field: 'file' });
  }
  const totals = await caseFileTotals(ctx.db.knex, row.id);
  if (totals.count + 1 > ctx.config.CASE_FILES_MAX_COUNT) {
    throw new AppError('CASE_FILES_LIMIT', 413, `A case holds at most ${ctx.config.CASE_FILES_MAX_COUNT} files`, { limit: ctx.config.CASE_FILES_MAX_COUNT });
  }
  if (totals.bytes + facts.size > ctx.config.CASE_FILES_MAX_MB * MB) {
    throw new AppError('CASE_FILES_LIMIT', 413, `A case holds at most ${ctx.config.CASE_FILES_MAX_MB} MB of files; it holds ${(totals.bytes / MB).toFixed(1)} MB`, {
      limitMb: ctx.config.CASE_FILES_MAX_MB,
      heldBytes: totals.bytes,
    });
  }
  const publicId = randomBytes(12).toString('base64url');
  let file: CaseFileRow | undefined;
  const source = props.upload ? 'upload' : 'reference';
  const result = await transitionCase(ctx, {
    caseNo: row.caseNo,
    actor,
    expectedVersion: props.expectedVersion,
    action: { type: 'ATTACH_FILE', material: props.material, fileId: publicId, mediaType: facts.mediaType, size: facts.size, source },
    records: async (trx, r) => {
      if (content) await ctx.blobs.put(trx, facts.sha256, content, r.event.createdAt);
      const f = {
        publicId,
        caseId: r.case.id,
        material: props.material,
        sha256: facts.sha256,
        size: facts.size,
        mediaType: facts.mediaType,
        originalName: facts.originalName,
        source,
        referencedFrom: facts.referencedFrom,
        uploadedByUserId: actorUserId(actor),
        uploadedByRole: eventActorOf(actor).role,
        uploadedByName: actorName(actor),
        caseEventSeq: r.event.seq,
        uploadedAt: r.event.createdAt,
      } as const;
      await insertCaseFile(trx, f);
      file = { id: 0, ...f };
    },
  });
  return { file: file!, result };
}

