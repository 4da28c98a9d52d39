import { fromDbTime } from '../../db/connection';
import type { RegisterRow } from '../../db/repositories/publicity/publicityQueries';
import { chinaDate } from '../../workflows/calendar';
import { LICENCE_STATUS } from './licences';

/** 01 有效: the one licence status in which the decision's entry reads 有效. */
const VALID = '01';

/** The licence's status as the register shows it now: its stored code, 05 失效 once past its validity; null before ISSUE. */
export function registerStatus(r: RegisterRow, today: string): { code: string; zh: string; en: string } | null {
  if (!r.licence) return null;
  const code = r.licence.status === VALID && r.licence.validUntil < today ? '05' : r.licence.status;
  return { code, ...(LICENCE_STATUS[code] ?? LICENCE_STATUS['99']!) };
}

/**
 * One entry of the public register (双公示): the holder as stored (a
 * person's name and ID number masked since the entry was written; a legal
 * person's name, USCC and legal representative are public registration
 * data), the decision, and the licence as it stands now. `standing` is the
 * credit standard's 当前状态: valid while the licence is (or before it is
 * issued), invalid once suspended, revoked, cancelled or expired.
 */
export function presentRegisterEntry(r: RegisterRow, today: string) {
  const status = registerStatus(r, today);
  return {
    id: r.id,
    holder: {
      type: r.holderType,
      name: r.holderName,
      code: r.holderCode,
      codeType: r.holderCodeType,
      legalRepresentative: r.holderType === 'organisation' ? r.legalRepresentative : null,
    },
    decision: { title: r.docTitle, docNo: r.docNo, decidedOn: r.decidedOn },
    category: r.category,
    content: r.content,
    item: { code: r.itemCode, name: r.itemName },
    licence: {
      name: r.licence?.name ?? r.licenceName,
      id: r.licence?.licenceId ?? null,
      licenceNo: r.licence?.licenceNo ?? null,
      validity: r.licence ? { from: r.licence.validFrom, until: r.licence.validUntil } : null,
      status,
      verifyUrl: r.licence ? `/verify?code=${encodeURIComponent(r.licence.licenceId)}` : null,
    },
    issuer: { name: r.issuerName, code: r.issuerCode, jurisdictionCode: r.issuerJurisdiction },
    standing: !status || status.code === VALID ? ('valid' as const) : ('invalid' as const),
    publishedOn: chinaDate(fromDbTime(r.publishedAt)),
  };
}

export type RegisterEntryView = ReturnType<typeof presentRegisterEntry>;
