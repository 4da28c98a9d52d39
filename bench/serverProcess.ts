/** The server in a process of its own, so the load generator does not share its event loop. */
import pino from 'pino';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { startServer } from '../server/server';

async function main() {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', SEED_ON_START: 'false', LOG_LEVEL: 'silent', QUERY_CODE_MAX_FAILURES: '1000000' });
  const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
  const running = await startServer(ctx, 0, '127.0.0.1');
  process.send?.({ port: running.port });
  process.on('disconnect', () => {
    void running
      .stop()
      .then(() => ctx.close())
      .then(() => process.exit(0));
  });
}

void main();
