import { io as connect, type Socket } from 'socket.io-client';
import type { CaseUpdated, ClientToServerEvents, ServerToClientEvents } from '../../workflows/socketContract';
import { Api, buildCase } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('smoke', () => {
  let srv: TestServer;
  let api: Api;
  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());
  it('applicant receives transitions', async () => {
    const filed = await api.file(buildCase());
    const s: Socket<ServerToClientEvents, ClientToServerEvents> = connect(srv.url, { auth: { caseNo: filed.caseNo, queryCode: filed.queryCode }, transports: ['websocket'] });
    const got: CaseUpdated[] = [];
    s.on('case:updated', (e) => got.push(e));
    const ack = await s.emitWithAck('case:subscribe', { caseNo: filed.caseNo, sinceSeq: 0 });
    expect(ack).toMatchObject({ ok: true, replayed: 1 });
    await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: 'ok' });
    await new Promise((r) => setTimeout(r, 300));
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3]);
    s.close();
  });
});
