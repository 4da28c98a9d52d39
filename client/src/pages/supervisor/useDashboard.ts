import { useEffect, useRef, useState } from 'react';
import { api, qs } from '../../api/http';
import type { CaseUrged, Dashboard, StatsChanged } from '../../api/types';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';

/** At most one re-fetch of the whole dashboard per this many ms, however fast cases move. */
const REFETCH_MS = 2000;

type Counters = Dashboard['counters'];

function countersOf(e: StatsChanged): Counters {
  const open = Object.values(e.byLevel).reduce((a, b) => a + b, 0);
  return { ...e.counters, open };
}

/**
 * The dashboard of a scope, kept live: the socket pushes counters for the
 * supervisor's own jurisdiction (shown at once when that is the scope on
 * screen), and every push re-fetches the dashboard of the scope on screen,
 * throttled, so the charts follow too.
 */
export function useDashboard(scope: string, days: number, liveKey: string, onUrged?: (e: CaseUrged) => void) {
  const dash = useAsync(() => api<Dashboard>('GET', `/api/stats/dashboard${qs({ scope, days })}`), [scope, days]);
  const [pushed, setPushed] = useState<{ scope: string; counters: Counters } | null>(null);
  // A fresh answer is newer than any push before it.
  useEffect(() => setPushed(null), [dash.data]);

  const timer = useRef<number | null>(null);
  const lastRun = useRef(Date.now());
  const reload = useRef(dash.reload);
  reload.current = dash.reload;
  useEffect(() => () => void (timer.current !== null && window.clearTimeout(timer.current)), []);
  const refetchSoon = () => {
    if (timer.current !== null) return;
    const wait = Math.max(0, lastRun.current + REFETCH_MS - Date.now());
    timer.current = window.setTimeout(() => {
      timer.current = null;
      lastRun.current = Date.now();
      void reload.current();
    }, wait);
  };

  const status = useStaffLive(
    {
      onStats: (e) => {
        setPushed({ scope: e.scope, counters: countersOf(e) });
        refetchSoon();
      },
      // A case raised to this supervisor (超期上报) or a desk's reply to their 督办.
      onUrged,
    },
    liveKey,
  );
  const counters = pushed && dash.data && pushed.scope === dash.data.scope ? pushed.counters : dash.data?.counters;
  return { ...dash, counters, status };
}
