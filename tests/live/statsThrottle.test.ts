import type { StatsChanged } from '../../workflows/socketContract';
import { Api, buildCase, DEMO } from '../helpers/api';
import { closeAll, connected, Inbox, openSocket, startLiveServer, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * docs/live.md promises a supervisor at most one stats:changed per
 * STATS_INTERVAL_MS. The gaps are measured between the messages' own `at`
 * (the server's moment of sending), so the test asserts the throttle's
 * spacing, not how fast anything is: a slower machine only widens the gaps.
 */
const INTERVAL_MS = 500;

/**
 * A live server with this STATS_INTERVAL_MS for the enclosing describe block, and the county supervisor's
 * sockets on it, each listening from before the handshake completes (as the web app does).
 */
function liveSupervisors(tag: string, intervalMs: number) {
  const api = new Api('');
  let srv: TestServer | undefined;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    srv = await startLiveServer(tag, { env: { STATS_INTERVAL_MS: String(intervalMs) } });
    api.baseUrl = srv.url;
  });
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });
  async function supervisor(): Promise<Inbox> {
    const socket = openSocket(api.baseUrl, { token: await api.token('supervisor.county') });
    sockets.push(socket);
    const inbox = new Inbox(socket);
    await connected(socket);
    return inbox;
  }
  return { api, supervisor };
}

describe(`stats:changed is spaced at least STATS_INTERVAL_MS (${INTERVAL_MS} ms) apart`, () => {
  const { api, supervisor } = liveSupervisors('stats_throttle', INTERVAL_MS);

  const ofCounty = (i: Inbox): StatsChanged[] => i.stats.filter((s) => s.scope === DEMO.countyCode);
  const filedAtLeast = (n: number) => (i: Inbox) => ofCounty(i).some((s) => s.counters.filed >= n);

  function gaps(messages: StatsChanged[]): number[] {
    const at = messages.map((m) => Date.parse(m.at));
    return at.slice(1).map((t, i) => t - at[i]!);
  }

  it('counts the message a supervisor gets on connecting: the next one, for a filing right after, comes no sooner', async () => {
    const total = async () => (await api.as('supervisor.county', 'GET', `/api/stats/overview?scope=${DEMO.countyCode}`)).body.total as number;
    const before = await total();
    const inbox = await supervisor();
    // A change while the first message is on its way: the room's next message must still wait its turn.
    await api.file(buildCase());
    await inbox.until(`filed = ${before + 1}`, filedAtLeast(before + 1));
    const messages = ofCounty(inbox);
    expect(messages.length).toBeGreaterThanOrEqual(1);
    for (const gap of gaps(messages)) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS);
  });

  it('keeps every gap under a burst of commits, on every supervisor socket, and ends at the right count', async () => {
    const first = await supervisor();
    await first.until('the counters on connect', (i) => ofCounty(i).length > 0);
    const before = ofCounty(first).at(-1)!.counters.filed;
    let second: Inbox | undefined;
    // Three waves of filings and acceptances; a second supervisor connects in the middle of them.
    for (let wave = 0; wave < 3; wave++) {
      const filed = await Promise.all(Array.from({ length: 8 }, () => api.file(buildCase())));
      if (wave === 1) second = await supervisor();
      await Promise.all(filed.slice(0, 4).map((c) => api.act('clerk.village', c.caseNo, { type: 'ACCEPT' })));
    }
    await first.until(`filed = ${before + 24}`, filedAtLeast(before + 24));
    await second!.until(`filed = ${before + 24}`, filedAtLeast(before + 24));
    // The first socket had its counters before the burst, so it got at least one more; the second may have
    // connected late enough for one message to carry everything.
    expect(ofCounty(first).length).toBeGreaterThanOrEqual(2);
    for (const inbox of [first, second!]) {
      const messages = ofCounty(inbox);
      const tooSoon = gaps(messages).filter((g) => g < INTERVAL_MS);
      expect(tooSoon).toEqual([]);
      const counts = messages.map((m) => m.counters.filed);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
  });
});

describe('a supervisor who joins between two of the room’s messages', () => {
  // Long, so that the second supervisor surely connects before the room may be sent anything again.
  const LONG_MS = 10_000;
  const { supervisor } = liveSupervisors('stats_join', LONG_MS);

  it('gets the room’s latest counters at once, not after the interval', async () => {
    const first = await supervisor();
    await first.until('the counters on connect', (i) => i.stats.some((s) => s.scope === DEMO.countyCode));
    const sent = first.stats.find((s) => s.scope === DEMO.countyCode)!;
    const second = await supervisor();
    await second.until('the counters on connect', (i) => i.stats.some((s) => s.scope === DEMO.countyCode));
    // The very message the room had: the next one may not go out before sent.at + LONG_MS.
    expect(second.stats.find((s) => s.scope === DEMO.countyCode)).toEqual(sent);
  });
});
