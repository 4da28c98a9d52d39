import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

// A Host header as browsers send it: a name or IPv4 address, or a bracketed IPv6 one, and a port.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The security headers of every answer, API and web app alike (helmet). The
 * Content-Security-Policy is what the built web app needs and no more; the
 * browser tests fail on any violation of it (tests/helpers/browser.ts).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        // Vite emits module scripts from /assets only; nothing inline, nothing evaluated.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // antd's CSS-in-JS inserts <style> elements at run time, and React renders style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // Socket.IO connects to this same host; older browsers do not count ws:/wss: as 'self'.
        connectSrc: ["'self'", (req: IncomingMessage) => sameHostSockets(req.headers.host)],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // Tracking pages carry case numbers: no page address goes to another site.
    referrerPolicy: { policy: 'no-referrer' },
    // Whether sibling subdomains must use HTTPS is the operator's call, not ours.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
}

function sameHostSockets(host: string | undefined): string {
  // Only a well-formed Host goes into the policy: nothing a client sends can add another source.
  return host && HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/** The headers a cross-origin page may send (preflight). */
const ALLOW_HEADERS = 'Authorization, Content-Type, X-Query-Code';
/** The headers a cross-origin page may read: when to try again after a 429. */
const EXPOSE_HEADERS = 'Retry-After, RateLimit, RateLimit-Policy';

/**
 * CORS, explicitly: the web app is served from the API's own origin and needs
 * none. Only the origins in CORS_ORIGINS are answered with
 * Access-Control-Allow-Origin; a preflight from any other origin gets 204
 * without it, so the browser refuses the call. Tokens travel in the
 * Authorization header, never in cookies: no credentials are allowed.
 */
export function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (allowed.size > 0) res.vary('Origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (ok) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    if (req.method === 'OPTIONS' && origin !== undefined && req.get('access-control-request-method')) {
      if (ok) {
        res.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH');
        res.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
        res.set('Access-Control-Max-Age', '600');
      }
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * May a socket handshake from this Origin go on? CORS does not cover
 * WebSockets, so the gateway asks this itself: no Origin (not a browser),
 * the page's own host, or a configured origin.
 */
export function socketOriginAllowed(origin: string | undefined, host: string | undefined, origins: readonly string[]): boolean {
  if (!origin) return true;
  if (origins.includes(origin)) return true;
  try {
    return !!host && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Socket.IO's share of the same policy: CORS headers on long-polling for the
 * configured origins, and a handshake from a foreign page refused (403) on
 * every transport.
 */
export function socketOrigins(origins: readonly string[]) {
  return {
    cors: { origin: origins.length > 0 ? [...origins] : false },
    allowRequest: (req: IncomingMessage, done: (err: string | null | undefined, ok: boolean) => void) => {
      const ok = socketOriginAllowed(req.headers.origin, req.headers.host, origins);
      done(ok ? null : 'origin not allowed', ok);
    },
  };
}
