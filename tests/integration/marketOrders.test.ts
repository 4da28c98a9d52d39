import { createHash } from 'node:crypto';
import { drawWinner } from '../../workflows/marketDraw';
import { OrderScheduler } from '../../server/market/orders/orderScheduler';
import { buildCase } from '../helpers/api';
import { HOUR, useMarketOrderSuite } from '../helpers/marketOrderSuite';
import { waitUntil } from '../helpers/sockets';

/*
 * Purchase orders of the intermediary market over real HTTP, a real socket
 * and the real durable timer (its pass called directly, the clock moved by
 * the test): post → review → sign-ups → selection (random draw re-run from
 * the published seed, price bidding, direct choice) → decline and the next →
 * confirm → contract → service → result → completed; the approval case it serves.
 * The rules (refusals, steering, validation) are in marketOrderRules.test.ts.
 */
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('market purchase orders (网上中介超市)', () => {
  const { m, api, publicInbox, ownerInbox, announce, act, signUp, order, upload, opened, toSelection, iso } = useMarketOrderSuite('market-orders');

  it('runs a random order from posting to completion: the draw re-run from the published seed gives the same winner; a decline passes to the next', async () => {
    const posted = await announce();
    expect(posted.status).toBe(201);
    const id = posted.body.order.id as number;
    expect(posted.body.order).toMatchObject({ state: 'in_review', drawCommitment: null, orderNo: expect.stringMatching(/^MO\d{8}-\d{6}$/) });
    // Not public while in review: the owner hears of it, the public room does not (it gets the same batch, so by m.now it would have).
    await waitUntil('the owner hears of the posting', () => ownerInbox.some((e) => e.id === id && e.type === 'POST'));
    expect((await api.request('GET', `/api/market/orders/${id}`)).status).toBe(404);
    const queue = await api.as('clerk.city', 'GET', '/api/market/centre/orders?state=in_review');
    expect(queue.body.orders.find((o: { id: number }) => o.id === id)).toMatchObject({ state: 'in_review', actions: expect.arrayContaining(['APPROVE', 'REJECT']) });
    expect((await api.as('clerk.othertown', 'GET', '/api/market/centre/orders')).status).toBe(403);
    expect((await act('applicant', id, { type: 'APPROVE' })).status).toBe(403);
    const approved = await act('clerk.city', id, { type: 'APPROVE', expectedVersion: 1 });
    expect(approved.status).toBe(200);
    const commitment = approved.body.order.drawCommitment as string;
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    await waitUntil('the public room hears of the announcement', () => publicInbox.some((e) => e.id === id && e.type === 'APPROVE' && e.state === 'signup'));
    expect(publicInbox.filter((e) => e.id === id).map((e) => e.type)).toEqual(['APPROVE']);
    // Public messages carry public fields only.
    expect(Object.keys(publicInbox.find((e) => e.id === id)!).sort()).toEqual(['at', 'chosenAgencyId', 'id', 'method', 'orderNo', 'revision', 'seq', 'serviceItemCode', 'state', 'type']);
    const before = (await api.request('GET', `/api/market/orders/${id}/draw`)).body;
    expect(before).toMatchObject({ commitment, drawn: false, seed: null, candidates: [] });
    for (const a of m.agencies) expect((await signUp(a, id)).status).toBe(201);
    // An agency sees its own sign-up only, never its competitors'; the owner sees all.
    expect((await order(id, m.agencies[0]!.username)).signups.map((x: { agencyId: number }) => x.agencyId)).toEqual([m.agencies[0]!.id]);
    expect((await order(id)).signups).toHaveLength(3);
    const publicView = (await api.request('GET', `/api/market/orders/${id}`)).body.order;
    expect(publicView).toMatchObject({ state: 'signup', signupCount: 3, quotes: null });
    expect(publicView.signups).toBeUndefined();
    // A person owner's name is masked in public, in full for those involved.
    expect(publicView.owner).toEqual({ kind: 'person', name: '张*' });
    expect((await order(id)).owner.name).toBe('张伟');

    await toSelection(id);
    const drawn = await order(id);
    expect(drawn.state).toBe('awaiting_confirmation');
    const draw = (await api.request('GET', `/api/market/orders/${id}/draw`)).body;
    expect(draw.drawn).toBe(true);
    expect(sha(draw.seed)).toBe(commitment);
    expect(draw.candidates).toHaveLength(3);
    const rerun = drawWinner(draw.seed, draw.candidates.map((c: { agencyId: number; uscc: string }) => ({ agencyId: c.agencyId, uscc: c.uscc })), sha)!;
    expect(rerun.agencyId).toBe(drawn.chosenAgency.id);
    expect(draw.winnerAgencyId).toBe(rerun.agencyId);
    for (const c of draw.candidates) expect(c.hash).toBe(sha(`${draw.seed}:${c.uscc}`));

    // The winner declines: the next by the same rule is chosen at once.
    const first = m.agencies.find((a) => a.id === rerun.agencyId)!;
    const other = m.agencies.find((a) => a.id !== rerun.agencyId)!;
    expect((await act(other.username, id, { type: 'CONFIRM' })).status).toBe(403);
    expect((await act(first.username, id, { type: 'DECLINE', reason: '项目负责人另有任务' })).status).toBe(200);
    const next = await order(id);
    expect(next.state).toBe('awaiting_confirmation');
    const expectedNext = drawWinner(draw.seed, draw.candidates.filter((c: { agencyId: number }) => c.agencyId !== first.id), sha)!;
    expect(next.chosenAgency.id).toBe(expectedNext.agencyId);
    expect((await api.request('GET', `/api/market/orders/${id}/draw`)).body.declined).toEqual([first.id]);
    const chosen = m.agencies.find((a) => a.id === expectedNext.agencyId)!;
    expect((await act(chosen.username, id, { type: 'CONFIRM' })).status).toBe(200);

    // Contract: above the budget refused; within it, confirmed by the owner; the service runs with a due date.
    expect((await upload(chosen, id, 'contract', { amount: '60000' })).status).toBe(409);
    expect((await upload(chosen, id, 'contract', { amount: '30000' })).status).toBe(201);
    const third = m.agencies.find((a) => a.id !== first.id && a.id !== chosen.id)!;
    expect((await fetch(`${m.srv.url}/api/market/orders/${id}/contract`, { headers: { authorization: `Bearer ${await api.token(third.username)}` } })).status).toBe(403);
    const contract = await fetch(`${m.srv.url}/api/market/orders/${id}/contract`, { headers: { authorization: `Bearer ${await api.token('applicant')}` } });
    expect(contract.status).toBe(200);
    expect(Buffer.from(await contract.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const service = await act('applicant', id, { type: 'CONFIRM_CONTRACT' });
    expect(service.body.order).toMatchObject({ state: 'in_service', contractAmount: 30_000, serviceDueOn: expect.stringMatching(/^2026-12-\d\d$/) });
    expect((await upload(chosen, id, 'result')).status).toBe(201);
    expect((await act('applicant', id, { type: 'ACCEPT_RESULT' })).body.order.state).toBe('completed');
    await waitUntil('the owner hears it completed', () => ownerInbox.some((e) => e.id === id && e.state === 'completed'));
    await waitUntil('the public room hears it completed', () => publicInbox.some((e) => e.id === id && e.state === 'completed'));
    const row = await m.srv.ctx.db.knex('market_agencies').where({ id: chosen.id }).first();
    expect(Number(row.completed_orders)).toBe(1);
    expect(Number(row.open_orders)).toBe(0);
  });

  it('keeps quotes sealed until they are opened together; the lowest valid quote wins and a tie is drawn', async () => {
    const id = await opened({ method: 'bidding' });
    expect((await signUp(m.agencies[0]!, id)).status).toBe(422); // a bidding order takes a quote
    expect((await signUp(m.agencies[0]!, id, 20_000)).status).toBe(201);
    expect((await signUp(m.agencies[1]!, id, 20_000)).status).toBe(201);
    expect((await signUp(m.agencies[2]!, id, 5_000)).status).toBe(201); // below the band: not valid
    for (const who of ['applicant', 'clerk.city', m.agencies[0]!.username]) {
      const seen = await order(id, who);
      expect(seen.quotes).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('"quote"');
    }
    await toSelection(id);
    const done = (await api.request('GET', `/api/market/orders/${id}`)).body.order;
    expect(done.quotes).toEqual(expect.arrayContaining([expect.objectContaining({ agencyId: m.agencies[2]!.id, quote: 5_000 }), expect.objectContaining({ agencyId: m.agencies[0]!.id, quote: 20_000 })]));
    const draw = (await api.request('GET', `/api/market/orders/${id}/draw`)).body;
    const tie = drawWinner(draw.seed, [m.agencies[0]!, m.agencies[1]!].map((a) => ({ agencyId: a.id, uscc: a.uscc })), sha)!;
    expect(done.chosenAgency.id).toBe(tie.agencyId);
  });

  it('lets the owner choose directly; the timer declines for an agency that does not confirm in time', async () => {
    const id = await opened({ method: 'direct' });
    expect((await signUp(m.agencies[0]!, id)).status).toBe(201);
    expect((await signUp(m.agencies[1]!, id)).status).toBe(201);
    await toSelection(id);
    expect((await order(id)).state).toBe('selecting');
    expect((await act('applicant', id, { type: 'SELECT', agencyId: 999_999 })).status).toBe(409);
    expect((await act('applicant', id, { type: 'SELECT', agencyId: m.agencies[1]!.id })).body.order.chosenAgency.id).toBe(m.agencies[1]!.id);
    m.now += 49 * HOUR;
    await m.pass.tick();
    const back = await order(id);
    expect(back).toMatchObject({ state: 'selecting', chosenAgency: null });
    expect(back.signups.find((s: { agencyId: number }) => s.agencyId === m.agencies[1]!.id).declined).toBe(true);
    expect((await act('applicant', id, { type: 'SELECT', agencyId: m.agencies[0]!.id })).body.order.state).toBe('awaiting_confirmation');
  });

  it('expires an order nobody signed up to, and re-posts it as a new order', async () => {
    const id = await opened();
    await toSelection(id);
    expect((await order(id)).state).toBe('expired');
    const again = await api.as('applicant', 'POST', `/api/market/orders/${id}/repost`, { signupDeadline: iso(m.now + 24 * HOUR), selectionAt: iso(m.now + 26 * HOUR) });
    expect(again.status).toBe(201);
    expect(again.body.order).toMatchObject({ state: 'in_review', repostOf: id, title: '温州某药店装修地质勘察' });
  });

  it('marks a late service overdue through the timer, once', async () => {
    const id = await opened({ method: 'direct' });
    expect((await signUp(m.agencies[0]!, id)).status).toBe(201);
    await toSelection(id);
    await act('applicant', id, { type: 'SELECT', agencyId: m.agencies[0]!.id });
    await act(m.agencies[0]!.username, id, { type: 'CONFIRM' });
    expect((await upload(m.agencies[0]!, id, 'contract', { amount: '10000' })).status).toBe(201);
    const due = (await act('applicant', id, { type: 'CONFIRM_CONTRACT' })).body.order.serviceDueOn as string;
    expect(await m.pass.tick()).toBe(0);
    m.now = Date.parse(`${due}T17:00:00Z`);
    // Two processes' passes at once: the order is flagged once.
    const fired = await Promise.all([m.pass.tick(), new OrderScheduler(m.srv.ctx).tick()]);
    expect(fired.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
    const history = (await api.as('applicant', 'GET', `/api/market/orders/${id}`)).body.history as { type: string }[];
    expect(history.filter((h) => h.type === 'MARK_OVERDUE')).toHaveLength(1);
    expect((await order(id)).overdue).toBe(true);
    expect(await m.pass.tick()).toBe(0);
  });

  it('links the order to the approval case waiting for it: the accepted result joins the case and ends its intermediary pause', async () => {
    const filed = await api.file(buildCase(), 'applicant');
    const caseNo = filed.caseNo as string;
    expect((await api.act('clerk.village', caseNo, { type: 'ACCEPT' })).status).toBe(200);
    expect((await api.act('clerk.town', caseNo, { type: 'FORWARD', opinion: '初审同意' })).status).toBe(200);
    const paused = await api.act('reviewer.county', caseNo, { type: 'START_SPECIAL', procedure: 'intermediary', reason: '需委托中介机构进行地质勘察' });
    expect(paused.body.case).toMatchObject({ state: 'special', clock: { paused: true, pauseKind: 'special' } });
    const id = await opened({ method: 'direct', caseNo });
    expect((await order(id)).caseNo).toBe(caseNo);
    const a = m.agencies[2]!;
    expect((await signUp(a, id)).status).toBe(201);
    await toSelection(id);
    expect((await act('applicant', id, { type: 'SELECT', agencyId: a.id })).status).toBe(200);
    expect((await act(a.username, id, { type: 'CONFIRM' })).status).toBe(200);
    expect((await upload(a, id, 'contract', { amount: '20000' })).status).toBe(201);
    expect((await act('applicant', id, { type: 'CONFIRM_CONTRACT' })).status).toBe(200);
    m.now += 3 * 24 * HOUR;
    expect((await upload(a, id, 'result')).status).toBe(201);
    expect((await act('applicant', id, { type: 'ACCEPT_RESULT' })).body.order.state).toBe('completed');
    const after = (await api.as('reviewer.county', 'GET', `/api/cases/${caseNo}`)).body;
    expect(after).toMatchObject({ state: 'review', special: null, clock: { paused: false } });
    // The working days the intermediary took are not the department's: the step's used days are those before the pause.
    expect(after.clock.usedDays).toBe(paused.body.case.clock.usedDays);
    const files = (await api.as('reviewer.county', 'GET', `/api/cases/${caseNo}/files`)).body;
    expect(JSON.stringify(files)).toContain('中介服务成果');
    const events = (await api.as('reviewer.county', 'GET', `/api/cases/${caseNo}/events`)).body.events as Array<{ type: string; payload?: { procedure?: string }; actor?: { role: string }; reason?: string | null }>;
    const types = events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['START_SPECIAL', 'ATTACH_FILE', 'END_SPECIAL']));
    expect(types.indexOf('START_SPECIAL')).toBeLessThan(types.lastIndexOf('END_SPECIAL'));
    expect(JSON.stringify(events.find((e) => e.type === 'START_SPECIAL'))).toContain('intermediary');
    expect(JSON.stringify(events.find((e) => e.type === 'END_SPECIAL'))).toContain('system');
  });
});
