import type { Api } from '../helpers/api';

/**
 * The proxy order routes' target: a stage-1 order of `applicant` (鹿城区, no project), its entrustment
 * signed, dispatched by the 鹿城区 centre to the demo `agent` (first by the rule) and not yet answered.
 */
export async function proxyFixtures(api: Api): Promise<{ orderNo: string }> {
  const shown = await api.as('applicant', 'GET', '/api/proxy-orders/entrustment?scope=stage&stage=1&request=%E6%8E%88%E6%9D%83%E7%9F%A9%E9%98%B5');
  if (shown.status !== 200) throw new Error(`the matrix's entrustment: ${shown.status} ${JSON.stringify(shown.body)}`);
  const made = await api.as('applicant', 'POST', '/api/proxy-orders', { scope: 'stage', stage: 1, request: '授权矩阵', ownerPhone: '13857700001', signature: { name: '张伟', consent: true, textSha256: shown.body.textSha256 } });
  if (made.status !== 201) throw new Error(`the matrix's proxy order: ${made.status} ${JSON.stringify(made.body)}`);
  const orderNo = made.body.order.orderNo as string;
  const sent = await api.as('clerk.county', 'POST', `/api/proxy-orders/${orderNo}/dispatch`, {});
  if (sent.status !== 200 || sent.body.order.agent?.name !== '叶志成') throw new Error(`dispatching the matrix's proxy order: ${sent.status} ${JSON.stringify(sent.body)}`);
  return { orderNo };
}
