import { proxyNextDueAt } from '../../server/proxy/orderAggregate';
import { entrustmentText, sha256 } from '../../server/proxy/entrustment';
import type { ProxyContext } from '../../workflows/proxyOrderMachine';

const ctx = (c: Partial<ProxyContext> = {}) => ({ overdue: false, dueOn: null, ...c }) as ProxyContext;
const at = '2026-12-03 02:00:00.000';

describe('proxy order timers (next_due_at)', () => {
  it('gives a dispatched agent PROXY_ACCEPT_HOURS to answer', () => {
    expect(proxyNextDueAt('dispatched', ctx(), at, 24)).toBe('2026-12-04 02:00:00.000');
  });

  it('flags a service at the end of its due date, China time', () => {
    expect(proxyNextDueAt('in_service', ctx({ dueOn: '2027-03-13' }), at, 24)).toBe('2027-03-13 16:00:00.000');
  });

  it('has no timer once overdue, nor in the pool or a final state', () => {
    expect(proxyNextDueAt('in_service', ctx({ dueOn: '2027-03-13', overdue: true }), at, 24)).toBeNull();
    expect(proxyNextDueAt('requested', ctx(), at, 24)).toBeNull();
    expect(proxyNextDueAt('completed', ctx({ dueOn: '2027-03-13' }), at, 24)).toBeNull();
  });
});

describe('the entrustment (委托书)', () => {
  const subject = { ownerName: '温州瓯越置业有限公司', projectCode: '2026-330302-70-01-000001', projectName: '总部大楼', placeName: '温州市鹿城区五马街道', scope: 'stage' as const, stage: 2, request: '代办工程建设许可' };

  it('names the owner, the project, the place and the stage entrusted', () => {
    const text = entrustmentText(subject);
    for (const part of ['委托人：温州瓯越置业有限公司', '2026-330302-70-01-000001', '温州市鹿城区五马街道', '第2阶段：工程建设许可', '代办工程建设许可']) expect(text).toContain(part);
  });

  it('is the same text, and hash, for the same request, and another for another', () => {
    expect(sha256(entrustmentText(subject))).toBe(sha256(entrustmentText({ ...subject })));
    expect(sha256(entrustmentText({ ...subject, scope: 'full', stage: null }))).not.toBe(sha256(entrustmentText(subject)));
  });
});
