import { rooms } from '../../workflows/socketContract';
import { Api, buildCase, DEMO } from '../helpers/api';
import { closeAll, connect, Inbox, startLiveServer, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * queue:changed keeps a desk's screen current without polling: a socket of a
 * clerk is in its centre's desk room, a reviewer's in its department's desk
 * room at its jurisdiction, and each hears cases arrive at and leave its desk.
 */
const VILLAGE_DESK = rooms.desk(DEMO.villageCode, null);
const TOWN_DESK = rooms.desk(DEMO.townCode, null);
const COUNTY_MARKET_DESK = rooms.desk(DEMO.countyCode, 'market');

describe('queue:changed for the desks a case passes', () => {
  let srv: TestServer;
  let api: Api;
  let village: Inbox;
  let town: Inbox;
  let county: Inbox;
  let otherTown: Inbox;
  const sockets: ClientSocket[] = [];
  const desk = async (user: string) => {
    const s = await connect(srv.url, { token: await api.token(user) });
    sockets.push(s);
    return new Inbox(s);
  };
  const act = async (user: string, caseNo: string, action: Record<string, unknown>) => {
    const res = await api.act(user, caseNo, action);
    expect({ user, type: action.type, status: res.status }).toEqual({ user, type: action.type, status: 200 });
  };
  const changes = (inbox: Inbox, caseNo: string) => inbox.queueOf(caseNo).map((q) => [q.desk, q.change, q.state, q.seq]);
  const inQueue = async (user: string, caseNo: string) =>
    ((await api.as(user, 'GET', '/api/queue?limit=200')).body.cases as { caseNo: string }[]).some((c) => c.caseNo === caseNo);

  beforeAll(async () => {
    srv = await startLiveServer('queue');
    api = new Api(srv.url);
    [village, town, county, otherTown] = await Promise.all(['clerk.village', 'clerk.town', 'reviewer.county', 'clerk.othertown'].map(desk));
  });
  afterAll(async () => {
    closeAll(sockets);
    await srv.close();
  });

  it('tells the village clerk a case arrived when it is filed at the village centre', async () => {
    const filed = await api.file(buildCase());
    await village.until('arrived at the village desk', (i) => i.queueOf(filed.caseNo).length > 0);
    expect(village.queueOf(filed.caseNo)).toEqual([
      { desk: VILLAGE_DESK, caseNo: filed.caseNo, change: 'arrived', state: 'acceptanceReview', light: 'green', deadline: filed.clock.deadline, seq: 1 },
    ]);
    // The push matches what the queue endpoint now lists.
    expect(await inQueue('clerk.village', filed.caseNo)).toBe(true);
  });

  it('tells the village clerk the case left when accepted, and the town clerk it arrived', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    await act('clerk.village', no, { type: 'ACCEPT', opinion: '材料齐全，予以受理' });
    await village.until('left the village desk', (i) => i.queueOf(no).some((q) => q.change === 'left'));
    await town.until('arrived at the town desk', (i) => i.queueOf(no).length > 0);

    expect(changes(village, no)).toEqual([
      [VILLAGE_DESK, 'arrived', 'acceptanceReview', 1],
      [VILLAGE_DESK, 'left', 'review', 2],
    ]);
    expect(changes(town, no)).toEqual([[TOWN_DESK, 'arrived', 'review', 2]]);
    expect([await inQueue('clerk.village', no), await inQueue('clerk.town', no)]).toEqual([false, true]);
  });

  it('tells the county market reviewer the case arrived when the town forwards it, and the town clerk it left', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    await act('clerk.village', no, { type: 'ACCEPT' });
    await act('clerk.town', no, { type: 'FORWARD', opinion: '初审同意，报区局' });
    await county.until('arrived at the county market desk', (i) => i.queueOf(no).length > 0);
    await town.until('left the town desk', (i) => i.queueOf(no).some((q) => q.change === 'left'));

    expect(changes(town, no)).toEqual([
      [TOWN_DESK, 'arrived', 'review', 2],
      [TOWN_DESK, 'left', 'review', 3],
    ]);
    expect(changes(county, no)).toEqual([[COUNTY_MARKET_DESK, 'arrived', 'review', 3]]);
    const arrived = county.queueOf(no)[0]!;
    const view = await api.as('reviewer.county', 'GET', `/api/cases/${no}`);
    expect(arrived).toMatchObject({ light: view.body.clock.light, deadline: view.body.clock.deadline });
    expect(await inQueue('reviewer.county', no)).toBe(true);
  });

  it('tells the desk a case was updated when it changes without moving (a materials request)', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    await act('clerk.village', no, { type: 'REQUEST_MATERIALS', missing: ['场地平面图'], opinion: '请一次性补正' });
    await village.until('updated at the village desk', (i) => i.queueOf(no).some((q) => q.change === 'updated'));
    expect(village.queueOf(no).map((q) => [q.change, q.state, q.seq, q.deadline])).toEqual([
      ['arrived', 'acceptanceReview', 1, filed.clock.deadline],
      // Paused for the applicant: no running deadline.
      ['updated', 'awaitingMaterials', 2, null],
    ]);
  });

  it('tells a clerk of another town none of it', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    await act('clerk.village', no, { type: 'ACCEPT' });
    await act('clerk.town', no, { type: 'FORWARD', opinion: '同意' });
    await county.until('arrived at the county market desk', (i) => i.queueOf(no).length > 0);

    // Marker: a case filed at the other town's own centre, after all of the above. Messages
    // reach a socket in the order they are published, so anything of the other cases that
    // were (wrongly) sent to it would have arrived before the marker.
    const marker = await api.file(buildCase({ centreCode: DEMO.otherTownCode }));
    await otherTown.until('the marker arriving at 瑞安 安阳街道', (i) => i.queueOf(marker.caseNo).length > 0);
    expect(changes(otherTown, marker.caseNo)).toEqual([[rooms.desk(DEMO.otherTownCode, null), 'arrived', 'acceptanceReview', 1]]);
    // Nothing of any case of this file's other tests either: only its own marker.
    expect(otherTown.queue.map((q) => q.caseNo)).toEqual([marker.caseNo]);
    expect(otherTown.caseUpdates).toEqual([]);
    expect(otherTown.stats).toEqual([]);
  });
});
