/**
 * Which of an item's materials are forms the applicant fills in (申请表,
 * 登记表, 授权委托书, 声明 …), as opposed to documents they already hold
 * (licences, certificates, plans). The guide offers a blank, printable copy
 * of each. '授权委托书及受托人身份证明' yields the form '授权委托书'.
 */
const FORM = /^(.*?(?:申请表|登记表|申报表|审批表|信息表|申请书|委托书|承诺书|声明))/;

export function blankFormsOf(materials: readonly { name: string }[]): string[] {
  const forms = materials.map((m) => FORM.exec(m.name)?.[1]).filter((f): f is string => Boolean(f));
  return [...new Set(forms)];
}
