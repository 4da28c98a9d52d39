/**
 * Purchase orders of the intermediary market (网上中介超市): the public list,
 * an order, posting, sign-up, actions, the draw, the files, the workbench.
 * Shapes come from the server's presenters and schemas (type-only imports).
 */
import type { z } from 'zod';
import type { OrderActionBody, OrderPostBody } from '../../../server/http/marketOrderSchemas';
import type { DrawReport } from '../../../server/market/orders/selection';
import type { presentOrderDetail, presentOrderEvent, presentPublicOrder } from '../../../server/presenters/marketOrders';
import { fetchFile, saveBlob } from './download';
import { api, qs } from './http';

export type PublicOrderView = ReturnType<typeof presentPublicOrder>;
export type OrderDetailView = ReturnType<typeof presentOrderDetail>;
export type OrderEventView = ReturnType<typeof presentOrderEvent>;
export type OrderPostInput = z.input<typeof OrderPostBody>;
export type OrderActionInput = z.infer<typeof OrderActionBody>;
export type { DrawReport };

export interface OrderPage {
  order: PublicOrderView & Partial<OrderDetailView>;
  actions: string[];
  history: OrderEventView[];
}

export function listOrders(p: { state?: string; method?: string; page?: number; pageSize?: number }): Promise<{ orders: PublicOrderView[]; total: number }> {
  return api('GET', `/api/market/orders${qs(p)}`);
}

export function listMyOrders(): Promise<{ orders: (PublicOrderView & Partial<OrderDetailView>)[]; total: number }> {
  return api('GET', '/api/market/me/orders');
}

export function getOrder(id: number): Promise<OrderPage> {
  return api('GET', `/api/market/orders/${id}`);
}

export function getDraw(id: number): Promise<DrawReport & { orderId: number; orderNo: string }> {
  return api('GET', `/api/market/orders/${id}/draw`);
}

export function postOrder(body: OrderPostInput): Promise<OrderPage> {
  return api('POST', '/api/market/orders', { body });
}

export function signUp(id: number, quote?: number): Promise<OrderPage> {
  return api('POST', `/api/market/orders/${id}/signups`, { body: quote === undefined ? {} : { quote } });
}

export function actOnOrder(id: number, body: OrderActionInput): Promise<OrderPage> {
  return api('POST', `/api/market/orders/${id}/actions`, { body });
}

export function uploadOrderFile(id: number, which: 'contract' | 'result', file: File, amount?: number): Promise<OrderPage> {
  const form = new FormData();
  if (amount !== undefined) form.append('amount', String(amount));
  form.append('file', file, file.name);
  return api('POST', `/api/market/orders/${id}/${which}`, { form });
}

export async function downloadOrderFile(id: number, which: 'contract' | 'result'): Promise<void> {
  const f = await fetchFile(`/api/market/orders/${id}/${which}`, `${which}-${id}.pdf`);
  saveBlob(f.blob, f.name);
}

export interface Workbench {
  agency: { id: number; name: string; state: string };
  announcements: PublicOrderView[];
  orders: (PublicOrderView & { chosen: boolean; nextDueAt: string | null; serviceDueOn: string | null; overdue: boolean })[];
}

export function getWorkbench(): Promise<Workbench> {
  return api('GET', '/api/market/workbench');
}

/** SHA-256 of a text, lower-case hex, by the browser's WebCrypto: the same hash as `sha256sum`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function repostOrder(id: number, dates: { signupDeadline: string; selectionAt: string }): Promise<OrderPage> {
  return api('POST', `/api/market/orders/${id}/repost`, { body: dates });
}

export function listCentreOrders(state?: string): Promise<{ orders: (PublicOrderView & Partial<OrderDetailView> & { actions: string[] })[]; total: number }> {
  return api('GET', `/api/market/centre/orders${qs({ state, pageSize: 100 })}`);
}
