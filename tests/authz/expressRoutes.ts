import type { Express } from 'express';
import { createApp } from '../../server/app';
import type { AppContext } from '../../server/context';
import { openRateLimits } from '../../server/security/rateLimits';

/** The parts of Express 5's router (the `router` package) that say what is registered where. */
interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string | string[] | RegExp;
}

const join = (...parts: string[]) => `/${parts.join('/').split('/').filter(Boolean).join('/')}`;

/** Every route of an app as "METHOD /path" in Express's own syntax (`/api/cases/:caseNo`), through every mounted router. */
export function routesOf(app: Express): string[] {
  const found = new Set<string>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of [layer.route.path].flat()) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on) found.add(`${method === '_all' ? 'ALL' : method.toUpperCase()} ${join(prefix, path)}`);
          }
        }
      } else if (layer.handle?.stack) {
        if (layer.rawPath instanceof RegExp || Array.isArray(layer.rawPath)) throw new Error(`a router mounted at ${String(layer.rawPath)}: name its routes here`);
        walk(layer.handle.stack, join(prefix, layer.rawPath ?? ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...found].sort();
}

/** The routes of the app a server builds (server/server.ts), built here the same way over the test server's context. */
export async function registeredRoutes(ctx: AppContext): Promise<string[]> {
  const limits = await openRateLimits(ctx);
  try {
    return routesOf(createApp(ctx, limits));
  } finally {
    await limits.close();
  }
}
