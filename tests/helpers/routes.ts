import type { Route } from '../../workflows/route';

/** village accept → town review → county review (market) → city decide → city issue → village deliver */
export const LINKED_ROUTE: Route = [
  { kind: 'accept', level: 'village', limitDays: 5 },
  { kind: 'review', level: 'town', limitDays: 20 },
  { kind: 'review', level: 'county', department: 'market', limitDays: 20 },
  { kind: 'decide', level: 'city', department: 'market', limitDays: 20 },
  { kind: 'issue', level: 'city', department: 'market', limitDays: 10 },
  { kind: 'deliver', level: 'village', limitDays: 10 },
];

/**
 * Filed at the county centre: accept and deliver at its window (a department named on them changes
 * nothing: they are centre steps), decide and issue at the county market department.
 */
export const COUNTY_ROUTE: Route = [
  { kind: 'accept', level: 'county', department: 'market', limitDays: 5 },
  { kind: 'decide', level: 'county', department: 'market', limitDays: 20 },
  { kind: 'issue', level: 'county', department: 'market', limitDays: 10 },
  { kind: 'deliver', level: 'county', department: 'market', limitDays: 10 },
];
