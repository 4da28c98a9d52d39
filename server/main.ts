import { createApp } from './app';
import { loadConfig } from './config';
import { createContext } from './context';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const ctx = await createContext(config);
  const app = createApp(ctx);
  const server = app.listen(config.PORT, config.HOST, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
    ctx.log.info({ port, database: ctx.db.dialect }, `approval engine listening on http://localhost:${port}`);
    if (config.CLOCK_START) ctx.log.warn({ now: ctx.now().toISOString() }, 'CLOCK_START is set: the server runs on a shifted clock');
  });
  const stop = async (signal: string) => {
    ctx.log.info({ signal }, 'shutting down');
    server.close();
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
