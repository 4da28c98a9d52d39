import { useEffect, useState } from 'react';
import { api } from '../api/http';
import type { JurisdictionView } from '../api/types';

// Names never change while the app runs: fetch each code once per page load.
const cache = new Map<string, Promise<JurisdictionView>>();

function lookup(code: string): Promise<JurisdictionView> {
  let p = cache.get(code);
  if (!p) {
    p = api<JurisdictionView>('GET', `/api/jurisdictions/${code}`);
    p.catch(() => cache.delete(code));
    cache.set(code, p);
  }
  return p;
}

/** Names of the given jurisdiction codes (Chinese, or English where there is one and English is on). */
export function useJurisdictionNames(codes: string[], english: boolean): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(codes)].sort().join(',');
  useEffect(() => {
    let live = true;
    const list = key ? key.split(',') : [];
    void Promise.allSettled(list.map(lookup)).then((results) => {
      if (!live) return;
      const next: Record<string, string> = {};
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') next[list[i]!] = english && r.value.nameEn ? r.value.nameEn : r.value.name;
      });
      setNames(next);
    });
    return () => {
      live = false;
    };
  }, [key, english]);
  return names;
}
