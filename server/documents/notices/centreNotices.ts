import type { OfficialDocumentModel } from '../pdf';
import { cnDate, type NoticeFacts } from './noticeContext';

/**
 * The notices the accepting centre issues on the department's behalf
 * (行政许可法 Art. 32): the receipt (回执) at filing, the 受理通知书 at
 * acceptance, and the 补正材料通知书 that lists every missing item at once.
 */
/** A notice's content: what the renderer draws, without the PDF's metadata (added when it is drawn). */
export type NoticeContent = Omit<OfficialDocumentModel, 'metadata' | 'qr'>;

const year = (on: string) => on.slice(0, 4);
const SEAL = '业务专用章';

function contactLine(f: NoticeFacts): string {
  const c = f.centre;
  return [c.address && `地址：${c.address}`, c.hours && `办公时间：${c.hours}`, c.phone && `电话：${c.phone}`].filter(Boolean).join('；');
}

export function receipt(f: NoticeFacts): NoticeContent {
  const { row, item, centre } = f;
  return {
    title: '收件回执',
    docNo: `${centre.name}收〔${year(f.on)}〕${row.caseNo}号`,
    recipient: row.applicantName,
    paragraphs: [
      `你（单位）申请的“${item.name}”已于${cnDate(f.on)}由${centre.name}收件，办件编号${row.caseNo}。`,
      `本中心将在5个工作日内审查申请材料，决定是否受理；材料不齐全或不符合法定形式的，将一次性告知需要补正的全部内容。`,
      `承诺办结时限为受理之日起${item.promisedDays}个工作日，受理后告知承诺办结日期。凭办件编号和申报时取得的查询码，可随时在本平台查询办理进度与全部文书。`,
    ],
    fields: [
      ['办件编号', row.caseNo],
      ['申请事项', item.name],
      ['申请人', row.applicantName],
      ['收件窗口', centre.name],
      ['收件日期', f.on],
      ['承诺时限', `受理之日起${item.promisedDays}个工作日`],
      ['提交材料', row.materials.join('、') || '（申报时未列明）'],
    ],
    issuer: { name: centre.name, sealName: SEAL },
    date: f.on,
    footer: contactLine(f) || undefined,
  };
}

export function acceptanceNotice(f: NoticeFacts): NoticeContent {
  const { row, item, centre } = f;
  return {
    title: '受理通知书',
    docNo: `${centre.name}受〔${year(f.on)}〕${row.caseNo}号`,
    recipient: row.applicantName,
    paragraphs: [
      `你（单位）于${cnDate(f.filedOn)}提出的“${item.name}”申请，经审查，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理。`,
      row.promiseDueOn ? `本机关承诺于${cnDate(row.promiseDueOn)}前办结（${item.promisedDays}个工作日，法定期限${item.statutoryDays}个工作日）。` : `本机关将在法定期限内作出决定。`,
      `办理进度、审查意见和决定文书均可凭办件编号${row.caseNo}和查询码在本平台查询；上级部门审查时不再要求重复提交已收取的材料。`,
    ],
    fields: [
      ['办件编号', row.caseNo],
      ['申请事项', item.name],
      ['受理日期', f.on],
      ['承诺办结日期', row.promiseDueOn ?? '—'],
    ],
    issuer: { name: centre.name, sealName: SEAL },
    date: f.on,
    footer: contactLine(f) || undefined,
  };
}

export function materialsNotice(f: NoticeFacts): NoticeContent {
  const { row, item, centre } = f;
  const missing = Array.isArray(f.event.payload.missing) ? (f.event.payload.missing as string[]) : [];
  return {
    title: '补正材料通知书',
    docNo: `${centre.name}补〔${year(f.on)}〕${row.caseNo}号`,
    recipient: row.applicantName,
    paragraphs: [
      `你（单位）于${cnDate(f.filedOn)}提出的“${item.name}”申请，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知需要补正的全部内容：`,
      ...missing.map((m, i) => `${i + 1}. ${m}`),
      `请按上述内容补正后提交；补正材料齐全、符合法定形式的，本中心将予以受理。${f.event.opinion ? `经办意见：${f.event.opinion}` : ''}`,
    ],
    issuer: { name: centre.name, sealName: SEAL },
    date: f.on,
    footer: contactLine(f) || undefined,
  };
}
