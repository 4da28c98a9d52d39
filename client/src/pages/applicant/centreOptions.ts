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
  disabled?: boolean;
  children?: CentreOption[];
}

export interface CentreTree {
  options: CentreOption[];
  centres: Map<string, Centre>;
}

/**
 * County → town → centre, for a cascader: a town offers its own centre first,
 * then its villages'. Only centres of the levels that may accept the item
 * can be chosen; areas with nothing to choose are left out.
 */
export async function loadCentreTree(acceptLevels: Level[], english: boolean): Promise<CentreTree> {
  const [counties, towns, centres] = await Promise.all([
    api<{ jurisdictions: JurisdictionView[] }>('GET', '/api/jurisdictions?level=county'),
    api<{ jurisdictions: JurisdictionView[] }>('GET', '/api/jurisdictions?level=town'),
    api<{ centres: Centre[] }>('GET', '/api/centres'),
  ]);
  const name = (j: JurisdictionView) => (english && j.nameEn ? j.nameEn : j.name);
  const usable = centres.centres.filter((c) => acceptLevels.includes(c.level));
  const byTown = new Map<string, Centre[]>();
  for (const c of usable) {
    const town = c.level === 'town' ? c.code : c.level === 'village' ? `${c.code.slice(0, 9)}000` : null;
    if (!town) continue;
    byTown.set(town, [...(byTown.get(town) ?? []), c]);
  }
  const options = counties.jurisdictions
    .map((county) => ({
      value: county.code,
      label: name(county),
      children: towns.jurisdictions
        .filter((t) => t.parentCode === county.code && byTown.has(t.code))
        .map((t) => ({
          value: t.code,
          label: name(t),
          children: byTown
            .get(t.code)!
            .sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'town' ? -1 : 1))
            .map((c) => ({ value: c.code, label: c.name })),
        })),
    }))
    .filter((c) => c.children.length > 0);
  return { options, centres: new Map(usable.map((c) => [c.code, c])) };
}

/** The cascader path (county, town, centre) that leads to a centre code. */
export function pathToCentre(code: string): string[] {
  return [`${code.slice(0, 6)}000000`, `${code.slice(0, 9)}000`, code];
}
