import { useSyncExternalStore } from 'react';
import type { UserView } from './api/types';

/** The logged-in staff member (token + user), kept in localStorage so a reload stays logged in. */
interface Stored {
  token: string;
  user: UserView;
}

const KEY = 'approval.session';
const listeners = new Set<() => void>();
let current: Stored | null = read();

function read(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function set(next: Stored | null) {
  current = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export const session = {
  token: () => current?.token ?? null,
  user: () => current?.user ?? null,
  save: (token: string, user: UserView) => set({ token, user }),
  clear: () => set(null),
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useUser(): UserView | null {
  return useSyncExternalStore(session.subscribe, () => current?.user ?? null);
}
