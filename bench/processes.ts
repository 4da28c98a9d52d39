import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface BenchServer {
  base: string;
  child: ChildProcess;
  /** The server process's resident memory now, in bytes (Linux /proc). */
  rss(): number;
  stop(): Promise<void>;
}

/** Starts bench/serverProcess.ts in a child process and resolves with its base URL. */
export async function startServerProcess(url: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const child = fork(path.join(__dirname, 'serverProcess.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: url, JWT_SECRET: 'bench-secret-0123456789', SEARCH_HASH_KEY: 'bench-search-key-0123456789', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    rss: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await exited;
    },
  };
}
