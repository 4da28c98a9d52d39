/**
 * The parties of a filing: who applies (a natural person 自然人, or a legal
 * person or other organisation 法人/其他组织) and who, if anyone, files for
 * them (代理人). Pure rules, shared by the server and the web app.
 */
export const APPLICANT_TYPES = ['person', 'organisation'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** The material an agent must hand in: the applicant's power of attorney. */
export const AUTHORISATION_LETTER = '授权委托书';

/** Whether a list of materials holds the power of attorney (the catalogue may name it 授权委托书及受托人身份证明). */
export function hasAuthorisationLetter(materials: readonly string[]): boolean {
  return materials.some((m) => m.includes(AUTHORISATION_LETTER));
}

/** The name of the power-of-attorney material as the item lists it, or the plain one when it lists none. */
export function authorisationLetterName(itemMaterials: readonly { name: string }[]): string {
  return itemMaterials.find((m) => m.name.includes(AUTHORISATION_LETTER))?.name ?? AUTHORISATION_LETTER;
}
