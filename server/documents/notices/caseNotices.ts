import type { Knex } from 'knex';
import { insertCaseDocument, type DocumentKind } from '../../../db/repositories/documents/caseDocuments';
import type { CaseRow } from '../../../db/repositories/cases';
import type { CaseEventRow } from '../../../db/repositories/caseEvents';
import { decisionDocument } from '../decisionDocument';
import { acceptanceNotice, materialsNotice, receipt, type NoticeContent } from './centreNotices';
import { chinaMinute, noticeFacts, type NoticeFacts } from './noticeContext';

/** Which event requires which document. */
export const NOTICE_OF_EVENT: Partial<Record<string, DocumentKind>> = {
  SUBMIT: 'receipt',
  ACCEPT: 'acceptance',
  REQUEST_MATERIALS: 'materials',
  REFUSE: 'refusal',
  DENY: 'denial',
  APPROVE: 'approval',
  DELIVER: 'service',
};

const DELIVERY_WORDS = { pickup: '窗口直接送达，受送达人当面签收', post: '邮寄送达', electronic: '电子送达（电子证照）' } as const;

/** 送达回证: what was served on whom, how, where and when. */
function serviceReturn(f: NoticeFacts): NoticeContent {
  const { row, item, centre } = f;
  const ctx = (row.snapshot as { context: { licenceNo?: string | null; eLicenceId?: string | null } }).context;
  const mode = (f.event.payload.mode as keyof typeof DELIVERY_WORDS) ?? 'pickup';
  const tracking = typeof f.event.payload.trackingNo === 'string' ? f.event.payload.trackingNo : null;
  const signedBy = typeof f.event.payload.signedBy === 'string' ? f.event.payload.signedBy : null;
  return {
    title: '送达回证',
    docNo: `${centre.name}送〔${f.on.slice(0, 4)}〕${row.caseNo}号`,
    paragraphs: [`本机关依法向受送达人送达下列文书，送达情况如下。`],
    fields: [
      ['送达文书', `“${item.name}”准予行政许可决定书${ctx.licenceNo ? `及证照（证照编号${ctx.licenceNo}）` : ''}`],
      ...(ctx.eLicenceId ? ([['电子证照标识', ctx.eLicenceId]] as Array<[string, string]>) : []),
      ['受送达人', row.applicantName],
      ['送达方式', `${DELIVERY_WORDS[mode] ?? mode}${tracking ? `（运单号${tracking}）` : ''}`],
      ['送达地点', mode === 'pickup' ? centre.name : mode === 'post' ? '申请人登记的邮寄地址' : '本平台'],
      ['送达时间', f.on],
      ['送达人', f.event.actorName],
      // The counter's e-signature: the recipient confirmed receipt on the clerk's screen, at the event's time.
      ...(signedBy ? ([['受送达人签收', `${signedBy}（窗口电子签名确认，${chinaMinute(f.event.createdAt)}）`]] as Array<[string, string]>) : []),
    ],
    issuer: { name: centre.name, sealName: '业务专用章' },
    date: f.on,
  };
}

async function decisionNotice(db: Knex, f: NoticeFacts): Promise<NoticeContent> {
  // The same content GET /api/cases/:caseNo/decision gives, addressed by name only (every desk may download it).
  const d = await decisionDocument(db, f.row, f.item, 'masked');
  const [recipient, ...paragraphs] = d.paragraphs;
  return {
    title: d.title,
    docNo: d.docNo,
    recipient: recipient?.replace(/[：:]$/, ''),
    paragraphs,
    issuer: { name: d.decidingBody.name, sealName: '行政许可专用章' },
    date: d.decidedOn,
  };
}

/**
 * The document an event requires, written in its transaction (SUBMIT at
 * filing, the rest through transitionEffects.ts): no acceptance, notice,
 * decision or delivery exists without its document.
 */
export async function recordNotice(db: Knex, row: CaseRow, event: Pick<CaseEventRow, 'seq' | 'type' | 'payload' | 'createdAt' | 'actorName' | 'opinion'>): Promise<void> {
  const kind = NOTICE_OF_EVENT[event.type];
  if (!kind) return;
  const f = await noticeFacts(db, row, event);
  const content =
    kind === 'receipt' ? receipt(f)
    : kind === 'acceptance' ? acceptanceNotice(f)
    : kind === 'materials' ? materialsNotice(f)
    : kind === 'service' ? serviceReturn(f)
    : await decisionNotice(db, f);
  await insertCaseDocument(db, { caseId: row.id, kind, eventSeq: event.seq, title: content.title, docNo: content.docNo, issuedOn: content.date, model: content as unknown as Record<string, unknown>, createdAt: event.createdAt });
}
