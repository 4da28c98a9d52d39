/** The server in a process of its own, so the load generator does not share its event loop. */
import pino from 'pino';
import { BENCH_LICENCE_SIGNING_KEY } from './benchKey';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { startServer } from '../server/server';

async function main() {
  // The load comes from one address: the per-address limits would measure themselves, not the engine.
  const unlimited = { QUERY_CODE_MAX_FAILURES: '1000000', FILING_LIMIT: '1000000', APPLICANT_ACTION_LIMIT: '1000000', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000' };
  // A simulated clock (bench:year's last day of 2016) is for demo and training only: refused in production.
  const config = loadConfig({ ...process.env, NODE_ENV: process.env.CLOCK_START ? 'development' : 'production', SEED_ON_START: 'false', LOG_LEVEL: 'silent', LICENCE_SIGNING_KEY: BENCH_LICENCE_SIGNING_KEY, ...unlimited });
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
