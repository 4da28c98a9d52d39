import type { DelegationRow } from '../../db/repositories/delegations';
import { deedStanding, pilotTown } from '../../workflows/delegation';

export interface DeedNames {
  departments: Map<string, string>;
  items: Map<string, string>;
}

/** A published deed: who delegates what to which town, for how long, and where it stands today. */
export function presentDeed(d: DelegationRow, today: string, names: DeedNames) {
  const town = pilotTown(d.townCode);
  const department = names.departments.get(d.department) ?? d.department;
  return {
    deedNo: d.deedNo,
    title: d.title,
    department: { code: d.department, name: department },
    county: { code: d.countyCode, name: town?.countyName ?? d.countyCode },
    /** The delegating body, in whose name the town acts (行政许可法 Art.24). */
    delegatingBody: `${town?.countyName ?? ''}${department}`,
    town: { code: d.townCode, name: d.townName },
    scope: d.scope,
    validFrom: d.validFrom,
    validTo: d.validTo,
    publishedOn: d.publishedOn,
    revokedOn: d.revokedOn,
    revokeReason: d.revokeReason,
    standing: deedStanding(d, today),
    version: d.rowVersion,
    items: d.itemCodes.map((code) => ({ code, name: names.items.get(code) ?? null })),
  };
}
