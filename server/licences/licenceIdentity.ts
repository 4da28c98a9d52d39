import type { CaseRow } from '../../db/repositories/cases';
import { ancestorCode } from '../../workflows/levels';
import { buildLicenceId } from '../../workflows/licenceIdentifier';
import { licenceTypeCode, organUscc } from '../../workflows/organCodes';
import type { Route } from '../../workflows/route';

/** The first version of a licence; 延续 and 变更 (a later part of issue 11) issue the next. */
export const FIRST_VERSION = '001';

export interface LicenceIdentity {
  licenceId: string;
  typeCode: string;
  issuerCode: string;
  definerCode: string;
  /** The body that decides (and so issues): the item's department at the deciding level above the case's centre. */
  issuerJurisdiction: string;
  department: string;
  serial: string;
  version: string;
}

/**
 * The GB/T 36904 identifier an issued case's e-licence gets, worked out from
 * the case alone (so the ISSUE event can carry it): the licence type of the
 * item, the deciding body as issuer, the case's id as the issuer's serial.
 */
export function licenceIdentityOf(row: CaseRow): LicenceIdentity {
  const route = (row.snapshot as { context: { route: Route } }).context.route;
  const decide = route.find((s) => s.kind === 'decide')!;
  const department = decide.department ?? 'government';
  const issuerJurisdiction = ancestorCode(row.centreCode, decide.level);
  const typeCode = licenceTypeCode(ancestorCode(row.centreCode, 'province'), department, row.itemCode);
  const issuerCode = organUscc(issuerJurisdiction, department);
  const serial = String(row.id).padStart(7, '0');
  return {
    licenceId: buildLicenceId({ typeCode, issuerUscc: issuerCode, serial, version: FIRST_VERSION }),
    typeCode,
    issuerCode,
    definerCode: typeCode.slice(0, 18),
    issuerJurisdiction,
    department,
    serial,
    version: FIRST_VERSION,
  };
}

/** 证照编号 where the desk types none: the issuer's area, the year, the serial. */
export function defaultLicenceNo(id: LicenceIdentity, today: string): string {
  return `${id.issuerJurisdiction.slice(0, 6)}-${today.slice(0, 4)}-${id.serial}`;
}
