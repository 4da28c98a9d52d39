import { z } from 'zod';
import { parseClusterUrl } from '../db/clusterConnection';
import { trustProxySetting } from './security/clientAddress';
import { DEFAULT_PROJECT_CLOCK_LIMITS, type ProjectClockLimits } from '../workflows/projectStages';
import type { ProjectType } from '../workflows/projectCode';

function parseProjectClockLimits(v: string): Record<ProjectType, ProjectClockLimits> {
  const limits = { ...DEFAULT_PROJECT_CLOCK_LIMITS };
  for (const part of v.split(',').filter(Boolean)) {
    const [type, days] = part.split('=') as [ProjectType, string];
    const [wholeDays, approvalWorkingDays] = days.split('/').map(Number);
    limits[type] = { wholeDays, approvalWorkingDays };
  }
  return limits;
}

function validHostList(url: string): boolean {
  try {
    parseClusterUrl(url);
    return true;
  } catch {
    return false;
  }
}

const onOff = (fallback: 'on' | 'off') =>
  z
    .enum(['on', 'off'])
    .default(fallback)
    .transform((v) => v === 'on');

const fields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|mysql:\/\/|mariadb:\/\/)/, 'must start with sqlite: or mysql://')
    // Several hosts (a Galera cluster, first one up serves): mysql://u:p@h1:3311,h2:3312/db.
    .refine(validHostList, 'a host list must be host:port,host:port')
    .default('sqlite:data/approval.sqlite'),
  JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Where a generated secret is kept when JWT_SECRET is unset (not in production); default beside the data. */
  JWT_SECRET_FILE: z.string().min(1).optional(),
  /** The key of the search hashes of personal numbers (server/search/searchHash.ts); required in production. */
  SEARCH_HASH_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Where a generated search key is kept when SEARCH_HASH_KEY is unset (not in production); default beside the data. */
  SEARCH_HASH_KEY_FILE: z.string().min(1).optional(),
  TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  YELLOW_AT: z.coerce.number().gt(0).lt(1).default(0.8),
  /** A case past its promised date this many working days is raised to the supervisors of the level above (督办). */
  ESCALATE_AFTER_RED_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'like 100kb or 1mb').default('100kb'),
  QUERY_CODE_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  QUERY_CODE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  // Rate limits (server/security/rateLimits.ts): one budget per key across HTTP, sockets and processes.
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(100),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  FILING_LIMIT: z.coerce.number().int().positive().default(30),
  FILING_WINDOW_MINUTES: z.coerce.number().positive().default(60),
  APPLICANT_ACTION_LIMIT: z.coerce.number().int().positive().default(60),
  APPLICANT_ACTION_WINDOW_MINUTES: z.coerce.number().positive().default(10),
  /** Namespace of the counters (Redis keys, rate_limits rows): deployments sharing a Redis keep apart. */
  RATE_LIMIT_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'letters, digits, _ . - (at most 40)').default('approval'),
  /** Which proxies may name the client in X-Forwarded-For (Express's 'trust proxy'); none by default. */
  TRUST_PROXY: trustProxySetting,
  SEED_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'like redis://127.0.0.1:6379').optional(),
  /** Other origins whose pages may call the API and open sockets (comma list); none by default: same origin only. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s,]+$/, 'origins like https://portal.example.gov.cn, no path or trailing slash'))),
  PUBLISHER: onOff('on'),
  SCHEDULER: onOff('on'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  /** How long a commit waits for others before the publisher claims them together (0: publish each at once). */
  PUBLISH_COALESCE_MS: z.coerce.number().int().min(0).max(100).default(2),
  /**
   * Group commit: transitions that arrive while one transaction commits are applied together in the next
   * (each validated and version-checked on its own). At most this many per transaction; 1 turns it off.
   */
  GROUP_COMMIT_MAX: z.coerce.number().int().min(1).max(1000).default(64),
  /** Batches in flight at once per process: one's round trips to the database overlap another's work here. */
  GROUP_COMMIT_PARALLEL: z.coerce.number().int().min(1).max(16).default(2),
  /** How long the first transition of a quiet moment waits for others before committing (0: not at all). */
  GROUP_COMMIT_WINDOW_MS: z.coerce.number().int().min(0).max(50).default(0),
  /** How long a token check may reuse the user row it read (0: read it on every request); saves drop it at once. */
  AUTH_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
  STATS_INTERVAL_MS: z.coerce.number().int().min(50).default(250),
  INSTANCE_ID: z.string().max(64).optional(),
  /** Where material files live: 'disk' (FILE_STORAGE_DIR, default data/files beside the SQLite file) or 'database' (shared by every process on one MySQL). Default: disk on SQLite, database on MySQL. */
  FILE_STORAGE: z.enum(['disk', 'database']).optional(),
  FILE_STORAGE_DIR: z.string().min(1).optional(),
  /** The largest material file, and the most a case may hold (MB), and how many files. */
  FILE_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  CASE_FILES_MAX_MB: z.coerce.number().positive().max(10240).default(200),
  CASE_FILES_MAX_COUNT: z.coerce.number().int().positive().max(10000).default(100),
  /** How long a file link handed out by the files list stays valid (seconds). */
  FILE_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /** The Ed25519 private key (PKCS#8 PEM) e-licences are signed with, or a file holding it; generated beside the data outside production. */
  LICENCE_SIGNING_KEY: z.string().min(40).optional(),
  LICENCE_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** Where the public reaches this server: e-licence QR codes open <PUBLIC_BASE_URL>/verify?code=… */
  PUBLIC_BASE_URL: z.string().regex(/^https?:\/\/[^\s]+[^/\s]$/, 'like https://zwfw.wenzhou.gov.cn, no trailing slash').default('http://localhost:3000'),
  /** How long an e-licence is valid from its issue date, in years, where the item says nothing else. */
  LICENCE_VALID_YEARS: z.coerce.number().int().min(1).max(50).default(5),
  /**
   * How long a licensing decision waits before the scheduler puts it on the public register (双公示), in
   * minutes (at most 30 days); whatever the hold, an entry appears by its due date (the decision + 7 working
   * days). 0: at the next pass.
   */
  PUBLICITY_HOLD_MINUTES: z.coerce.number().int().min(0).max(43_200).default(0),
  /**
   * The post-check (核查) of a written commitment (告知承诺) is due this many working days after filing (the
   * 20 working days a decision takes by default, so the check ends before the decision at the latest).
   */
  POST_CHECK_DAYS: z.coerce.number().int().min(1).max(120).default(20),
  /** A bad rating's rectification (整改, 好差评) is answered (fixed or explained) within this many working days. */
  RECTIFICATION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  /** The centre reviews an agency's registration (入驻) within this many working days. */
  MARKET_REVIEW_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** The chosen agency confirms (or declines) an order within this many hours; silence counts as declining. */
  MARKET_CONFIRM_HOURS: z.coerce.number().positive().max(720).default(48),
  /** One agency holds at most this many orders between confirmation and completion. */
  MARKET_MAX_OPEN_ORDERS: z.coerce.number().int().min(1).max(1000).default(10),
  /** The three-way rating's weights, client:department:centre (Yuyao's 5:3:2). */
  MARKET_RATING_WEIGHTS: z
    .string()
    .regex(/^\d+(\.\d+)?:\d+(\.\d+)?:\d+(\.\d+)?$/, 'three weights like 5:3:2')
    .default('5:3:2')
    .transform((v) => v.split(':').map(Number) as [number, number, number])
    .refine((w) => w.some((x) => x > 0), 'at least one weight above 0'),
  /**
   * An investment project's two limits per project type, `type=wholeDays/approvalWorkingDays`, comma-separated
   * (types: approval 审批, permit 核准, filing 备案); a type not named keeps Wenzhou's 100 days / 30 working days.
   * Zhejiang's later rule: `filing=90/30`.
   */
  PROJECT_CLOCK_LIMITS: z
    .string()
    .regex(/^$|^(approval|permit|filing)=\d{1,3}\/\d{1,3}(,(approval|permit|filing)=\d{1,3}\/\d{1,3})*$/, 'like filing=90/30,permit=100/30')
    .default('')
    .transform(parseProjectClockLimits),
  /** A dispatched proxy order (代办) is accepted or declined within this many hours; silence sends it to the next agent. */
  PROXY_ACCEPT_HOURS: z.coerce.number().positive().max(720).default(24),
  /** A proxy agent holds at most this many open orders; dispatch passes over an agent at the limit. */
  PROXY_MAX_LOAD: z.coerce.number().int().min(1).max(1000).default(8),
  /** The dispatch rule (派单): the order in which candidates are compared, comma-separated from area, skills, load. */
  PROXY_DISPATCH_ORDER: z
    .string()
    .regex(/^(area|skills|load)(,(area|skills|load)){0,2}$/, 'a comma-separated order of area, skills, load')
    .default('area,skills,load')
    .transform((v) => v.split(',') as ('area' | 'skills' | 'load')[])
    .refine((v) => new Set(v).size === v.length, 'each of area, skills, load at most once'),
  /** The log-in page lists the demo accounts (password included). Default: on, except with NODE_ENV=production, where it may not be on. */
  DEMO_MODE: z.enum(['on', 'off']).optional(),
  /** Demo and training only: the server's clock starts at this instant and runs on from there. */
  CLOCK_START: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO date-time such as 2024-09-27T10:00:00+08:00')
    .optional(),
});

