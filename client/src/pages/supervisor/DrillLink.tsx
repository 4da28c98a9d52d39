import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { drillQuery, type DrillFilter } from './drillDown';

/**
 * A dashboard number that opens the list of the cases behind it. `label`
 * names a bare number for screen readers; it starts with the number, so the
 * visible text stays part of the accessible name.
 */
export function DrillLink({ filter, label, children }: { filter: DrillFilter; label?: string; children: ReactNode }) {
  return (
    // The row under it may drill into the area: the number opens its cases instead.
    <Link to={`/supervisor/cases?${drillQuery(filter)}`} aria-label={label} title={label} onClick={(e) => e.stopPropagation()} data-drill={drillQuery(filter)}>
      {children}
    </Link>
  );
}
