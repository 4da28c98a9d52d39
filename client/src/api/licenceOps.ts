/**
 * The life of an e-licence after issue (issue 11): its record with versions
 * and history, the issuing desk's status operations and its list. Shapes come
 * from the server's presenters and schemas (type-only imports).
 */
import type { z } from 'zod';
import type { LicenceOperationBody } from '../../../server/http/licenceSchemas';
import type { presentLicence, presentLicenceEvent } from '../../../server/presenters/licences';
import type { LicenceOperation, LicenceState } from '../../../workflows/licenceMachine';
import { api, qs } from './http';

export type { LicenceOperation, LicenceState };
export type LicenceRecord = ReturnType<typeof presentLicence>;
export type LicenceEventView = ReturnType<typeof presentLicenceEvent>;
export type OperationBody = z.infer<typeof LicenceOperationBody>;

export interface LicenceDetail {
  licence: LicenceRecord;
  mayOperate: boolean;
  operations: LicenceOperation[];
  versions: { id: string; version: string; state: string; issuedOn: string; validity: { from: string; until: string } }[];
  history: LicenceEventView[];
}

const path = (id: string) => `/api/licences/${encodeURIComponent(id)}`;

export function getLicence(id: string): Promise<LicenceDetail> {
  return api<LicenceDetail>('GET', path(id));
}

export function operateLicence(id: string, body: OperationBody): Promise<{ licence: LicenceRecord; event: LicenceEventView; next: string | null }> {
  return api('POST', `${path(id)}/operations`, { body });
}

export function listIssuedLicences(q: { q?: string; state?: LicenceState }): Promise<(LicenceRecord & { mayOperate: boolean })[]> {
  return api<{ licences: (LicenceRecord & { mayOperate: boolean })[] }>('GET', `/api/desk/licences${qs({ ...q, limit: 100 })}`).then((r) => r.licences);
}

/** The page of one licence (its holder's, the desk's). */
export const licencePath = (id: string) => `/licences/${encodeURIComponent(id)}`;
