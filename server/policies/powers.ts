import type { UserRow } from '../../db/repositories/users';
import { isWithin } from '../../workflows/levels';
import { forbidden } from '../errors';

/**
 * The lists are public; keeping them (opening a draft, adjusting, importing,
 * publishing, exporting) is the administrators' of the list's jurisdiction or
 * above (the city's administrator keeps the city's and the counties' lists).
 */
export function mayKeepList(user: { role: string; jurisdictionCode: string } | null | undefined, listJurisdiction: string): boolean {
  return !!user && user.role === 'admin' && isWithin(listJurisdiction, user.jurisdictionCode);
}

export function authoriseKeeper(user: UserRow | { role: string; jurisdictionCode: string } | null | undefined, listJurisdiction: string): void {
  if (!mayKeepList(user, listJurisdiction)) throw forbidden('Only an administrator of the list’s jurisdiction keeps a power list');
}

/** A draft is the keepers' work in progress: the public reads published versions only, an administrator sees drafts too. */
export function seesDrafts(user: { role: string } | null | undefined): boolean {
  return user?.role === 'admin';
}
