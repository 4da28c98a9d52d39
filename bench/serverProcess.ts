/** The server in a process of its own, so the HTTP load generator does not share its event loop. */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createContext } from '../server/context';

async function main() {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', SEED_ON_START: 'false', LOG_LEVEL: 'silent', QUERY_CODE_MAX_FAILURES: '1000000' });
  const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
  const server = createApp(ctx).listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  process.on('disconnect', () => {
    server.close();
    void ctx.close().then(() => process.exit(0));
  });
}

void main();
