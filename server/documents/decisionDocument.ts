import type { Knex } from 'knex';
import type { CaseRow } from '../../db/repositories/cases';
import { listCaseEvents, type CaseEventRow } from '../../db/repositories/caseEvents';
import type { ItemRow } from '../../db/repositories/items';
import { findDelegation } from '../../db/repositories/delegations';
import { findDepartment, findJurisdictionChain } from '../../db/repositories/jurisdictionChain';
import { chinaDate } from '../../workflows/calendar';
import { ancestorCode } from '../../workflows/levels';
import type { Route } from '../../workflows/route';
import { rightsNotice, type DecidingBodyInput, type RightsNotice } from '../../workflows/rightsNotice';
import { notFound } from '../errors';
import type { PersonalDataView } from '../policies/cases';
import { maskIdNumber } from '../presenters/case';

export type DecisionKind = 'refusal' | 'denial' | 'approval';

const TITLES: Record<DecisionKind, { zh: string; en: string; mark: string }> = {
  refusal: { zh: '不予受理通知书', en: 'Notice of Refusal to Accept', mark: '不受' },
  denial: { zh: '不予许可决定书', en: 'Decision Not to Grant the Licence', mark: '不许' },
  approval: { zh: '准予许可决定书', en: 'Decision to Grant the Licence', mark: '准许' },
};

const KIND_OF_EVENT: Record<string, DecisionKind> = { REFUSE: 'refusal', DENY: 'denial', APPROVE: 'approval' };

/**
 * The body in whose name a case is decided: the item's deciding department at
 * the deciding level above the case's centre. A refusal at a village or town
 * window is made in that department's name too: the centre accepts on its
 * behalf (行政许可法 Art. 24, 委托受理), so the department answers for it.
 */
export async function decidingBodyOf(db: Knex, row: CaseRow): Promise<DecidingBodyInput> {
  const route = (row.snapshot as { context: { route: Route } }).context.route;
  const decide = route.find((s) => s.kind === 'decide');
  if (!decide) throw notFound('Decide step');
  const chain = await findJurisdictionChain(db, ancestorCode(row.centreCode, decide.level));
  const department = decide.department ? ((await findDepartment(db, decide.department)) ?? null) : null;
  return { chain, department };
}

export async function rightsNoticeFor(db: Knex, row: CaseRow): Promise<RightsNotice> {
  return rightsNotice(await decidingBodyOf(db, row));
}

/**
 * The deed the case was decided under, when a town decided it: only if the
 * decide step is one the deed moved (a deed that delegated acceptance alone
 * leaves the decision to the county, which then says nothing of it).
 */
async function delegationOf(db: Knex, row: CaseRow, body: { name: string; nameEn: string }) {
  const route = (row.snapshot as { context: { route: Route } }).context.route;
  const deedNo = route.find((s) => s.kind === 'decide')?.deedNo;
  if (!deedNo) return null;
  const deed = await findDelegation(db, deedNo);
  const town = deed?.townName ?? '';
  return {
    deedNo,
    town,
    delegatingBody: body.name,
    statement: `本决定由${town}人民政府依据${body.name}${deedNo}赋权委托书，以${body.name}名义作出。`,
    statementEn: `This decision was made by the ${town} People's Government under delegation deed ${deedNo} of ${body.nameEn}, in the name of ${body.nameEn}.`,
  };
}

/** The event that carries the written decision: the last refusal, denial or approval. */
function decisionEvent(events: CaseEventRow[]): CaseEventRow | undefined {
  return [...events].reverse().find((e) => e.type in KIND_OF_EVENT);
}

/**
 * The written decision of a case, built from the case itself: the item, the
 * applicant, the opinion and reasons recorded with the decision, its date,
 * the deciding body and, for a refusal or denial, the rights notice with the
 * review body and the court by the jurisdiction tree. 404 until one is made.
 */
