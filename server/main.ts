import { loadConfig } from './config';
import { createContext } from './context';
import { startServer } from './server';
import { seedDemoProjects } from './projects/demoProjects';
import { seedDemoRatings } from './ratings/demoRatings';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const ctx = await createContext(config);
  // The demo's investment projects, made through the commands after the demo data (only where there are none).
  if (config.SEED_ON_START) {
    const projects = await seedDemoProjects(ctx);
    if (projects) ctx.log.info(projects, 'seeded demo investment projects');
    const ratings = await seedDemoRatings(ctx);
    if (ratings) ctx.log.info(ratings, 'seeded demo ratings (好差评)');
  }
  const running = await startServer(ctx, config.PORT, config.HOST);
  ctx.log.info(
    { port: running.port, database: ctx.db.dialect, redis: Boolean(config.REDIS_URL), publisher: config.PUBLISHER, scheduler: config.SCHEDULER },
    `approval engine listening on http://localhost:${running.port}`,
  );
  if (config.CLOCK_START) ctx.log.warn({ now: ctx.now().toISOString() }, 'CLOCK_START is set: the server runs on a shifted clock');
  const stop = async (signal: string) => {
    ctx.log.info({ signal }, 'shutting down');
    await running.stop();
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main().catch((err) => {
  const e = err as NodeJS.ErrnoException & { port?: number };
  // The common mistakes get one line each, not a stack trace.
  if (e.code === 'EADDRINUSE') console.error(`Port ${e.port ?? process.env.PORT ?? 3000} is in use: another server is running? Stop it, or set PORT=… to another port.`);
  else if (e.code === 'EACCES') console.error(`Port ${e.port ?? process.env.PORT ?? 3000} may not be opened by this user: set PORT=… to a port above 1023.`);
  else console.error(err);
  process.exit(1);
});
