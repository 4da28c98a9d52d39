import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { findCaseByNo } from '../../../db/repositories/cases';
import { insertCaseFile } from '../../../db/repositories/files/caseFiles';
import type { OrderRow } from '../../../db/repositories/market/orders';
import type { CaseContext } from '../../../workflows/caseMachine';
import { FINAL_STATES } from '../../../workflows/caseStates';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { transitionIn, type TransitionResult } from '../../commands/transitionCase';
import { detectMaterialType } from '../../files/fileType';

const SYSTEM: Actor = { kind: 'system', name: '中介超市' };
const MB = 1024 * 1024;
export const RESULT_MATERIAL = '中介服务成果';

/**
 * The approval case an order serves, in the ACCEPT_RESULT transaction: the
 * accepted result joins the case as a case file (ATTACH_FILE by the system),
 * and a case paused for the intermediary procedure (中介服务, START_SPECIAL by
 * its department) resumes (END_SPECIAL by the system): its clock counted the
 * interval as the special procedure's, not the department's. Returns the
 * case transitions, to be announced after the commit.
 */
export async function linkResultToCase(ctx: AppContext, trx: Knex.Transaction, o: OrderRow): Promise<TransitionResult[]> {
  if (!o.caseNo || !o.resultFileId) return [];
  const c = await findCaseByNo(trx, o.caseNo, { forUpdate: true });
  if (!c || FINAL_STATES.includes(c.state)) return [];
  const special = (c.snapshot as { context: CaseContext }).context.special;
  if (c.state !== 'special' || special?.procedure !== 'intermediary') return [];
  const content = await ctx.blobs.get(o.resultFileId);
  if (!content) return [];
  const mediaType = await detectMaterialType(content, { maxInflated: ctx.config.FILE_MAX_MB * MB * 20, maxRatio: 100, maxEntries: 10_000 });
  const publicId = randomBytes(12).toString('base64url');
  const attached = await transitionIn(ctx, trx, {
    caseNo: c.caseNo,
    actor: SYSTEM,
    action: { type: 'ATTACH_FILE', material: RESULT_MATERIAL, fileId: publicId, mediaType, size: content.length, source: 'upload' },
    records: async (t, r) => {
      await insertCaseFile(t, {
        publicId,
        caseId: r.case.id,
        material: RESULT_MATERIAL,
        sha256: o.resultFileId!,
        size: content.length,
        mediaType,
        originalName: `${o.orderNo}-中介服务成果.pdf`,
        source: 'upload',
        referencedFrom: null,
        uploadedByUserId: null,
        uploadedByRole: 'system',
        uploadedByName: '中介超市',
        caseEventSeq: r.event.seq,
        uploadedAt: r.event.createdAt,
      });
    },
  });
  const ended = await transitionIn(ctx, trx, { caseNo: c.caseNo, actor: SYSTEM, action: { type: 'END_SPECIAL', opinion: `中介服务结束：订单 ${o.orderNo} 的服务成果已验收，附于本件` } });
  return [attached, ended];
}
