import { findUserById, type UserRow } from '../../db/repositories/users';
import type { AppContext } from '../context';

interface Entry {
  user: UserRow | undefined;
  until: number;
}

/**
 * Users as token checks read them, kept for AUTH_CACHE_MS so that a busy
 * desk's requests do not each cost a database round trip. A save of the user
 * in this process drops the entry at once (`userSaved`); one in another process
 * reaches here through the Redis adapter before that process cuts the user's
 * sockets (server/realtime/revocation.ts); a change made where neither can
 * tell (the CLI on another machine) is seen within AUTH_CACHE_MS at most.
 */
class UserCache {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly ctx: AppContext,
    private readonly ttlMs: number,
  ) {
    ctx.events.on('userSaved', ({ userId }) => this.forget(userId));
  }

  async get(id: number): Promise<UserRow | undefined> {
    const now = Date.now();
    const hit = this.entries.get(id);
    if (hit && hit.until > now) return hit.user;
    const user = await findUserById(this.ctx.db.knex, id);
    // Bounded: tokens name at most the accounts there are, but a forged id must not grow the map without end.
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(id, { user, until: now + this.ttlMs });
    return user;
  }

  forget(id: number): void {
    this.entries.delete(id);
  }
}

const caches = new WeakMap<AppContext, UserCache>();

function cacheOf(ctx: AppContext): UserCache {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new UserCache(ctx, ctx.config.AUTH_CACHE_MS)));
  return c;
}

/** The user row behind a token's subject: from the cache when AUTH_CACHE_MS allows, else from the database. */
export function userForToken(ctx: AppContext, id: number): Promise<UserRow | undefined> {
  return ctx.config.AUTH_CACHE_MS > 0 ? cacheOf(ctx).get(id) : findUserById(ctx.db.knex, id);
}

/** Drops a user's cached row (a save in another process, told through the adapter). */
export function forgetUser(ctx: AppContext, id: number): void {
  caches.get(ctx)?.forget(id);
}
