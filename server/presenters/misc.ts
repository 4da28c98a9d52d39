import type { ItemRow } from '../../db/repositories/items';
import { blankFormsOf } from '../../workflows/blankForms';
import type { JurisdictionRow } from '../../db/repositories/jurisdictions';
import type { UserRow } from '../../db/repositories/users';

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    jurisdictionCode: u.jurisdictionCode,
    level: u.level,
    department: u.department,
    active: u.active,
  };
}

export function presentItem(i: ItemRow) {
  const { id: _id, ...rest } = i;
  // The forms the guide offers blank, to print and fill in before coming; eLicencePilot (证照网上办理一条龙):
  // the guide says the licence is issued and delivered online, without coming in (db/seed/eLicencePilot.ts).
  return { ...rest, eLicencePilot: i.eLicencePilot, forms: blankFormsOf(i.materials) };
}

export function presentJurisdiction(j: JurisdictionRow) {
  return { code: j.code, name: j.name, nameEn: j.nameEn, level: j.level, parentCode: j.parentCode };
}
