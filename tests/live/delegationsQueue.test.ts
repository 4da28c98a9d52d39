import { rooms } from '../../workflows/socketContract';
import { Api } from '../helpers/api';
import { buildDelegatedCase, TANGXIA } from '../helpers/delegationsFactories';
import { closeAll, connect, Inbox, startLiveServer, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * queue:changed for a delegated case: the step a deed moved to 塘下镇 is the
 * town's market desk (its reviewer hears the case arrive and leave), not the
 * town centre's window nor the delegating county bureau's desk.
 */
const TOWN_CENTRE = rooms.desk(TANGXIA.townCode, null);
const TOWN_MARKET = rooms.desk(TANGXIA.townCode, 'market');

describe('queue:changed at a pilot town’s department desk', () => {
  let srv: TestServer;
  let api: Api;
  let centre: Inbox;
  let market: Inbox;
  let county: Inbox;
  const sockets: ClientSocket[] = [];
  const desk = async (user: string) => {
    const s = await connect(srv.url, { token: await api.token(user) });
    sockets.push(s);
    return new Inbox(s);
  };

  beforeAll(async () => {
    srv = await startLiveServer('delegations_queue');
    api = new Api(srv.url);
    [centre, market, county] = await Promise.all([TANGXIA.clerk, TANGXIA.reviewer, TANGXIA.countyReviewer].map(desk));
  });
  afterAll(async () => {
    closeAll(sockets);
    await srv.close();
  });

  it('moves the accepted case from the town centre to the town market desk, and on to the centre after issue', async () => {
    const filed = await api.file(buildDelegatedCase());
    const no: string = filed.caseNo;
    expect((await api.act(TANGXIA.clerk, no, { type: 'ACCEPT', opinion: '材料齐全' })).status).toBe(200);
    await market.until('arrived at the town market desk', (i) => i.queueOf(no).some((q) => q.change === 'arrived'));
    expect(market.queueOf(no).map((q) => [q.desk, q.change])).toEqual([[TOWN_MARKET, 'arrived']]);
    await centre.until('left the town centre', (i) => i.queueOf(no).some((q) => q.change === 'left'));

    expect((await api.act(TANGXIA.reviewer, no, { type: 'APPROVE', opinion: '准予许可' })).status).toBe(200);
    expect((await api.act(TANGXIA.reviewer, no, { type: 'ISSUE', licenceNo: 'JY13303810000002' })).status).toBe(200);
    await market.until('left the town market desk', (i) => i.queueOf(no).some((q) => q.change === 'left'));
    await centre.until('back at the town centre to deliver', (i) => i.queueOf(no).filter((q) => q.change === 'arrived').length === 2);
    expect(centre.queueOf(no).every((q) => q.desk === TOWN_CENTRE)).toBe(true);
    // The delegating bureau's desk never had it.
    expect(county.queueOf(no)).toEqual([]);
  });
});
