import { useCallback } from 'react';
import { api } from '../api/http';
import type { CaseEventView, CaseView } from '../api/types';
import { useAsync } from '../components/useAsync';
import { useCaseLive, type LiveStatus } from './socket';

export interface CaseData {
  c: CaseView | undefined;
  events: CaseEventView[];
  error: Error | undefined;
  loading: boolean;
  live: LiveStatus;
  reload: () => Promise<void>;
}

/**
 * A case and its history, kept current: every pushed event reloads both
 * (the push says that it changed; REST says what it is now, with the
 * actions this viewer may take). `queryCode` is for applicants without an account.
 */
export function useCase(caseNo: string, queryCode: string | null): CaseData {
  const opts = { queryCode: queryCode ?? undefined };
  const load = () =>
    Promise.all([
      api<CaseView>('GET', `/api/cases/${caseNo}`, opts),
      api<{ events: CaseEventView[] }>('GET', `/api/cases/${caseNo}/events`, opts).then((r) => r.events),
    ]);
  const data = useAsync(load, [caseNo, queryCode]);
  const { reload } = data;
  const onUpdate = useCallback(() => void reload(), [reload]);
  const live = useCaseLive(data.data ? caseNo : null, queryCode, onUpdate);
  return { c: data.data?.[0], events: data.data?.[1] ?? [], error: data.error, loading: data.loading, live, reload };
}
