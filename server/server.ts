import http from 'node:http';
import os from 'node:os';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Express } from 'express';
import { createClient } from 'redis';
import { createApp } from './app';
import type { AppContext } from './context';
import { attachGateway, type Gateway } from './realtime/gateway';
import { OutboxPublisher } from './realtime/publisher';
import { Scheduler } from './scheduler';
import { PublicityScheduler } from './publicity/publicityScheduler';
import { PostCheckScheduler } from './commitments/postCheckScheduler';
import { AgencyReviewScheduler } from './market/agencies/reviewScheduler';
import { OrderScheduler } from './market/orders/orderScheduler';
import { ProjectClockPass } from './projects/projectClockPass';
import { ProxyScheduler } from './proxy/proxyScheduler';
import { RectificationScheduler } from './ratings/rectificationScheduler';
import { answerClientError } from './http/clientError';
import { openRateLimits } from './security/rateLimits';

const DRAIN_MS = 5000;

export interface RunningServer {
  http: http.Server;
  /** The Express app (its routes are compared with the OpenAPI description in the tests). */
  app: Express;
  gateway: Gateway;
  publisher: OutboxPublisher | null;
  scheduler: Scheduler | null;
  /** Publishes the public register's entries (server/publicity/), wherever the deadline scheduler runs. */
  publicity: PublicityScheduler | null;
  /** Flags post-checks past their due date (server/commitments/), beside the deadline scheduler. */
  postChecks: PostCheckScheduler | null;
  /** Flags agency registrations and appeals the centre has not reviewed in time (server/market/agencies/). */
  agencyReviews: AgencyReviewScheduler | null;
  /** Fires purchase orders' timers (server/market/orders/): sign-up closing, draw, quotes, confirmation, overdue service. */
  marketOrders: OrderScheduler | null;
  projectClocks: ProjectClockPass | null;
  proxyOrders: ProxyScheduler | null;
  rectifications: RectificationScheduler | null;
  port: number;
  stop(): Promise<void>;
}

/**
 * One server process: HTTP API, Socket.IO gateway (with the Redis adapter
 * when REDIS_URL is set, so several processes share rooms), the outbox
 * publisher and the deadline scheduler.
 */
export async function startServer(ctx: AppContext, port: number, host: string): Promise<RunningServer> {
  const { config, log } = ctx;
  // One set of rate limits for HTTP and sockets, counted in Redis or the database so all processes share it.
  const limits = await openRateLimits(ctx);
  const app = createApp(ctx, limits);
  const server = http.createServer(app);
  server.on('clientError', answerClientError);
  const gateway = attachGateway(ctx, server, limits);
  const redis: ReturnType<typeof createClient>[] = [];
  if (config.REDIS_URL) {
    const pub = createClient({ url: config.REDIS_URL });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', (err) => log.error({ err }, 'redis error'));
    await Promise.all([pub.connect(), sub.connect()]);
    gateway.io.adapter(createAdapter(pub, sub));
    redis.push(pub, sub);
  }
  const instance = config.INSTANCE_ID ?? `${os.hostname()}:${process.pid}`;
  const publisher = config.PUBLISHER ? new OutboxPublisher(ctx, gateway.io, gateway.onPublished, gateway.onCounted, redis.length > 0, config.PUBLISH_COALESCE_MS) : null;
  const scheduler = config.SCHEDULER ? new Scheduler(ctx, instance) : null;
  const publicity = config.SCHEDULER ? new PublicityScheduler(ctx) : null;
  const postChecks = config.SCHEDULER ? new PostCheckScheduler(ctx) : null;
  const agencyReviews = config.SCHEDULER ? new AgencyReviewScheduler(ctx) : null;
  const marketOrders = config.SCHEDULER ? new OrderScheduler(ctx) : null;
  // Projects' clocks run on between changes; counted in whole days, so once a minute is plenty.
  const projectClocks = config.SCHEDULER ? new ProjectClockPass(ctx) : null;
  const proxyOrders = config.SCHEDULER ? new ProxyScheduler(ctx) : null;
  const rectifications = config.SCHEDULER ? new RectificationScheduler(ctx) : null;
  // A busy port rejects here (EADDRINUSE) instead of crashing the process from an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  publisher?.start(config.OUTBOX_POLL_MS);
  scheduler?.start(config.SCHEDULER_INTERVAL_MS);
  publicity?.start(config.SCHEDULER_INTERVAL_MS);
  postChecks?.start(config.SCHEDULER_INTERVAL_MS);
  agencyReviews?.start(config.SCHEDULER_INTERVAL_MS);
  marketOrders?.start(config.SCHEDULER_INTERVAL_MS);
  projectClocks?.start(Math.max(config.SCHEDULER_INTERVAL_MS, 60_000));
  proxyOrders?.start(config.SCHEDULER_INTERVAL_MS);
  rectifications?.start(config.SCHEDULER_INTERVAL_MS);
  gateway.stats.start(config.STATS_INTERVAL_MS);
  const addr = server.address();
  return {
    http: server,
    app,
    gateway,
    publisher,
    scheduler,
    publicity,
    postChecks,
    agencyReviews,
    marketOrders,
    projectClocks,
    proxyOrders,
    rectifications,
    port: typeof addr === 'object' && addr ? addr.port : port,
    /**
     * Graceful: stop taking connections, let requests in flight finish (at most
     * DRAIN_MS), finish a publisher batch and a scheduler pass, then let go.
     */
    async stop() {
      const closed = new Promise<void>((resolve) => gateway.io.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      await Promise.all([publisher?.stop(), scheduler?.stop(), publicity?.stop(), postChecks?.stop(), agencyReviews?.stop(), marketOrders?.stop(), projectClocks?.stop(), proxyOrders?.stop(), rectifications?.stop(), closed]);
      clearTimeout(force);
      gateway.stats.stop();
      await Promise.all([...redis.map((c) => c.quit().catch(() => undefined)), limits.close()]);
    },
  };
}