const schema = fields.transform((c) => ({ ...c, DEMO_MODE: c.DEMO_MODE ? c.DEMO_MODE === 'on' : c.NODE_ENV !== 'production' }));

/** What the environment says; JWT_SECRET and SEARCH_HASH_KEY may be unset outside production (see server/auth/secret.ts). */
export type LoadedConfig = z.infer<typeof schema>;
/** The running configuration: the secrets are resolved by the time anything uses them (createContext). */
export type Config = Omit<LoadedConfig, 'JWT_SECRET' | 'SEARCH_HASH_KEY'> & { JWT_SECRET: string; SEARCH_HASH_KEY: string };

/** Parses the environment once; throws one readable message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production') {
    const lines = [
      ...(cfg.JWT_SECRET ? [] : ['  JWT_SECRET: required when NODE_ENV=production']),
      ...(cfg.SEARCH_HASH_KEY ? [] : ['  SEARCH_HASH_KEY: required when NODE_ENV=production']),
      ...(cfg.LICENCE_SIGNING_KEY || cfg.LICENCE_SIGNING_KEY_FILE ? [] : ['  LICENCE_SIGNING_KEY: required when NODE_ENV=production (the PEM of an Ed25519 private key, or LICENCE_SIGNING_KEY_FILE naming a file holding it)']),
      ...(cfg.CLOCK_START ? ['  CLOCK_START: not allowed when NODE_ENV=production'] : []),
      ...(cfg.DEMO_MODE ? ['  DEMO_MODE: not allowed when NODE_ENV=production (it shows the demo passwords)'] : []),
    ];
    if (lines.length) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return cfg;
}
