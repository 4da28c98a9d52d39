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
  // The forms the guide offers blank, to print and fill in before coming.
  return { ...rest, forms: blankFormsOf(i.materials) };
}

export function presentJurisdiction(j: JurisdictionRow) {
  return { code: j.code, name: j.name, nameEn: j.nameEn, level: j.level, parentCode: j.parentCode };
}
