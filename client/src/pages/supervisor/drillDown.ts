import type { AreaCount, Dashboard } from '../../api/types';
import type { Level } from '../../../../workflows/levels';

/**
 * The cases behind each number of the supervisor's dashboard, as the
 * filters of GET /api/cases (and of the drill-down screen's address). One
 * place for the meaning of every number, so the list a number opens counts
 * exactly that number (tests/integration/drillDown.test.ts checks each).
 */
export interface DrillFilter {
  scope: string;
  centre?: string;
  open?: boolean;
  overdue?: boolean;
  light?: 'green' | 'yellow' | 'red';
  stepLight?: 'green' | 'yellow' | 'red';
  level?: Level;
  accepted?: boolean;
  decided?: boolean;
  linked?: boolean;
  filedFrom?: string;
}

type Window = Pick<Dashboard, 'scope' | 'from'>;
export type CounterKey = keyof Dashboard['counters'];
export type AreaKey = 'open' | 'green' | 'yellow' | 'red' | 'overdue' | 'filed';
export type LinkedKey = 'open' | 'total' | 'filed';

/** The five counters: all time, like the dashboard's. */
export function counterDrill(d: Window, key: CounterKey): DrillFilter {
  const base = { scope: d.scope };
  switch (key) {
    case 'filed':
      return base;
    case 'accepted':
      return { ...base, accepted: true };
    case 'decided':
      return { ...base, decided: true };
    case 'open':
      return { ...base, open: true };
    case 'overdue':
      return { ...base, overdue: true };
  }
}

/** Cases waiting at a level now (the level chart's "open" bars). */
export function levelDrill(d: Window, level: Level): DrillFilter {
  return { scope: d.scope, open: true, level };
}

/** One cell of the areas table: a child area's subtree, or the scope's own centre. */
export function areaDrill(d: Window, a: Pick<AreaCount, 'code' | 'self'>, key: AreaKey): DrillFilter {
  const where = a.self ? { scope: d.scope, centre: d.scope } : { scope: a.code };
  if (key === 'filed') return { ...where, filedFrom: d.from };
  if (key === 'overdue') return { ...where, overdue: true };
  if (key === 'open') return { ...where, open: true };
  // The areas' lights are the cases' (acceptance period, then promise: db/repositories/promiseLight.ts), as overdue.
  return { ...where, open: true, light: key };
}

/** The linked panel: cases of linked items, or of the others. */
export function linkedDrill(d: Window, kind: 'linked' | 'unlinked', key: LinkedKey): DrillFilter {
  const base = { scope: d.scope, linked: kind === 'linked' };
  if (key === 'open') return { ...base, open: true };
  if (key === 'filed') return { ...base, filedFrom: d.from };
  return base;
}

/** The filter as a query string (without "?"), for GET /api/cases and the drill-down screen's address. */
export function drillQuery(f: DrillFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined) p.set(k, String(v));
  return p.toString();
}

/** The filter read back from an address (unknown keys dropped). */
export function drillFromQuery(params: URLSearchParams, fallbackScope: string): DrillFilter {
  const flag = (k: string) => (params.has(k) ? params.get(k) === 'true' : undefined);
  const text = (k: string) => params.get(k) || undefined;
  return {
    scope: text('scope') ?? fallbackScope,
    centre: text('centre'),
    open: flag('open'),
    overdue: flag('overdue'),
    light: text('light') as DrillFilter['light'],
    stepLight: text('stepLight') as DrillFilter['stepLight'],
    level: text('level') as Level | undefined,
    accepted: flag('accepted'),
    decided: flag('decided'),
    linked: flag('linked'),
    filedFrom: text('filedFrom'),
  };
}
