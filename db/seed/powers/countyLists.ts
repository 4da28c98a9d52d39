import { POWER_TYPES } from '../../../workflows/powerTypes';
import { COUNTIES } from '../wenzhouNames';
import { CITY_BODIES } from './cityBodies';
import { nameMaker, typeAt } from './names';
import { share, SUPERVISION_PHONE, type SeedRows } from './plan';

/**
 * The counties' lists (seed report): reviewed 86,531 powers in total, published
 * 43,197 by the end of October 2014. Lean on purpose (tests/globalSetup.ts copies
 * the seeded template for every test file): an entry is numbers only (its name
 * shared through power_names, no basis text), the published entries are the
 * reviewed rows still valid in version 2, and each department's cut is one
 * change record per reason. How the totals split over the counties and
 * departments is not in the sources: shares by size (towns) and department weight.
 * 龙港 was a town of 苍南 in 2014 (a county-level city since 2019): it has no 2014 list.
 */
export const COUNTY_FIGURES = { reviewed: 86_531, published: 43_197 };

const REASONS = [
  { reason: '属内部管理或宏观管理事项，不列入行政权力清单', basis: '浙江省县级政府部门职权清理规则（2014年）' },
  { reason: '无法律、法规、规章依据或依据已废止，予以取消', basis: '《中华人民共和国行政许可法》第十四条、第十五条' },
];

export function buildCountyLists(rows: SeedRows): void {
  const counties = COUNTIES.filter((c) => c.code6 !== '330383');
  const reviewed = share(COUNTY_FIGURES.reviewed, counties.map((c) => 6 + c.towns.length));
  const published = share(COUNTY_FIGURES.published, counties.map((c) => 6 + c.towns.length));
  const bodies = CITY_BODIES.filter((b) => b.published);
  // The same department holds the same powers in every county: its names are made once, in order, and shared.
  const names = bodies.map((b) => {
    const makeName = nameMaker(b.subjects);
    const seen = new Set<string>();
    const made: string[] = [];
    return (k: number) => {
      while (made.length <= k) made.push(makeName(typeAt(made.length), seen));
      return made[k]!;
    };
  });
  counties.forEach((county, ci) => {
    const listId = rows.lists.length + 1;
    const code = `${county.code6}000000`;
    rows.lists.push({ id: listId, jurisdiction_code: code, level: 'county', name: `${county.name}行政权力清单` });
    rows.versions.push(
      { id: rows.versions.length + 1, list_id: listId, seq: 1, name: `2014年${county.name}部门职权梳理`, kind: 'review', base_seq: null, decided_on: '2014-06-30', document: `${county.name}部门职权梳理审核（2014年）` },
      { id: rows.versions.length + 2, list_id: listId, seq: 2, name: `2014年10月公布的${county.name}行政权力清单`, kind: 'list', base_seq: 1, decided_on: '2014-10-31', document: `${county.name}人民政府公布部门行政权力清单（2014年10月底）` },
    );
    const r = share(reviewed[ci]!, bodies.map((b) => b.weight));
    const p = share(published[ci]!, bodies.map((b) => b.weight));
    let serial = 0;
    bodies.forEach((b, bi) => {
      const bodyId = rows.bodies.length + 1;
      rows.bodies.push({ id: bodyId, list_id: listId, name: `${county.name}${b.name.slice(3)}`, kind: b.kind, phone: SUPERVISION_PHONE });
      const cuts = share(r[bi]! - p[bi]!, [1, 1]).map((n, k) => ({ n, change: n > 0 ? rows.change({ list_id: listId, version_seq: 2, kind: 'cut', ...REASONS[k]!, to_level: null }) : null }));
      for (let k = 0; k < r[bi]!; k++) {
        const type = typeAt(k);
        const cut = k < p[bi]! ? null : k - p[bi]! < cuts[0]!.n ? cuts[0]!.change : cuts[1]!.change;
        rows.entry({ list_id: listId, serial: ++serial, type: POWER_TYPES.indexOf(type) + 1, body_id: bodyId, name_id: rows.nameId(names[bi]!(k)), scope: null, basis: null, from_seq: 1, to_seq: cut === null ? null : 2, start_change_id: null, end_change_id: cut });
      }
    });
  });
}
