import { ancestorCode, levelOfCode, levelRank, LEVELS, type Level } from '../../workflows/levels';
import { validateRoute, type ItemVersion } from '../../workflows/route';
import { PILOT_TOWNS } from '../../workflows/delegation';
import { buildJurisdictions } from '../../db/seed/jurisdictions';
import { buildDepartments } from '../../db/seed/departments';
import { buildCatalogue } from '../../db/seed/catalogue';
import { buildDemoUsers, DEMO, DEMO_PASSWORD } from '../../db/seed/users';
import { statutoryCeiling, stepDaysAfterAcceptance } from '../../workflows/timeLimits';

const jurisdictions = buildJurisdictions();
const departments = buildDepartments();
const catalogue = buildCatalogue();
const users = buildDemoUsers();
const byCode = new Map(jurisdictions.map((j) => [j.code, j]));
const itemByCode = new Map(catalogue.map((i) => [i.code, i]));
const deptCodes = new Set(departments.map((d) => d.code));

const countOf = <T>(list: T[], pred: (x: T) => boolean) => list.filter(pred).length;
const routeShape = (item: ItemVersion) => item.route.map((s) => `${s.kind}@${s.level}`).join(' > ');

describe('jurisdictions', () => {
  it('has 1 province, 1 city, 12 counties, 76 towns, 161 villages', () => {
    const counts = Object.fromEntries(LEVELS.map((l) => [l, countOf(jurisdictions, (j) => j.level === l)]));
    expect(counts).toEqual({ province: 1, city: 1, county: 12, town: 76, village: 161 });
    expect(byCode.get('330000000000')?.name).toBe('浙江省');
    expect(byCode.get('330300000000')?.name).toBe('温州市');
  });

  it('has the 12 real county-level units of Wenzhou', () => {
    const counties = jurisdictions.filter((j) => j.level === 'county').map((j) => `${j.code.slice(0, 6)}${j.name}`);
    expect(counties).toEqual([
      '330302鹿城区', '330303龙湾区', '330304瓯海区', '330305洞头区', '330324永嘉县', '330326平阳县',
      '330327苍南县', '330328文成县', '330329泰顺县', '330381瑞安市', '330382乐清市', '330383龙港市',
    ]);
  });

  it('uses unique 12-digit codes and unique names within a parent', () => {
    expect(new Set(jurisdictions.map((j) => j.code)).size).toBe(jurisdictions.length);
    for (const j of jurisdictions) expect(j.code).toMatch(/^\d{12}$/);
    const siblings = new Set(jurisdictions.map((j) => `${j.parentCode}/${j.name}`));
    expect(siblings.size).toBe(jurisdictions.length);
  });

  it('gives every child a code consistent with its parent, parents first', () => {
    const seen = new Set<string>();
    for (const j of jurisdictions) {
      expect(levelOfCode(j.code)).toBe(j.level);
      if (j.level === 'province') {
        expect(j.parentCode).toBeNull();
      } else {
        const parent = byCode.get(j.parentCode!);
        expect(parent).toBeDefined();
        expect(seen.has(parent!.code)).toBe(true);
        expect(levelRank(j.level)).toBe(levelRank(parent!.level) + 1);
        expect(ancestorCode(j.code, parent!.level)).toBe(parent!.code);
      }
      expect(j.centreName.length).toBeGreaterThan(0);
      seen.add(j.code);
    }
  });

  it('spreads towns over all 12 counties and villages over all towns', () => {
    const parents = (level: Level) => new Set(jurisdictions.filter((j) => j.level === level).map((j) => j.parentCode));
    expect(parents('town').size).toBe(12);
    expect(parents('village').size).toBe(76);
    for (const v of jurisdictions.filter((j) => j.level === 'village')) expect(v.code.slice(9)).not.toBe('000');
  });
});

describe('departments', () => {
  it('has about 15 unique lowercase codes with names', () => {
    expect(departments.length).toBeGreaterThanOrEqual(15);
    expect(deptCodes.size).toBe(departments.length);
    for (const d of departments) {
      expect(d.code).toMatch(/^[a-z]+$/);
      expect(d.name.length).toBeGreaterThan(0);
      expect(d.nameEn.length).toBeGreaterThan(0);
    }
  });
});

