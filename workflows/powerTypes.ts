/**
 * The power list's vocabulary (权力清单): the ten types of administrative
 * power with the national catalogue's type codes (SEED-SERVICES.md §0), the
 * Zhejiang scope tags of an entry (§6), the kinds of adjustment, and the
 * entry code `<area6>-<type code>-<serial5>` (e.g. 330300-01-00012).
 */

export const POWER_TYPES = ['行政许可', '行政处罚', '行政强制', '行政征收', '行政给付', '行政检查', '行政确认', '行政奖励', '行政裁决', '其他行政权力'] as const;
export type PowerType = (typeof POWER_TYPES)[number];

/** '01' … '10', the catalogue's item-type codes. */
export function powerTypeCode(t: PowerType): string {
  return String(POWER_TYPES.indexOf(t) + 1).padStart(2, '0');
}

export function powerTypeOfCode(code: string): PowerType | undefined {
  return POWER_TYPES[Number(code) - 1];
}

export function isPowerType(v: string): v is PowerType {
  return (POWER_TYPES as readonly string[]).includes(v);
}

/**
 * The power a catalogue item type implements. 公共服务 (type 20) is not an
 * administrative power (国务院令第716号 Art.4: items = 行政权力事项 + 公共服务事项):
 * such items implement no entry of the power list (docs/powers.md).
 */
export function powerTypeOfItemType(itemType: string): PowerType | null {
  return isPowerType(itemType) ? itemType : null;
}

/** Zhejiang's tags (2014): kept at this level, run where it happens, held at every level alike, reviewed here and forwarded up. */
export const POWER_SCOPES = ['本级保留', '属地管理', '共性权力', '审核转报'] as const;
export type PowerScope = (typeof POWER_SCOPES)[number];

/** The scope of a city entry by the level that decides the item it stands for. */
export function scopeForDecideLevel(level: string): PowerScope {
  if (level === 'province') return '审核转报';
  if (level === 'county') return '属地管理';
  return '本级保留';
}

export const CHANGE_KINDS = ['add', 'merge', 'cut', 'move'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface PowerCode {
  area6: string;
  typeCode: string;
  serial: number;
}

const CODE = /^(\d{6})-(\d{2})-(\d{5})$/;

export function formatPowerCode(area6: string, type: PowerType, serial: number): string {
  return `${area6}-${powerTypeCode(type)}-${String(serial).padStart(5, '0')}`;
}

export function parsePowerCode(code: string): PowerCode | null {
  const m = CODE.exec(code);
  if (!m || !powerTypeOfCode(m[2]!)) return null;
  return { area6: m[1]!, typeCode: m[2]!, serial: Number(m[3]) };
}

/** Reduction as a percentage with one decimal (8,555 of 12,723 → 67.2). */
export function cutPercent(reviewed: number, published: number): number | null {
  if (reviewed <= 0) return null;
  return Math.round(((reviewed - published) / reviewed) * 1000) / 10;
}
