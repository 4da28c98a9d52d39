import type { Level } from '../../workflows/levels';
import { CITY, COUNTIES, PROVINCE } from './wenzhouNames';

/** One node of the jurisdiction tree, as the seed inserter writes it. */
export interface JurisdictionSeed {
  /** 12-digit area code (统计用区划代码). */
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  /** The service centre of the node, e.g. '五马街道便民服务中心'. */
  centreName: string;
  /** Pinyin / English name; given down to the towns, absent for villages. */
  nameEn?: string;
}

const pad3 = (n: number): string => String(n).padStart(3, '0');

/**
 * The whole tree: 1 province, 1 city, 12 county-level units, 76 towns and
 * streets, 161 village and community centres. Parents come before children.
 * Deterministic: every call returns an equal, freshly built array.
 */
export function buildJurisdictions(): JurisdictionSeed[] {
  const out: JurisdictionSeed[] = [
    { code: PROVINCE.code, name: PROVINCE.name, nameEn: PROVINCE.nameEn, level: 'province', parentCode: null, centreName: PROVINCE.centreName },
    { code: CITY.code, name: CITY.name, nameEn: CITY.nameEn, level: 'city', parentCode: PROVINCE.code, centreName: CITY.centreName },
  ];
  for (const county of COUNTIES) {
    const countyCode = `${county.code6}000000`;
    out.push({
      code: countyCode,
      name: county.name,
      nameEn: county.nameEn,
      level: 'county',
      parentCode: CITY.code,
      centreName: `${county.name}行政服务中心`,
    });
  }
  for (const county of COUNTIES) {
    const countyCode = `${county.code6}000000`;
    for (const town of county.towns) {
      const townCode = `${town.code9}000`;
      out.push({
        code: townCode,
        name: town.name,
        nameEn: town.nameEn,
        level: 'town',
        parentCode: countyCode,
        centreName: town.centreName ?? `${town.name}便民服务中心`,
      });
      // National convention: residents' committees (社区) 001…, villages (村) 201….
      let community = 0;
      let village = 0;
      for (const name of town.villages) {
        const isVillage = name.endsWith('村');
        const seq = isVillage ? 200 + ++village : ++community;
        out.push({
          code: `${town.code9}${pad3(seq)}`,
          name,
          level: 'village',
          parentCode: townCode,
          centreName: `${name}便民服务中心`,
        });
      }
    }
  }
  return out;
}

/** Code → node, for look-ups in other seed modules and tests. */
export function jurisdictionIndex(list: JurisdictionSeed[] = buildJurisdictions()): Map<string, JurisdictionSeed> {
  return new Map(list.map((j) => [j.code, j]));
}
