import { loadConfig } from '../../server/config';
import { addressFrom, addressKey, compileTrust } from '../../server/security/clientAddress';

/** TRUST_PROXY as configuration, and the address a rate limit is keyed by. */
describe('TRUST_PROXY', () => {
  const trustOf = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY;

  it('trusts no proxy by default, so X-Forwarded-For is ignored', () => {
    expect(trustOf()).toBe(false);
    const trust = compileTrust(trustOf());
    expect(addressFrom({ 'x-forwarded-for': '203.0.113.9' }, '127.0.0.1', trust)).toBe('127.0.0.1');
  });

  it('reads a hop count, true, or a list of addresses, subnets and names as Express does', () => {
    expect(trustOf('1')).toBe(1);
    expect(trustOf('true')).toBe(true);
    expect(trustOf('false')).toBe(false);
    expect(trustOf('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    const headers = { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' };
    expect(addressFrom(headers, '127.0.0.1', compileTrust(1))).toBe('203.0.113.9');
    expect(addressFrom(headers, '127.0.0.1', compileTrust(['loopback']))).toBe('203.0.113.9');
    // Only the proxies named are believed: from elsewhere the header is ignored.
    expect(addressFrom(headers, '192.0.2.1', compileTrust(['loopback']))).toBe('192.0.2.1');
  });

  it('refuses a value that names no address, with the variable in the message', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'not-an-address' })).toThrow(/TRUST_PROXY/);
  });
});

describe('addressKey', () => {
  it('keys IPv4 as is, also when IPv4-mapped', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('keys IPv6 by its /64 however it is written', () => {
    const key = addressKey('2001:db8:1:2::a');
    expect(key).toBe('2001:db8:1:2::/64');
    for (const a of ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:DB8:1:2:0:0:0:1', '2001:db8:1:2::1.2.3.4', '2001:db8:1:2::1%eth0']) {
      expect(addressKey(a)).toBe(key);
    }
    expect(addressKey('2001:db8:1:3::a')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
