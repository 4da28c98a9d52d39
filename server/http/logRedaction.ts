import { stdSerializers } from 'pino-http';

/**
 * Query parameters that may carry personal data (a search by ID number,
 * USCC or phone: GET /api/cases?q=): never written to a log (DESIGN.md,
 * personal data).
 */
const PERSONAL_PARAMS = ['q'];

/** The URL with those parameters' values replaced by "[redacted]". */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  let changed = false;
  for (const name of PERSONAL_PARAMS) {
    if (params.has(name)) {
      params.set(name, '[redacted]');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, at)}?${params.toString()}` : url;
}

/** pino-http's request serializer, with the URL and query redacted. */
export function redactedRequest(req: Parameters<typeof stdSerializers.req>[0]) {
  const out = stdSerializers.req(req) as { url?: string; query?: Record<string, unknown> };
  if (out.url) out.url = redactUrl(out.url);
  if (out.query) out.query = Object.fromEntries(Object.entries(out.query).map(([k, v]) => [k, PERSONAL_PARAMS.includes(k) ? '[redacted]' : v]));
  return out;
}
