/** Delegation deeds to the pilot towns (赋权): published deeds and each town's powers in force. Shapes from the server (type-only imports). */
import type { presentDeed } from '../../../server/presenters/delegations';
import { api, qs } from './http';

export type DeedView = ReturnType<typeof presentDeed>;

export interface PilotTownView {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  until: string | null;
  deeds: number;
  deedsInForce: number;
  itemsInForce: number;
}

export function listDelegationTowns(): Promise<{ towns: PilotTownView[]; today: string }> {
  return api('GET', '/api/delegations/towns');
}

export function listDeeds(p: { town?: string; state?: string; page?: number; pageSize?: number } = {}): Promise<{ deeds: DeedView[]; total: number; page: number; pageSize: number; today: string }> {
  return api('GET', `/api/delegations${qs(p)}`);
}
