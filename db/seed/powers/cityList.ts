import type { ItemVersion } from '../../../workflows/route';
import { POWER_TYPES, powerTypeOfItemType, scopeForDecideLevel, type PowerType } from '../../../workflows/powerTypes';
import { CITY_BODIES } from './cityBodies';
import { nameMaker, typeAt } from './names';
import { share, SUPERVISION_PHONE, type SeedRows } from './plan';

/**
 * Wenzhou's city list (seed report): reviewed from March 2014, 12,723 powers
 * of 55 departments (version 1, 职权梳理); published end of August 2014, 4,168
 * powers of 44 departments (version 2). The totals are the report's; how the
 * 8,555 fewer break down into cut, merged and moved-down entries is not in
 * the sources, so it is this seed's (CUT_PLAN), and every figure the API
 * answers is counted from the rows written here.
 */
export const CITY_FIGURES = { reviewed: 12_723, published: 4_168, departments: 55, publishedDepartments: 44 };
export const CUT_PLAN = { added: 36, merged: 412, mergeSources: 3, moved: 1_045 };

const CITY = '330300000000';
const typeNo = (t: PowerType) => POWER_TYPES.indexOf(t) + 1;

const CUT_REASONS = [
  { reason: '属内部管理或宏观管理事项，不列入行政权力清单', basis: '浙江省政府部门职权清理规则（2014年）：内部管理事项不列入权力清单' },
  { reason: '无法律、法规、规章依据或依据已废止，予以取消', basis: '《中华人民共和国行政许可法》第十四条、第十五条；《中华人民共和国行政处罚法》第九条至第十四条' },
  { reason: '可由社会组织承接，转移给社会组织实施', basis: '《中共中央关于全面深化改革若干重大问题的决定》（2013年）：政府向社会力量购买服务' },
];

function basisFor(type: PowerType, subject: string): string {
  if (type === '行政处罚') return `《中华人民共和国行政处罚法》及${subject}管理法律法规`;
  if (type === '行政许可') return `《中华人民共和国行政许可法》及${subject}管理法律法规`;
  if (type === '行政强制') return `《中华人民共和国行政强制法》及${subject}管理法律法规`;
  return `${subject}管理法律法规`;
}

