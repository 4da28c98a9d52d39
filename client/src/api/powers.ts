/**
 * The power and responsibility lists (权力清单, issue 14 part A): public reading,
 * and the administrators' drafts, adjustments, import, export and publication.
 * Shapes come from the server's presenters (type-only imports).
 */
import type { presentEntry, presentChange, presentVersion } from '../../../server/presenters/powers';
import type { caseAccountability } from '../../../server/powers/accountabilityView';
import type { entryDetail, versionsView, compareView } from '../../../server/powers/views';
import { downloadFile } from './download';
import { api, qs } from './http';

export type PowerEntry = ReturnType<typeof presentEntry>;
export type PowerChange = ReturnType<typeof presentChange>;
export type PowerVersion = ReturnType<typeof presentVersion>;
export type PowerDetail = Awaited<ReturnType<typeof entryDetail>>;
export type VersionsPage = Awaited<ReturnType<typeof versionsView>>;
export type Comparison = Awaited<ReturnType<typeof compareView>>;

export interface PowerFilters {
  level?: 'city' | 'county';
  jurisdiction?: string;
  department?: number;
  type?: string;
  q?: string;
  version?: number;
}

export interface PowersPage {
  total: number;
  page: number;
  pageSize: number;
  departments: number;
  departmentCounts: { id: number; name: string; count: number }[];
  powers: PowerEntry[];
}

export const searchPowers = (f: PowerFilters, page: number, pageSize: number) => api<PowersPage>('GET', `/api/powers${qs({ ...f, page, pageSize })}`);
export const getPower = (code: string) => api<PowerDetail>('GET', `/api/powers/${encodeURIComponent(code)}`);
export const listVersions = (f: { level?: string; jurisdiction?: string } = {}) => api<VersionsPage>('GET', `/api/powers/versions${qs({ ...f, pageSize: 100 })}`);
export const compareVersions = (from: number, to: number, page: number, kind?: string) => api<Comparison>('GET', `/api/powers/versions/compare${qs({ from, to, page, pageSize: 20, kind })}`);

export const openDraft = (jurisdiction: string, name: string, document?: string) => api<{ version: PowerVersion }>('POST', '/api/powers/versions', { body: { jurisdiction, name, document: document || undefined } });
export const adjustDraft = (id: number, body: Record<string, unknown>) => api<{ version: PowerVersion }>('POST', `/api/powers/versions/${id}/adjustments`, { body });
export const publishDraft = (id: number) => api<{ version: PowerVersion }>('POST', `/api/powers/versions/${id}/publish`, { body: {} });
export function importPowers(id: number, file: File, reason: string, basis: string, lang: string) {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  return api<{ imported: number; unchanged: number; version: PowerVersion }>('POST', `/api/powers/versions/${id}/import${qs({ reason, basis })}`, { text: { body: file, type }, headers: { 'Accept-Language': lang } });
}
export const exportPowers = (id: number, format: 'csv' | 'xlsx') => downloadFile(`/api/powers/export${qs({ version: id, format })}`, `powers-v${id}.${format}`);

export type CaseAccountability = Awaited<ReturnType<typeof caseAccountability>>;

/** 问责 of a case (supervisors and administrators): its triggers, the power and the responsibility matters reached. */
export function getCaseAccountability(caseNo: string): Promise<CaseAccountability> {
  return api<CaseAccountability>('GET', `/api/cases/${caseNo}/accountability`);
}
