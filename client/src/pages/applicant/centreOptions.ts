import { api } from '../../api/http';
import type { JurisdictionView, Level } from '../../api/types';

export interface Centre {
  code: string;
  name: string;
  level: Level;
  acceptsLinked: boolean;
}

export interface CentreOption {
  value: string;
  label: string;
  children?: CentreOption[];
}

type List = { jurisdictions: JurisdictionView[] };

/**
 * The places an item can be filed, for a cascader: province and city centres
 * under their names, then county → (the county's own centre, towns → (the
 * town's centre, its villages')). Only centres of the levels that may accept
 * the item can be chosen; areas with nothing to choose are left out.
 */
export async function loadCentreTree(acceptLevels: Level[], english: boolean): Promise<CentreOption[]> {
  const [provinces, cities, counties, towns, centres] = await Promise.all([
    api<List>('GET', '/api/jurisdictions?level=province'),
    api<List>('GET', '/api/jurisdictions?level=city'),
    api<List>('GET', '/api/jurisdictions?level=county'),
    api<List>('GET', '/api/jurisdictions?level=town'),
    api<{ centres: Centre[] }>('GET', '/api/centres'),
  ]);
  const name = (j: JurisdictionView) => (english && j.nameEn ? j.nameEn : j.name);
  const usable = centres.centres.filter((c) => acceptLevels.includes(c.level));
  const leaf = (c: Centre): CentreOption => ({ value: c.code, label: c.name });
  const own = (code: string) => usable.filter((c) => c.code === code).map(leaf);
  const villagesOf = (town: string) => usable.filter((c) => c.level === 'village' && `${c.code.slice(0, 9)}000` === town).map(leaf);
  const group = (j: JurisdictionView, children: CentreOption[]): CentreOption[] => (children.length ? [{ value: j.code, label: name(j), children }] : []);

  const townOptions = (county: string) =>
    towns.jurisdictions.filter((t) => t.parentCode === county).flatMap((t) => group(t, [...own(t.code), ...villagesOf(t.code)]));
  return [
    ...provinces.jurisdictions.flatMap((p) => group(p, own(p.code))),
    ...cities.jurisdictions.flatMap((c) => group(c, own(c.code))),
    ...counties.jurisdictions.flatMap((c) => group(c, [...own(c.code), ...townOptions(c.code)])),
  ];
}

/** The cascader path that leads to a centre of the given level (a clerk files at their own). */
export function pathToCentre(code: string, level: Level): string[] {
  const county = `${code.slice(0, 6)}000000`;
  const town = `${code.slice(0, 9)}000`;
  if (level === 'village') return [county, town, code];
  if (level === 'town') return [county, code, code];
  return [code, code];
}
