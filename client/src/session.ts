import { useSyncExternalStore } from 'react';
import type { UserView } from './api/types';

/** The logged-in staff member (token + user), kept in localStorage so a reload stays logged in. */
interface Stored {
  token: string;
  user: UserView;
}

/** Why the app logged the user out by itself, shown on the log-in page (never for a log-out the user chose). */
export type SessionNotice = 'revoked' | 'expired';

const KEY = 'approval.session';
const listeners = new Set<() => void>();
let current: Stored | null = read();
let notice: SessionNotice | null = null;

function read(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function set(next: Stored | null, why: SessionNotice | null = null) {
  current = next;
  notice = why;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export const session = {
  token: () => current?.token ?? null,
  user: () => current?.user ?? null,
  save: (token: string, user: UserView) => set({ token, user }),
  clear: () => set(null),
  /** Logged out by the server: the token was refused, or the account changed (the socket said so). */
  end: (why: SessionNotice) => set(null, why),
  notice: () => notice,
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useUser(): UserView | null {
  return useSyncExternalStore(session.subscribe, () => current?.user ?? null);
}

export function useSessionNotice(): SessionNotice | null {
  return useSyncExternalStore(session.subscribe, () => notice);
}
