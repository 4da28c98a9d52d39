import type { CaseRow } from '../../db/repositories/cases';
import type { PersonalDataView } from '../policies/cases';
import { maskIdNumber, maskPhone } from './case';

/**
 * The applicant and the agent as a viewer may see them: ID numbers and
 * phones in full only for the desk working the case (DESIGN.md, personal
 * data); a legal person's credit code and legal representative are public
 * registration data and shown to all who may see the case.
 */
export function presentParties(c: CaseRow, personal: PersonalDataView) {
  const full = personal === 'full';
  const id = (v: string) => (full ? v : maskIdNumber(v));
  const phone = (v: string) => (full ? v : maskPhone(v));
  const type = c.applicantType ?? 'person';
  return {
    applicant: {
      type,
      name: c.applicantName,
      idNumber: type === 'person' && c.applicantIdNumber ? id(c.applicantIdNumber) : null,
      phone: phone(c.applicantPhone),
      uscc: c.applicantUscc ?? null,
      legalRepresentative: c.applicantLegalRep ?? null,
    },
    agent: c.agentName ? { name: c.agentName, idNumber: id(c.agentIdNumber ?? ''), phone: phone(c.agentPhone ?? '') } : null,
  };
}
