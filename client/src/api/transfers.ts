import type { AgreementView } from '../../../db/repositories/transfers/agreements';
import type { AgreementProps } from '../../../server/transfers/recordAgreement';
import { api, qs } from './http';

/** The function-transfer list (职能转移): the server's answers (server/routes/transfers.ts). */
export interface TransferFigures {
  functions: number;
  units: number;
  planFunctions: number;
  planUnits: number;
  agreements: number;
  agreementUnits: number;
  services: number;
  organisations: { total: number; qualified: number; probation: number; removed: number };
}
export interface TransferFunction {
  id: number;
  code: string;
  name: string;
  category: string;
  mode: string;
  transferredOn: string;
  planIssued: boolean;
  unit: { code: string; name: string };
  organisation: { id: number; name: string; state: string };
  agreements: number;
}
export interface TransferUnit { code: string; name: string; kind: string; functions: number; agreements: number }
export interface TransferService { code: string; name: string; category: string; unit: { code: string; name: string }; functionCode: string | null }
/** An agreement as the repository presents it, with whether it runs today and may be renewed. */
export type TransferAgreement = AgreementView & { running: boolean; renewable: boolean };
export interface TransferEvaluationView { year: number; score: number; grade: string; consequence: string; stateAfter: string; notes: string; recordedAt: string }
export interface TransferOrg {
  id: number;
  name: string;
  uscc: string;
  kind: string;
  registeredOn: string;
  creditRating: string | null;
  state: string;
  inDirectory: boolean;
  maySign: boolean;
  removedOn: string | null;
  lastEvaluation: { year: number; score: number; grade: string; consequence: string } | null;
  functions?: number;
  agreements?: number;
  revision: number;
}
export interface Paged { total: number; page: number; pageSize: number }
type Query = Record<string, string | number | undefined>;

export const listTransferFunctions = (q: Query) => api<Paged & { functions: TransferFunction[]; figures: TransferFigures }>('GET', `/api/transfers${qs(q)}`);
export const listTransferUnits = () => api<{ units: TransferUnit[]; total: number }>('GET', '/api/transfers/units');
export const listTransferServices = (q: Query) => api<Paged & { services: TransferService[] }>('GET', `/api/transfers/services${qs(q)}`);
export const listTransferAgreements = (q: Query) => api<Paged & { agreements: TransferAgreement[] }>('GET', `/api/transfers/agreements${qs(q)}`);
export const listTransferOrgs = (q: Query) => api<Paged & { organisations: TransferOrg[] }>('GET', `/api/transfers/organisations${qs(q)}`);
export const getTransferOrg = (id: number) => api<{ organisation: TransferOrg; evaluations: TransferEvaluationView[]; agreements: TransferAgreement[] }>('GET', `/api/transfers/organisations/${id}`);

/** What the administrator records: the command's props without the actor. */
export type AgreementInput = Omit<AgreementProps, 'actor'>;
export const recordTransferAgreement = (body: AgreementInput) => api<{ agreement: TransferAgreement }>('POST', '/api/transfers/agreements', { body });
export const evaluateTransferOrg = (id: number, body: { year: number; score: number; notes: string }) =>
  api<{ organisation: TransferOrg; evaluation: TransferEvaluationView }>('POST', `/api/transfers/organisations/${id}/evaluations`, { body });
