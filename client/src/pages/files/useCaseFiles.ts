import { listCaseFiles, type CaseFiles } from '../../api/files';
import type { CaseView } from '../../api/types';
import { useAsync, type Async } from '../../components/useAsync';

/** The files list with the moment it was fetched: its links lapse `linksExpireInSeconds` later. */
export type LoadedFiles = CaseFiles & { loadedAt: number };

/**
 * A case's materials and files, kept current: fetched again whenever the
 * case has a new event (the page reloads the case on every live push, and an
 * upload or a mark is an event), so what one desk or the applicant adds
 * shows everywhere without asking.
 */
export function useCaseFiles(c: CaseView | undefined, queryCode: string | null): Async<LoadedFiles> {
  const caseNo = c?.caseNo;
  return useAsync(
    async () => (caseNo ? { ...(await listCaseFiles(caseNo, { queryCode })), loadedAt: Date.now() } : undefined) as LoadedFiles,
    [caseNo, queryCode, c?.lastSeq],
  );
}

/** Whether links fetched at `loadedAt` are still good for a while (a fifth of their life is kept in hand). */
export function linksFresh(files: LoadedFiles): boolean {
  return Date.now() - files.loadedAt < files.linksExpireInSeconds * 800;
}
