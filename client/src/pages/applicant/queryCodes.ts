/**
 * The query codes this browser was given or typed, per case, for this tab's
 * life only: a code is a secret, so it never goes into a URL or lasts past the session.
 */
const key = (caseNo: string) => `approval.code.${caseNo}`;

export const queryCodes = {
  get: (caseNo: string) => sessionStorage.getItem(key(caseNo)),
  set: (caseNo: string, code: string) => sessionStorage.setItem(key(caseNo), code),
  forget: (caseNo: string) => sessionStorage.removeItem(key(caseNo)),
};
