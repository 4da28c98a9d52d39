import { api } from '../../api/http';
import type { JurisdictionView } from '../../api/types';

export interface PlaceOption {
  value: string;
  label: string;
  children?: PlaceOption[];
}

type List = { jurisdictions: JurisdictionView[] };

/** Wenzhou's counties and their towns, for the cascader of a project's place (a county itself may be chosen). */
export async function loadPlaces(english: boolean): Promise<PlaceOption[]> {
  const [counties, towns] = await Promise.all([api<List>('GET', '/api/jurisdictions?level=county'), api<List>('GET', '/api/jurisdictions?level=town')]);
  const name = (j: JurisdictionView) => (english && j.nameEn ? j.nameEn : j.name);
  return counties.jurisdictions
    .filter((c) => c.code.startsWith('3303'))
    .map((c) => ({ value: c.code, label: name(c), children: towns.jurisdictions.filter((t) => t.parentCode === c.code).map((t) => ({ value: t.code, label: name(t) })) }));
}