describe('catalogue', () => {
  it('has 1,003 items, 254 of them linked, all online, version 1', () => {
    expect(catalogue).toHaveLength(1003);
    expect(countOf(catalogue, (i) => i.linked)).toBe(254);
    expect(catalogue.every((i) => i.online && i.version === 1)).toBe(true);
  });

  it('has unique codes and unique names', () => {
    expect(new Set(catalogue.map((i) => i.code)).size).toBe(1003);
    expect(new Set(catalogue.map((i) => i.name)).size).toBe(1003);
    for (const i of catalogue) expect(i.code).toMatch(/^330300-[A-Z]{2}-\d{4}$/);
  });

  it('has sensible fields on every item', () => {
    for (const i of catalogue) {
      expect(deptCodes.has(i.department)).toBe(true);
      expect(i.materials.length).toBeGreaterThanOrEqual(2);
      expect(i.materials.length).toBeLessThanOrEqual(8);
      // Issue 9: a 行政许可's statute is the law's ceiling for its route (20 per lower review + 20 + 10);
      // the promise fits inside it (and fits one day per step); tests/unit/timeLimits.test.ts checks the nesting.
      if (i.type === '行政许可') expect(i.statutoryDays).toBe(statutoryCeiling(i.route));
      expect(i.statutoryDays).toBeGreaterThanOrEqual(3);
      expect(i.statutoryDays).toBeLessThanOrEqual(statutoryCeiling(i.route));
      expect(i.promisedDays).toBeGreaterThanOrEqual(3);
      expect(i.promisedDays).toBeLessThanOrEqual(Math.min(15, i.statutoryDays));
      expect([0, 1]).toContain(i.visits);
      expect(i.feeYuan).toBeGreaterThanOrEqual(0);
      expect(i.result.length).toBeGreaterThan(0);
    }
    expect(countOf(catalogue, (i) => i.type === '行政许可')).toBeGreaterThan(500);
    expect(countOf(catalogue, (i) => i.feeYuan === 0)).toBeGreaterThan(900);
    expect(countOf(catalogue, (i) => i.materials.some((m) => m.deferrable))).toBeGreaterThan(100);
    expect(countOf(catalogue, (i) => i.intermediaries.length > 0)).toBeGreaterThan(20);
  });

  it('has a valid route for every item', () => {
    for (const i of catalogue) {
      expect([i.code, validateRoute(i.route)]).toEqual([i.code, []]);
      const decide = i.route.find((s) => s.kind === 'decide')!;
      expect(decide.level).toBe(i.decideLevel);
      // Issue 9: the steps after acceptance share the promise out (环节时限), each at least a day.
      expect(stepDaysAfterAcceptance(i.route)).toBe(i.promisedDays);
      for (const s of i.route) {
        expect(s.limitDays).toBeGreaterThanOrEqual(1);
        if (s.kind === 'accept') expect(s.limitDays).toBe(5);
        if (s.kind === 'accept' || s.kind === 'deliver') expect(s.department).toBeUndefined();
        else expect(s.department).toBe(i.department);
      }
    }
  });

  it('routes linked items from village or town up, one level per step, to county or higher', () => {
    const linked = catalogue.filter((i) => i.linked);
    for (const i of linked) {
      const accept = i.route[0]!;
      expect(['village', 'town']).toContain(accept.level);
      expect(i.acceptLevels.every((l) => l === 'village' || l === 'town')).toBe(true);
      expect(accept.level).toBe(i.acceptLevels.includes('village') ? 'village' : 'town');
      expect(levelRank(i.decideLevel)).toBeLessThanOrEqual(levelRank('county'));
      const climb = i.route.slice(0, i.route.findIndex((s) => s.kind === 'decide') + 1);
      climb.forEach((s, n) => expect(levelRank(s.level)).toBe(levelRank(accept.level) - n));
      expect(i.route[i.route.length - 2]).toMatchObject({ kind: 'issue', level: i.decideLevel });
      expect(i.route[i.route.length - 1]).toMatchObject({ kind: 'deliver', level: accept.level });
    }
    const by = (l: Level) => countOf(linked, (i) => i.decideLevel === l);
    expect(by('county')).toBeGreaterThan(150);
    expect(by('city')).toBeGreaterThanOrEqual(50);
    expect(by('city')).toBeLessThanOrEqual(70);
    expect(by('province')).toBeGreaterThanOrEqual(10);
    expect(by('province')).toBeLessThanOrEqual(20);
  });

  it('handles non-linked items at one level only', () => {
    for (const i of catalogue.filter((x) => !x.linked)) {
      expect(['county', 'city', 'province']).toContain(i.decideLevel);
      expect(i.acceptLevels).toEqual([i.decideLevel]);
      expect(i.route.map((s) => s.kind)).toEqual(['accept', 'decide', 'issue', 'deliver']);
      expect(i.route.every((s) => s.level === i.decideLevel)).toBe(true);
    }
  });
});

