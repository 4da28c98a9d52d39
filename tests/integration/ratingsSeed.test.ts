import { seedDemoRatings } from '../../server/ratings/demoRatings';
import { Api } from '../helpers/api';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * The demo ratings of `npm start`: made through the commands, once, with rectifications at several stages. On
 * MariaDB in a database of its own: the shared test database holds other files' ratings, and the seed runs only on none.
 */
describe('the demo ratings', () => {
  const api = new Api('');
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startLiveServer('ratings_seed');
    api.baseUrl = srv.url;
  }, 60_000);
  afterAll(() => srv?.close());

  it('rates six demo cases and takes their rectifications to several stages, every step an event', async () => {
    expect(await seedDemoRatings(srv.ctx)).toEqual({ cases: 6, ratings: 7 });
    const states = (await srv.ctx.db.knex('rectifications').orderBy('id').select('state')).map((r: { state: string }) => r.state);
    expect(states).toEqual(['verifying', 'resolved', 'resolving', 'closed', 'appealed']);
    const events = await srv.ctx.db.knex('aggregate_events').where({ aggregate: 'rectification' }).count({ n: '*' });
    expect(Number(events[0]!.n)).toBe(5 + 3 + 2 + 3 + 3);
    expect(await seedDemoRatings(srv.ctx)).toBeNull();
    const figures = (await api.as('supervisor.city', 'GET', '/api/ratings/supervision')).body;
    expect(figures.rectifications).toMatchObject({ open: 3, resolved: 2, dismissed: 0 });
    expect(figures.callBack).toMatchObject({ realNameBad: 4, calledBack: 3, missing: [expect.objectContaining({ state: 'verifying' })] });
    const desk = (await api.as('reviewer.city', 'GET', '/api/desk/rectifications')).body.rectifications;
    expect(desk.map((r: { state: string }) => r.state).sort()).toEqual(['appealed', 'closed', 'resolved', 'verifying']);
  });
});
