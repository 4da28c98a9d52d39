/**
 * The market's agencies and service items (网上中介超市, issue 12 part A).
 * Shapes come from the server's presenters (type-only imports: nothing of the server is bundled).
 */
import type { presentAgencyEvent, presentAgencyProfile, presentAgencySummary, presentReviewEntry, presentServiceItem } from '../../../server/presenters/marketAgencies';
import type { JurisdictionView } from './types';
import { api, qs } from './http';

export type AgencySummary = ReturnType<typeof presentAgencySummary>;
export type AgencyProfile = ReturnType<typeof presentAgencyProfile>;
export type AgencyEvent = ReturnType<typeof presentAgencyEvent>;
export type ReviewEntry = ReturnType<typeof presentReviewEntry>;
export type ServiceItem = ReturnType<typeof presentServiceItem>;

export interface AgencyFilters {
  q?: string;
  status?: string;
  onSite?: boolean;
  serviceItem?: string;
  area?: string;
}

export interface AgencyPage {
  total: number;
  page: number;
  pageSize: number;
  agencies: AgencySummary[];
}

export interface AgencyAnswer {
  agency: AgencyProfile;
  operations: string[];
  history: AgencyEvent[];
}

export function listAgencies(f: AgencyFilters, page: number, pageSize: number): Promise<AgencyPage> {
  return api<AgencyPage>('GET', `/api/market/agencies${qs({ ...f, onSite: f.onSite ? 'true' : undefined, page, pageSize })}`);
}

export const getAgency = (id: string | number) => api<AgencyAnswer>('GET', `/api/market/agencies/${id}`);
export const getMyAgency = () => api<AgencyAnswer>('GET', '/api/market/my-agency');

export function operateAgency(id: number, body: { type: string; reason?: string; decisionNo?: string; expectedVersion?: number }): Promise<AgencyAnswer> {
  return api<AgencyAnswer>('POST', `/api/market/agencies/${id}/operations`, { body });
}

export const reviewQueue = () => api<{ total: number; reviewDays: number; entries: ReviewEntry[] }>('GET', '/api/market/review');

export function listServiceItems(f: { q?: string; department?: string }, page: number, pageSize: number) {
  return api<{ total: number; page: number; pageSize: number; serviceItems: ServiceItem[] }>('GET', `/api/market/service-items${qs({ ...f, page, pageSize })}`);
}

export function getServiceItem(code: string) {
  return api<{ serviceItem: ServiceItem; approvalItems: { code: string; name: string; department: string }[]; agencies: { total: number; list: AgencySummary[] } }>('GET', `/api/market/service-items/${encodeURIComponent(code)}`);
}

export interface Registration {
  name: string;
  uscc: string;
  legalRepresentative: string;
  contactPhone: string;
  address: string;
  jurisdictionCode: string;
  introduction?: string;
  areas: string[];
  services: string[];
  qualifications: { name: string; level: string; certificateNo: string; issuedBy: string; expiresOn: string }[];
  staff: { name: string; title: string; certificateNo: string }[];
  account: { username: string; password: string };
}

export const registerAgency = (body: Registration) => api<AgencyAnswer & { username: string }>('POST', '/api/market/agencies', { body });

let areas: Promise<JurisdictionView[]> | null = null;
/** Wenzhou and its counties: the areas an agency serves. */
export function loadMarketAreas(): Promise<JurisdictionView[]> {
  areas ??= Promise.all([api<JurisdictionView>('GET', '/api/jurisdictions/330300000000'), api<{ jurisdictions: JurisdictionView[] }>('GET', '/api/jurisdictions?parent=330300000000')]).then(([city, c]) => [city, ...c.jurisdictions]);
  areas.catch(() => (areas = null));
  return areas;
}

let allItems: Promise<ServiceItem[]> | null = null;
/** Every service item (121), for pickers. */
export function loadAllServiceItems(): Promise<ServiceItem[]> {
  allItems ??= Promise.all([listServiceItems({}, 1, 100), listServiceItems({}, 2, 100)]).then(([a, b]) => [...a.serviceItems, ...b.serviceItems]);
  allItems.catch(() => (allItems = null));
  return allItems;
}
