import type { Light } from '../../api/types';

/** The lights' colours, the same as the dots in styles.css, so charts and tags agree. */
export const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' };

/** One colour per measure across every chart: filed, accepted, decided, open. */
export const SERIES_COLORS = { filed: '#1f5fbf', accepted: '#13a8a8', decided: '#722ed1', open: '#fa8c16', avg: '#1f5fbf', p90: '#cf1322' } as const;

/** A place's name in the screen's language (Chinese where there is no English one). */
export function placeName(p: { name: string; nameEn: string }, en: boolean): string {
  return en && p.nameEn ? p.nameEn : p.name;
}