describe('determinism', () => {
  it('returns deep-equal data on every call', () => {
    expect(buildJurisdictions()).toEqual(jurisdictions);
    expect(buildDepartments()).toEqual(departments);
    expect(buildCatalogue()).toEqual(catalogue);
    expect(buildDemoUsers()).toEqual(users);
  });
});

describe('demo users and DEMO constants', () => {
  it('references existing jurisdictions and departments', () => {
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    for (const u of users) {
      expect(byCode.has(u.jurisdictionCode)).toBe(true);
      expect(u.password).toBe(DEMO_PASSWORD);
      if (u.role === 'reviewer') {
        expect(deptCodes.has(u.department!)).toBe(true);
        // A town has a department desk only as a pilot town working the steps a delegation deed moved there.
        const levels = PILOT_TOWNS.some((t) => t.code === u.jurisdictionCode) ? ['town'] : ['county', 'city', 'province'];
        expect(levels).toContain(byCode.get(u.jurisdictionCode)!.level);
      } else {
        expect(u.department).toBeNull();
      }
    }
    expect(DEMO_PASSWORD).toBe('demo1234');
  });

  it('lays the demo path along one village of 鹿城区', () => {
    const village = byCode.get(DEMO.villageCode)!;
    expect(village.level).toBe('village');
    expect(village.parentCode).toBe(DEMO.townCode);
    expect(byCode.get(DEMO.townCode)!.parentCode).toBe(DEMO.countyCode);
    expect(DEMO.countyCode).toBe('330302000000');
    const firstTown = jurisdictions.find((j) => j.level === 'town' && j.parentCode === DEMO.countyCode)!;
    expect(firstTown.code).toBe(DEMO.townCode);
    expect(jurisdictions.find((j) => j.parentCode === firstTown.code)!.code).toBe(DEMO.villageCode);
    const other = byCode.get(DEMO.otherTownCode)!;
    expect(other.level).toBe('town');
    expect(other.parentCode).not.toBe(DEMO.countyCode);
  });

  it('names demo users at the promised places', () => {
    const u = new Map(users.map((x) => [x.username, x]));
    const at = (name: string) => [u.get(name)?.role, u.get(name)?.jurisdictionCode, u.get(name)?.department];
    expect(at('clerk.village')).toEqual(['clerk', DEMO.villageCode, null]);
    expect(at('clerk.town')).toEqual(['clerk', DEMO.townCode, null]);
    expect(at('clerk.othertown')).toEqual(['clerk', DEMO.otherTownCode, null]);
    expect(at('reviewer.county')).toEqual(['reviewer', '330302000000', 'market']);
    expect(at('reviewer.city')).toEqual(['reviewer', '330300000000', 'market']);
    expect(at('reviewer.province')).toEqual(['reviewer', '330000000000', 'market']);
    expect(at('supervisor.city')).toEqual(['supervisor', '330300000000', null]);
    expect(at('supervisor.county')).toEqual(['supervisor', '330302000000', null]);
    expect(at('admin')).toEqual(['admin', '330300000000', null]);
    expect(at('agent')).toEqual(['proxy_agent', '330302000000', null]);
    expect(at('intermediary')).toEqual(['intermediary', '330300000000', null]);
    expect(at('applicant')).toEqual(['applicant', '330302000000', null]);
    for (const d of deptCodes) {
      expect(at(`reviewer.${d}.county`)).toEqual(['reviewer', '330302000000', d]);
      expect(at(`reviewer.${d}.city`)).toEqual(['reviewer', '330300000000', d]);
      expect(at(`reviewer.${d}.province`)).toEqual(['reviewer', '330000000000', d]);
    }
  });

  it('points at demo items with the promised routes', () => {
    const item = (code: string) => {
      const i = itemByCode.get(code);
      expect(i).toBeDefined();
      expect(i!.linked).toBe(true);
      return i!;
    };
    const city = item(DEMO.cityItemCode);
    expect(city.department).toBe('market');
    expect(routeShape(city)).toBe(
      'accept@village > review@town > review@county > decide@city > issue@city > deliver@village',
    );
    const county = item(DEMO.countyItemCode);
    expect(county.department).toBe('market');
    expect(routeShape(county)).toBe('accept@village > review@town > decide@county > issue@county > deliver@village');
    const province = item(DEMO.provinceItemCode);
    expect(province.department).toBe('market');
    expect(province.decideLevel).toBe('province');
    const other = item(DEMO.otherItemCode);
    expect(other.department).toBe(DEMO.otherDepartment);
    expect(other.department).not.toBe(DEMO.department);
    expect(routeShape(other)).toBe('accept@village > review@town > decide@county > issue@county > deliver@village');
  });
});
