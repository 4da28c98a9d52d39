import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/**
 * Who the client is, for rate limits and logs. Only proxies named by
 * TRUST_PROXY may add to X-Forwarded-For; by default nobody may, so the
 * address is the TCP peer's and a forged header changes nothing. HTTP
 * (Express's req.ip) and Socket.IO handshakes use the same compiled rule.
 */
export type TrustProxy = boolean | number | string[];
export type TrustFn = (addr: string, hop: number) => boolean;

/** TRUST_PROXY as Express's 'trust proxy' reads it: false, true, a hop count, or addresses/subnets/loopback,uniquelocal,... */
export const trustProxySetting = z
  .string()
  .default('false')
  .transform((raw, ctx): TrustProxy => {
    const v = raw.trim();
    if (v === '' || v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) return Number(v);
    const list = v.split(',').map((s) => s.trim()).filter(Boolean);
    try {
      proxyaddr.compile(list);
    } catch (err) {
      ctx.issues.push({ code: 'custom', input: raw, message: `false, true, a hop count, or addresses/subnets (${(err as Error).message})` });
      return z.NEVER;
    }
    return list;
  });

/** The same compilation Express applies to its 'trust proxy' setting. */
export function compileTrust(setting: TrustProxy): TrustFn {
  if (setting === true) return () => true;
  if (setting === false) return proxyaddr.compile([]);
  if (typeof setting === 'number') return (_addr, hop) => hop < setting;
  return proxyaddr.compile(setting);
}

/** The client's address as the trusted proxies report it (for a socket: its handshake's peer and headers). */
export function addressFrom(headers: Record<string, string | string[] | undefined>, peer: string, trust: TrustFn): string {
  const req = { headers, socket: { remoteAddress: peer } } as unknown as Parameters<typeof proxyaddr>[0];
  return proxyaddr(req, trust);
}

/**
 * The rate-limit key of an address: IPv4 as is (also when IPv4-mapped in
 * IPv6), IPv6 by its /64, since one home or phone holds a whole /64 and could
 * otherwise take a fresh budget per address.
 */
export function addressKey(address: string | undefined): string {
  const a = (address ?? '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) return mapped[1]!;
  if (isIP(a) !== 6) return a || 'unknown';
  const groups = ipv6Groups(a);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : a;
}

function ipv6Groups(a: string): string[] | null {
  let text = a.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [b0, b1, b2, b3] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const all = [...left, ...fill, ...right];
  return all.length === 8 ? all.map((g) => (parseInt(g, 16) || 0).toString(16)) : null;
}