/** Writes the city list, its two versions and the change records; links every catalogue item of a power type to its entry. */
export function buildCityList(rows: SeedRows, catalogue: ItemVersion[]): void {
  const listId = rows.lists.length + 1;
  rows.lists.push({ id: listId, jurisdiction_code: CITY, level: 'city', name: '温州市市级部门行政权力清单' });
  rows.versions.push(
    { id: rows.versions.length + 1, list_id: listId, seq: 1, name: '2014年3月市级部门职权梳理', kind: 'review', base_seq: null, decided_on: '2014-03-31', document: '温州市权力清单工作：55家市级部门职权梳理审核（2014年3月启动）' },
    { id: rows.versions.length + 2, list_id: listId, seq: 2, name: '2014年8月公布的市级部门行政权力清单', kind: 'list', base_seq: 1, decided_on: '2014-08-29', document: '温州市人民政府公布市级44家部门行政权力清单（2014年8月底）' },
  );
  const bodies = CITY_BODIES.map((b) => {
    const id = rows.bodies.length + 1;
    rows.bodies.push({ id, list_id: listId, name: b.name, kind: b.kind, phone: SUPERVISION_PHONE });
    return { ...b, id };
  });
  const items = new Map<string, ItemVersion[]>();
  for (const item of catalogue) {
    if (!powerTypeOfItemType(item.type)) continue;
    items.set(item.department, [...(items.get(item.department) ?? []), item]);
  }
  // A body's weight grows with the catalogue items it must keep, so every one of them fits its kept entries.
  const weight = bodies.map((b) => b.weight * 40 + (b.kind ? (items.get(b.kind)?.length ?? 0) : 0));
  const pubWeight = bodies.map((b, i) => (b.published ? weight[i]! : 0));
  const reviewed = share(CITY_FIGURES.reviewed, weight.map((w, i) => (bodies[i]!.published ? w : w / 4)));
  const published = share(CITY_FIGURES.published, pubWeight);
  const added = share(CUT_PLAN.added, pubWeight);
  const merged = share(CUT_PLAN.merged, pubWeight);
  const kept = published.map((p, i) => p - added[i]! - merged[i]!);
  const rest = reviewed.map((r, i) => r - kept[i]! - merged[i]! * CUT_PLAN.mergeSources);
  const moved = share(CUT_PLAN.moved, rest);
  const seen = new Set<string>();
  let serial = 0;
  bodies.forEach((b, i) => {
    const own = b.kind ? (items.get(b.kind) ?? []) : [];
    if (rest[i]! < 0 || kept[i]! < own.length) throw new Error(`power seed: ${b.name} cannot hold its shares`);
    const makeName = nameMaker(b.subjects);
    let n = 0;
    const next = (forced?: PowerType) => {
      const type = forced ?? typeAt(n);
      n++;
      const name = makeName(type, seen);
      return { type, name, subject: b.subjects[n % b.subjects.length]! };
    };
    const v1 = (g: { type: PowerType; name: string; subject: string }, end: number | null, scope: string | null = null) =>
      rows.entry({ list_id: listId, serial: ++serial, type: typeNo(g.type), body_id: b.id, name_id: rows.nameId(g.name), scope, basis: basisFor(g.type, g.subject), from_seq: 1, to_seq: end === null ? null : 2, start_change_id: null, end_change_id: end });
    // Kept: the catalogue's items first (the entry the guide shows), then generated ones.
    for (const item of own) {
      const type = powerTypeOfItemType(item.type)!;
      seen.add(item.name);
      const id = v1({ type, name: item.name, subject: b.subjects[0]! }, null, scopeForDecideLevel(item.decideLevel));
      rows.itemPowers.push({ item_code: item.code, entry_id: id });
    }
    for (let k = own.length; k < kept[i]!; k++) v1(next(), null, '本级保留');
    for (let m = 0; m < merged[i]!; m++) {
      const first = next();
      const sources = [first, ...Array.from({ length: CUT_PLAN.mergeSources - 1 }, () => next(first.type))];
      const change = rows.change({ list_id: listId, version_seq: 2, kind: 'merge', reason: `同一事项按情形分列，合并为一项（${sources[0]!.type}）`, basis: '浙江省政府部门权力清单编制规则（2014年）：同一事项不同情形合并', to_level: null });
      for (const s of sources) v1(s, change);
      const name = `${sources[0]!.name.replace(/（.*?）$/, '')}（合并）`;
      seen.add(name);
      rows.entry({ list_id: listId, serial: ++serial, type: typeNo(sources[0]!.type), body_id: b.id, name_id: rows.nameId(name), scope: '本级保留', basis: basisFor(sources[0]!.type, sources[0]!.subject), from_seq: 2, to_seq: null, start_change_id: change, end_change_id: null });
    }
    if (moved[i]! > 0) {
      const change = rows.change({ list_id: listId, version_seq: 2, kind: 'move', reason: '属地管理，下放县（市、区）实施', basis: '浙江省政府部门职权清理规则（2014年）：方便基层就近实施的下放', to_level: 'county' });
      for (let k = 0; k < moved[i]!; k++) v1(next(), change);
    }
    const cuts = share(rest[i]! - moved[i]!, [5, 4, 1]);
    cuts.forEach((count, r) => {
      if (count === 0) return;
      const change = rows.change({ list_id: listId, version_seq: 2, kind: 'cut', ...CUT_REASONS[r]!, to_level: null });
      for (let k = 0; k < count; k++) v1(next(), change);
    });
    if (added[i]! > 0) {
      const change = rows.change({ list_id: listId, version_seq: 2, kind: 'add', reason: '梳理中发现的遗漏职权，依法补列', basis: '相关法律、法规、规章的规定', to_level: null });
      for (let k = 0; k < added[i]!; k++) {
        const g = next();
        rows.entry({ list_id: listId, serial: ++serial, type: typeNo(g.type), body_id: b.id, name_id: rows.nameId(g.name), scope: '本级保留', basis: basisFor(g.type, g.subject), from_seq: 2, to_seq: null, start_change_id: change, end_change_id: null });
      }
    }
  });
}
