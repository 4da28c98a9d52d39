import type { Knex } from 'knex';
import type { PowerEntryRow } from '../../db/repositories/powers/entries';
import type { PowerChangeRow } from '../../db/repositories/powers/changes';
import type { PowerListRow, PowerVersionRow } from '../../db/repositories/powers/versions';
import { powerRemedy, supervisionText } from '../../workflows/powerRemedy';
import { cutPercent, POWER_TYPES, powerTypeCode, type PowerType } from '../../workflows/powerTypes';

/** Jurisdiction names of the lists' holders (a handful of rows, read per answer). */
export async function listPlaces(db: Knex, codes: string[]): Promise<Map<string, string>> {
  const rows = await db('jurisdictions').whereIn('code', [...new Set(codes)]).select('code', 'name');
  return new Map(rows.map((r: Record<string, any>) => [String(r.code), String(r.name)]));
}

export function entryCode(e: Pick<PowerEntryRow, 'listCode' | 'type' | 'serial'>): string {
  const type = POWER_TYPES[e.type - 1] as PowerType;
  return `${e.listCode.slice(0, 6)}-${powerTypeCode(type)}-${String(e.serial).padStart(5, '0')}`;
}

/** One entry as the public reads it (权力清单的一项). */
export function presentEntry(e: PowerEntryRow, places: Map<string, string>) {
  const jurisdictionName = places.get(e.listCode) ?? e.listCode;
  return {
    code: entryCode(e),
    name: e.name,
    type: POWER_TYPES[e.type - 1],
    typeCode: powerTypeCode(POWER_TYPES[e.type - 1] as PowerType),
    department: { id: e.bodyId, name: e.bodyName, kind: e.bodyKind },
    level: e.listLevel,
    jurisdiction: { code: e.listCode, name: jurisdictionName },
    scope: e.scope,
    basis: e.basis,
    supervision: { phone: e.bodyPhone, text: supervisionText(e.bodyName, e.bodyPhone) },
    remedy: powerRemedy({ level: e.listLevel, jurisdictionName }),
    validity: { fromSeq: e.fromSeq, toSeq: e.toSeq },
  };
}

export function presentChange(c: PowerChangeRow) {
  return { id: c.id, versionSeq: c.versionSeq, kind: c.kind, reason: c.reason, basis: c.basis, toLevel: c.toLevel, by: c.actorName, at: c.createdAt };
}

/** A version with its figures, all counted from rows: reviewed (its base's entries), published (its own), cut. */
export function presentVersion(v: PowerVersionRow, list: PowerListRow, counts: Map<number, { entries: number; departments: number }>, baseId: number | undefined, places: Map<string, string>) {
  const own = counts.get(v.id) ?? { entries: 0, departments: 0 };
  const base = baseId !== undefined ? counts.get(baseId) : undefined;
  const isList = v.kind === 'list';
  const reviewed = isList ? (base?.entries ?? own.entries) : own.entries;
  return {
    id: v.id,
    list: { jurisdiction: list.jurisdictionCode, name: list.name, level: list.level, place: places.get(list.jurisdictionCode) ?? list.jurisdictionCode },
    seq: v.seq,
    name: v.name,
    kind: v.kind,
    state: v.state,
    baseSeq: v.baseSeq,
    decidedOn: v.decidedOn,
    document: v.document,
    revision: v.rowVersion,
    entries: own.entries,
    departments: own.departments,
    reviewed,
    reviewedDepartments: isList ? (base?.departments ?? own.departments) : own.departments,
    published: isList ? own.entries : null,
    cut: isList ? reviewed - own.entries : null,
    cutPercent: isList ? cutPercent(reviewed, own.entries) : null,
  };
}