export async function decisionDocument(db: Knex, row: CaseRow, item: ItemRow, personal: PersonalDataView) {
  const event = decisionEvent(await listCaseEvents(db, row.id));
  if (!event) throw notFound('Written decision');
  const kind = KIND_OF_EVENT[event.type]!;
  const notice = await rightsNoticeFor(db, row);
  const decidedOn = chinaDate(new Date(`${event.createdAt.replace(' ', 'T')}Z`));
  const recorded = typeof event.payload.rightsNotice === 'string' ? event.payload.rightsNotice : null;
  const title = TITLES[kind];
  const opinion = event.opinion ?? '';
  const licenceNo = kind === 'approval' ? ((row.snapshot as { context: { licenceNo?: string | null } }).context.licenceNo ?? null) : null;
  const filedOn = chinaDate(new Date(`${row.filedAt.replace(' ', 'T')}Z`));
  const rightsText = recorded ?? notice.text;
  // A refusal to accept is the accepting window's act, not the decision the deed moved.
  const delegation = kind === 'refusal' ? null : await delegationOf(db, row, notice.decidingBody);
  const paragraphs = paragraphsOf(kind, { applicant: row.applicantName, filedOn, item: item.name, opinion, licenceNo, rights: rightsText });
  const paragraphsEn = paragraphsEnOf(kind, { applicant: row.applicantName, filedOn, item: item.name, opinion, licenceNo, rights: notice.textEn });
  // A town deciding under a deed says so, right after the decision: the act is the delegating body's (行政许可法 Art.24).
  if (delegation) {
    paragraphs.splice(3, 0, delegation.statement);
    paragraphsEn.splice(3, 0, delegation.statementEn);
  }
  return {
    caseNo: row.caseNo,
    kind,
    title: title.zh,
    titleEn: title.en,
    docNo: `${notice.decidingBody.name}${title.mark}〔${decidedOn.slice(0, 4)}〕${row.caseNo}号`,
    item: { code: item.code, name: item.name, version: item.version },
    applicant: {
      name: row.applicantName,
      idNumber: row.applicantIdNumber ? (personal === 'full' ? row.applicantIdNumber : maskIdNumber(row.applicantIdNumber)) : null,
    },
    filedAt: row.filedAt,
    decidedOn,
    /** The reasons of a refusal or denial, the opinion of an approval. */
    opinion,
    licenceNo,
    /** The document's text, paragraph by paragraph: issued in Chinese, with an English reading aid. */
    paragraphs,
    paragraphsEn,
    decidingBody: notice.decidingBody,
    /** The deed a town decided under, in the deciding body's name; null for a case decided by the body itself. */
    delegation,
    rights:
      kind === 'approval'
        ? null
        : {
            reviewBody: notice.reviewBody,
            court: notice.court,
            reviewDays: notice.reviewDays,
            suitMonths: notice.suitMonths,
            // What the desk served with the decision (prefilled from the generated notice); the generated one otherwise.
            text: rightsText,
            generatedText: notice.text,
            generatedTextEn: notice.textEn,
          },
  };
}

interface Facts {
  applicant: string;
  filedOn: string;
  item: string;
  opinion: string;
  licenceNo: string | null;
  rights: string;
}

/** 行政许可法 Art. 32 (refusal to accept), Art. 38 (grant, or denial with reasons and rights). */
function paragraphsOf(kind: DecisionKind, f: Facts): string[] {
  const [y, m, d] = f.filedOn.split('-').map(Number);
  const opening = [`${f.applicant}：`, `你（单位）于${y}年${m}月${d}日提出的“${f.item}”申请，本机关依法进行了审查。`];
  const found = `经审查，${f.opinion.replace(/[。.；;，,\s]+$/, '')}。`;
  if (kind === 'refusal') return [...opening, `${found}根据《中华人民共和国行政许可法》第三十二条第一款的规定，决定不予受理。`, f.rights];
  if (kind === 'denial') return [...opening, `${found}根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予许可。`, f.rights];
  return [...opening, `${found}根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予许可${f.licenceNo ? `，证照编号 ${f.licenceNo}` : ''}。`];
}

function paragraphsEnOf(kind: DecisionKind, f: Facts): string[] {
  const opening = `To ${f.applicant}: your application for "${f.item}" filed on ${f.filedOn} has been examined according to law.`;
  const found = `Finding: ${f.opinion.replace(/[。.；;，,\s]+$/, '')}.`;
  if (kind === 'refusal') return [opening, `${found} Under Article 32(1) of the Administrative Licensing Law the application is not accepted.`, f.rights];
  if (kind === 'denial') return [opening, `${found} Under Article 38(2) of the Administrative Licensing Law the licence is not granted.`, f.rights];
  return [opening, `${found} Under Article 38(1) of the Administrative Licensing Law the licence is granted${f.licenceNo ? ` (number ${f.licenceNo})` : ''}.`];
}

export type DecisionDocument = Awaited<ReturnType<typeof decisionDocument>>;
