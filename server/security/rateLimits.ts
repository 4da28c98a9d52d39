import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { addressKey, compileTrust, type TrustFn } from './clientAddress';
import { openLimiterStore, type LimiterStore } from './limiterStore';

/** 429 RATE_LIMITED with how long to wait; HTTP answers add it as Retry-After (see httpLimits.ts). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', 429, message, { retryAfterSeconds });
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Usernames are looked up without regard to case or spacing; their failure counts are too. */
export const accountKey = (username: string) => username.normalize('NFKC').trim().toLowerCase();

/**
 * Every limit of the application, on one shared store (see limiterStore.ts):
 *
 * - log-in failures per account, and a far larger number per address, so one
 *   person guessing at a centre behind one NAT locks out only the account
 *   guessed at; a successful log-in clears that account's failures;
 * - wrong query codes (wrong code, or unknown case) per address, counted
 *   alike over HTTP and sockets; right codes and other errors never count;
 * - the public's filings and actions on cases (no token, or an applicant
 *   account) per address, a throttle generous enough for a family; staff at
 *   a counter are never throttled this way.
 *
 * A used-up failure budget refuses the next attempt, even a right one, until
 * its window ends (Retry-After says when). Keys are addresses as addressKey
 * makes them, from the client address that TRUST_PROXY decides.
 */
export class RateLimits {
  readonly trust: TrustFn;
  private readonly loginAccount: RateLimiterAbstract;
  private readonly loginAddress: RateLimiterAbstract;
  private readonly codes: RateLimiterAbstract;
  private readonly filings: RateLimiterAbstract;
  private readonly actions: RateLimiterAbstract;

  constructor(
    config: Config,
    private readonly store: LimiterStore,
  ) {
    this.trust = compileTrust(config.TRUST_PROXY);
    const p = config.RATE_LIMIT_PREFIX;
    const minutes = (m: number) => Math.ceil(m * 60);
    this.loginAccount = store.make({ keyPrefix: `${p}:login-account`, points: config.LOGIN_MAX_FAILURES, durationSeconds: minutes(config.LOGIN_WINDOW_MINUTES) });
    this.loginAddress = store.make({ keyPrefix: `${p}:login-address`, points: config.LOGIN_MAX_FAILURES_PER_ADDRESS, durationSeconds: minutes(config.LOGIN_WINDOW_MINUTES) });
    this.codes = store.make({ keyPrefix: `${p}:query-code`, points: config.QUERY_CODE_MAX_FAILURES, durationSeconds: minutes(config.QUERY_CODE_WINDOW_MINUTES) });
    this.filings = store.make({ keyPrefix: `${p}:filing`, points: config.FILING_LIMIT, durationSeconds: minutes(config.FILING_WINDOW_MINUTES) });
    this.actions = store.make({ keyPrefix: `${p}:applicant-action`, points: config.APPLICANT_ACTION_LIMIT, durationSeconds: minutes(config.APPLICANT_ACTION_WINDOW_MINUTES) });
  }

  /**
   * One log-in attempt: a failure is spent from the account's and the
   * address's budgets before the password is checked (so parallel attempts
   * cannot overrun them), and given back if the log-in succeeds, when the
   * account's failures start over. `verify` answers the logged-in user, or
   * null. 429 while either budget is used up.
   */
  async loginAttempt<T>(username: string, address: string, verify: () => Promise<T | null>): Promise<T | null> {
    const account = accountKey(username);
    const addr = addressKey(address);
    await this.spend([
      [this.loginAccount, account],
      [this.loginAddress, addr],
    ], 'Too many failed log-ins');
    const ok = await verify();
    // The address's count is only refunded: one known password must not wipe its failures.
    if (ok !== null) await Promise.all([this.loginAccount.delete(account), this.loginAddress.reward(addr)]);
    return ok;
  }

  /**
   * One query-code check (a case number with a code, over HTTP or a socket):
   * refused while the address's budget is used up; otherwise the code is
   * checked and only a wrong code (or an unknown case) spends a guess. So
   * whatever follows a right code (a 409 on an action, say) never counts, and
   * a village centre's applicants following their own cases at once, behind
   * one address, never spend each other's budget. Guesses in flight together
   * may overrun the budget by their number, which against ~40 bits of code
   * is nothing.
   */
  async queryCodeAttempt(address: string, check: () => boolean | Promise<boolean>): Promise<boolean> {
    const key = addressKey(address);
    const used = await this.codes.get(key);
    if (used && used.consumedPoints >= this.codes.points) {
      const wait = seconds(used.msBeforeNext);
      throw new RateLimitedError(`Too many failed case lookups; try again in ${wait} seconds`, wait);
    }
    const ok = await check();
    if (!ok) await this.codes.consume(key).catch((res: unknown) => {
      if (!(res instanceof RateLimiterRes)) throw res;
    });
    return ok;
  }

  /** One filing by the public; refused once the address has used its budget. */
  async takeFiling(address: string): Promise<void> {
    await this.spend([[this.filings, addressKey(address)]], 'Too many cases filed from this address');
  }

  /** One action on a case by the public (query code or applicant account); refused once the address has used its budget. */
  async takeApplicantAction(address: string): Promise<void> {
    await this.spend([[this.actions, addressKey(address)]], 'Too many actions on cases from this address');
  }

  close(): Promise<void> {
    return this.store.close();
  }

  /** Takes one point from each budget; if any is used up, gives the others back and refuses with the longest wait. */
  private async spend(budgets: Array<[RateLimiterAbstract, string]>, what: string): Promise<void> {
    const results = await Promise.allSettled(budgets.map(([limiter, key]) => limiter.consume(key)));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (refused.length === 0) return;
    await Promise.all(budgets.map(([limiter, key], i) => (results[i]!.status === 'fulfilled' ? limiter.reward(key) : undefined)));
    const fault = refused.find((r) => !(r instanceof RateLimiterRes));
    if (fault) throw fault;
    const wait = seconds(Math.max(...refused.map((r) => (r as RateLimiterRes).msBeforeNext)));
    throw new RateLimitedError(`${what}; try again in ${wait} seconds`, wait);
  }
}

/** Opens the shared store (Redis when REDIS_URL is set, else the database) and the limits on it. */
export async function openRateLimits(ctx: AppContext): Promise<RateLimits> {
  const store = await openLimiterStore({ redisUrl: ctx.config.REDIS_URL, db: ctx.db, databaseUrl: ctx.config.DATABASE_URL, log: ctx.log });
  ctx.log.info({ store: store.kind, trustProxy: ctx.config.TRUST_PROXY }, 'rate limits are counted in one store shared by every process');
  return new RateLimits(ctx.config, store);
}
