/**
 * The public register of licensing decisions (双公示, issue 11): the search
 * and the credit platform's exports. Shapes come from the server's presenter
 * (a type-only import: nothing of the server is bundled).
 */
import type { RegisterEntryView } from '../../../server/presenters/publicity';
import { downloadFile } from './download';
import { api, qs } from './http';

export type RegisterEntry = RegisterEntryView;

/** The public's filters; every one optional. */
export interface RegisterFilters {
  q?: string;
  item?: string;
  jurisdiction?: string;
  from?: string;
  to?: string;
}

export interface RegisterPage {
  total: number;
  page: number;
  pageSize: number;
  entries: RegisterEntry[];
}

export function searchRegister(filters: RegisterFilters, page: number, pageSize: number): Promise<RegisterPage> {
  return api<RegisterPage>('GET', `/api/publicity${qs({ ...filters, page, pageSize })}`);
}

/** Saves the export of what the filters find, as the credit platform takes it. */
export function exportRegister(filters: RegisterFilters, format: 'csv' | 'json'): Promise<void> {
  return downloadFile(`/api/publicity/export${qs({ ...filters, format })}`, `xzxk-publicity.${format}`);
}
