import type { StatsChanged } from '../../workflows/socketContract';
import { Api, buildCase, DEMO } from '../helpers/api';
import { closeAll, connect, connected, Inbox, openSocket, startLiveServer, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * stats:changed: a supervisor's socket gets the live counters of its
 * jurisdiction, the same numbers as GET /api/stats/overview, throttled to at
 * most one message per STATS_INTERVAL_MS however many transitions there are.
 */
describe('stats:changed for supervisors', () => {
  let srv: TestServer;
  let api: Api;
  let county: Inbox;
  let city: Inbox;
  const sockets: ClientSocket[] = [];
  const open = async (user: string) => {
    const s = await connect(srv.url, { token: await api.token(user) });
    sockets.push(s);
    return new Inbox(s);
  };
  const overview = async (user: string, scope: string) => {
    const res = await api.as(user, 'GET', `/api/stats/overview?scope=${scope}`);
    expect(res.status).toBe(200);
    return res.body as { scope: string; total: number; byState: Record<string, number>; byLevel: Record<string, number>; byLight: Record<string, number> };
  };
  const filedAtLeast = (scope: string, n: number) => (i: Inbox) => i.stats.some((s) => s.scope === scope && s.counters.filed >= n);
  const last = (inbox: Inbox, scope: string): StatsChanged => inbox.stats.filter((s) => s.scope === scope).at(-1)!;

  beforeAll(async () => {
    srv = await startLiveServer('stats');
    api = new Api(srv.url);
    county = await open('supervisor.county');
    city = await open('supervisor.city');
  });
  afterAll(async () => {
    closeAll(sockets);
    await srv.close();
  });

  it('sends the county supervisor its counters after a filing: filed up by one, equal to the overview endpoint', async () => {
    const before = await overview('supervisor.county', DEMO.countyCode);
    await api.file(buildCase());
    await county.until(`filed = ${before.total + 1} for ${DEMO.countyCode}`, filedAtLeast(DEMO.countyCode, before.total + 1));

    const msg = last(county, DEMO.countyCode);
    expect(msg.counters.filed).toBe(before.total + 1);
    expect(msg.byState.acceptanceReview).toBe((before.byState.acceptanceReview ?? 0) + 1);
    // Nothing else moves in this server's database: the overview now is the moment of the message.
    const now = await overview('supervisor.county', DEMO.countyCode);
    expect({ total: msg.total, byState: msg.byState, byLevel: msg.byLevel, byLight: msg.byLight }).toEqual({
      total: now.total,
      byState: now.byState,
      byLevel: now.byLevel,
      byLight: now.byLight,
    });
    expect(msg.counters).toMatchObject({ filed: now.total, overdue: now.byLight.red });
    // Every message on this socket is about its own county.
    expect(new Set(county.stats.map((s) => s.scope))).toEqual(new Set([DEMO.countyCode]));
  });

  it('moves the accepted counter and the per-level counts when a case is accepted', async () => {
    const before = await overview('supervisor.county', DEMO.countyCode);
    const filed = await api.file(buildCase());
    await county.until('the filing in the counters', filedAtLeast(DEMO.countyCode, before.total + 1));
    const prev = last(county, DEMO.countyCode);
    const seen = county.stats.length;

    expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    await county.until('a message after the acceptance', (i) => i.stats.length > seen && last(i, DEMO.countyCode).counters.accepted > prev.counters.accepted);
    const msg = last(county, DEMO.countyCode);
    expect(msg.counters).toEqual({ ...prev.counters, accepted: prev.counters.accepted + 1 });
    expect(msg.byLevel.village).toBe(prev.byLevel.village! - 1);
    expect(msg.byLevel.town).toBe((prev.byLevel.town ?? 0) + 1);
    const now = await overview('supervisor.county', DEMO.countyCode);
    expect(msg.byState).toEqual(now.byState);
  });

  it('sends the city supervisor the city scope, and only supervisors get stats at all', async () => {
    const clerk = await open('clerk.village');
    const before = await overview('supervisor.city', DEMO.cityCode);
    await api.file(buildCase());
    await city.until(`filed = ${before.total + 1} for the city`, filedAtLeast(DEMO.cityCode, before.total + 1));
    expect(last(city, DEMO.cityCode).counters.filed).toBe(before.total + 1);
    expect(new Set(city.stats.map((s) => s.scope))).toEqual(new Set([DEMO.cityCode]));

    // Marker for the clerk: a case reaching its desk after the stats above went out.
    const marker = await api.file(buildCase());
    await clerk.until('the marker at the village desk', (i) => i.queueOf(marker.caseNo).length > 0);
    expect(clerk.stats).toEqual([]);
  });

  it('throttles: 20 filings in a burst produce fewer than 20 stats messages, at least one, ending at the right count', async () => {
    const before = await overview('supervisor.county', DEMO.countyCode);
    const seen = county.stats.length;
    await Promise.all(Array.from({ length: 20 }, () => api.file(buildCase())));
    await county.until(`filed = ${before.total + 20}`, filedAtLeast(DEMO.countyCode, before.total + 20));
    // One more filing afterwards: every message the burst caused comes before its count.
    await api.file(buildCase());
    await county.until(`filed = ${before.total + 21}`, filedAtLeast(DEMO.countyCode, before.total + 21));

    const burst = county.stats.slice(seen).filter((s) => s.counters.filed <= before.total + 20);
    expect(burst.length).toBeGreaterThanOrEqual(1);
    expect(burst.length).toBeLessThan(20);
    const counts = burst.map((s) => s.counters.filed);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(before.total + 20);
  });

  it('sends a supervisor its counters as soon as it connects, equal to the overview endpoint', async () => {
    const now = await overview('supervisor.county', DEMO.countyCode);
    // Listening before the handshake completes, as a real client does.
    const socket = openSocket(srv.url, { token: await api.token('supervisor.county') });
    sockets.push(socket);
    const fresh = new Inbox(socket);
    await connected(socket);
    await fresh.until('the counters on connect', (i) => i.stats.length > 0);
    const first = fresh.stats[0]!;
    expect(first.scope).toBe(DEMO.countyCode);
    expect({ total: first.total, byState: first.byState, byLight: first.byLight }).toEqual({ total: now.total, byState: now.byState, byLight: now.byLight });
  });
});
