import { parseClusterUrl } from '../../db/clusterConnection';
import { loadConfig } from '../../server/config';

describe('a DATABASE_URL naming several hosts (a Galera cluster)', () => {
  it('is a host list, tried in the order given, each with the rest of the URL', () => {
    const c = parseClusterUrl('mysql://approval:pw@127.0.0.1:3312,127.0.0.1:3311,db3/approval_cluster?connectTimeout=2000');
    expect(c?.hosts).toEqual([
      { host: '127.0.0.1', port: 3312 },
      { host: '127.0.0.1', port: 3311 },
      { host: 'db3', port: 3306 },
    ]);
    expect(c?.urlFor(c.hosts[1]!)).toBe('mysql://approval:pw@127.0.0.1:3311/approval_cluster?connectTimeout=2000');
  });

  it('leaves a single-host URL to the usual path', () => {
    expect(parseClusterUrl('mysql://approval:approval@127.0.0.1:3306/approval')).toBeNull();
    expect(parseClusterUrl('sqlite:data/approval.sqlite')).toBeNull();
  });

  it('is refused by the configuration when a host is malformed', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@a:1,b:2/db' }).DATABASE_URL).toBe('mysql://u:p@a:1,b:2/db');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@a:1,:x/db' })).toThrow(/DATABASE_URL: a host list must be host:port,host:port/);
  });
});
