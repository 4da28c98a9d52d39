import type { CaseRow } from '../../db/repositories/cases';
import type { ItemRow } from '../../db/repositories/items';
import { authorisationLetterName, hasAuthorisationLetter, type ApplicantType } from '../../workflows/parties';
import type { Actor } from '../auth/actor';
import { AppError, forbidden, validationFailed } from '../errors';
import { canFileAndAccept } from '../policies/cases';

/** The parties of a filing: the applicant (a person, or a legal person) and the agent filing for them, if any. */
export interface FilingApplicant {
  type?: ApplicantType;
  name: string;
  phone: string;
  idNumber?: string;
  uscc?: string;
  legalRepresentative?: string;
}

export interface FilingAgent {
  name: string;
  idNumber: string;
  phone: string;
}

export const applicantTypeNotAccepted = (item: ItemRow, type: ApplicantType) =>
  new AppError('APPLICANT_TYPE_NOT_ACCEPTED', 422, `${item.name} is not filed by ${type === 'person' ? 'a natural person (自然人)' : 'a legal person or other organisation (法人/其他组织)'}; it takes: ${item.applicantTypes.join(', ')}`, {
    field: 'applicant.type',
    applicantType: type,
    accepted: item.applicantTypes,
  });

/**
 * What the item asks of the parties: an applicant type it takes, and, when
 * an agent files, the applicant's power of attorney among the materials.
 * A counter filing that accepts at once is a clerk's, at their own centre.
 */
export function checkParties(
  item: ItemRow,
  p: { actor: Actor | null; centreCode: string; applicant: FilingApplicant; agent?: FilingAgent; materials: string[]; acceptNow?: boolean },
): void {
  const type = p.applicant.type ?? 'person';
  if (!item.applicantTypes.includes(type)) throw applicantTypeNotAccepted(item, type);
  if (p.agent && !hasAuthorisationLetter(p.materials)) {
    const letter = authorisationLetterName(item.materials);
    const message = `an agent files with the applicant’s ${letter} (授权委托书): add it to the materials`;
    throw validationFailed(`Invalid request: materials: ${message}`, { issues: [{ field: 'materials', message, missing: letter }] });
  }
  if (p.acceptNow && !canFileAndAccept(p.actor, p.centreCode)) throw forbidden('Only a clerk of this centre files and accepts at the counter');
}

/** The case columns of the parties (an organisation has no ID number: the column holds ''). */
export function partyColumns(applicant: FilingApplicant, agent: FilingAgent | undefined) {
  return {
    applicantType: applicant.type ?? 'person',
    applicantIdNumber: applicant.idNumber ?? '',
    applicantUscc: applicant.uscc ?? null,
    applicantLegalRep: applicant.legalRepresentative ?? null,
    agentName: agent?.name ?? null,
    agentIdNumber: agent?.idNumber ?? null,
    agentPhone: agent?.phone ?? null,
  } satisfies Partial<CaseRow>;
}
