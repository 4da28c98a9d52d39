import { redactUrl } from '../../server/http/logRedaction';
import { Api, buildCase, fakeIdNumber } from '../helpers/api';
import { cleanupServers, sharedDbUrl, spawnServer } from '../helpers/serverProcess';
import { waitUntil } from '../helpers/sockets';

/*
 * A search by ID number or phone puts the number in the request's query
 * (GET /api/cases?q=): the server's log must not repeat it (DESIGN.md:
 * personal data never in logs).
 */
afterAll(() => cleanupServers());

describe('searching by a personal number', () => {
  it('redacts the search text from a URL, and only it', () => {
    expect(redactUrl('/api/cases?q=33030219900101123X&page=2')).toBe('/api/cases?q=%5Bredacted%5D&page=2');
    expect(redactUrl('/api/cases?scope=330302000000')).toBe('/api/cases?scope=330302000000');
    expect(redactUrl('/api/queue')).toBe('/api/queue');
  });

  it('leaves no ID number or phone in the server’s log', async () => {
    const server = await spawnServer({ dbUrl: await sharedDbUrl(), env: { LOG_LEVEL: 'info', JWT_SECRET: 'privacy-test-secret-0123', SEARCH_HASH_KEY: 'privacy-test-search-key-01' } });
    const api = new Api(server.url);
    const idNumber = fakeIdNumber();
    const phone = '13977775555';
    const filed = await api.file(buildCase({ applicant: { name: '日志测试', idNumber, phone } }));
    for (const q of [idNumber, phone]) {
      const res = await api.as('supervisor.county', 'GET', `/api/cases?q=${q}`);
      expect(res.body.cases.map((c: any) => c.caseNo)).toEqual([filed.caseNo]);
    }
    const searches = () => server.logs.filter((l) => typeof l.req?.url === 'string' && l.req.url.startsWith('/api/cases?q='));
    await waitUntil('both searches logged', () => searches().length === 2);
    expect(searches().map((l) => l.req.url)).toEqual(['/api/cases?q=%5Bredacted%5D', '/api/cases?q=%5Bredacted%5D']);
    const everything = JSON.stringify(server.logs);
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain(phone);
  });
});
