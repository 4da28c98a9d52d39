/** The screens of bench:year, timed over real HTTP and a real socket against a server in its own process. */
import { io } from 'socket.io-client';
import { DEMO, DEMO_PASSWORD } from '../../db/seed/users';
import { summarise, type Summary } from '../stats';

export interface Screen {
  name: string;
  user: string;
  path?: string;
  /** A supervisor's socket: connect → first `stats:changed`. */
  socket?: true;
}

export function screensFor(sample: { caseNo: string; name: string; phone: string; queueUser: string }): Screen[] {
  const enc = encodeURIComponent;
  return [
    { name: 'city dashboard (30 days)', user: 'supervisor.city', path: '/api/stats/dashboard?days=30' },
    { name: 'county dashboard (30 days)', user: 'supervisor.county', path: '/api/stats/dashboard?days=30' },
    { name: 'city overview', user: 'supervisor.city', path: '/api/stats/overview' },
    { name: 'county overview', user: 'supervisor.county', path: `/api/stats/overview?scope=${DEMO.countyCode}` },
    { name: 'city supervisor socket → first stats:changed', user: 'supervisor.city', socket: true },
    { name: 'case search by name (city)', user: 'supervisor.city', path: `/api/cases?q=${enc(sample.name)}` },
    { name: 'case search by phone (city)', user: 'supervisor.city', path: `/api/cases?q=${sample.phone}` },
    { name: 'case search by number (county)', user: 'supervisor.county', path: `/api/cases?q=${sample.caseNo}` },
    { name: 'city case list (no q)', user: 'supervisor.city', path: '/api/cases' },
    { name: 'desk queue', user: sample.queueUser, path: '/api/queue' },
    { name: 'one case', user: 'supervisor.city', path: `/api/cases/${sample.caseNo}` },
    { name: 'its events', user: 'supervisor.city', path: `/api/cases/${sample.caseNo}/events` },
    { name: 'catalogue search', user: 'supervisor.city', path: `/api/items?q=${enc('食品')}` },
  ];
}

async function login(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`log-in ${username}: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

async function once(base: string, token: string, s: Screen): Promise<number> {
  const t0 = performance.now();
  if (s.socket) {
    const socket = io(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('stats:changed', () => resolve());
      socket.once('connect_error', reject);
    });
    const ms = performance.now() - t0;
    socket.close();
    return ms;
  }
  const r = await fetch(`${base}${s.path}`, { headers: { authorization: `Bearer ${token}` } });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${s.name}: ${r.status}`);
  return performance.now() - t0;
}

/** Each screen `rounds` times after one warm-up (fewer when one reading takes over `slowMs`). */
export async function timeScreens(base: string, screens: Screen[], rounds: number, slowMs = 3000): Promise<{ name: string; ms: Summary & { p95: number } }[]> {
  const tokens = new Map<string, string>();
  const out = [];
  for (const s of screens) {
    if (!tokens.has(s.user)) tokens.set(s.user, await login(base, s.user));
    const token = tokens.get(s.user)!;
    const first = await once(base, token, s);
    const samples: number[] = [];
    for (let i = 0; i < (first > slowMs ? 3 : rounds); i++) samples.push(await once(base, token, s));
    const sorted = [...samples].sort((a, b) => a - b);
    out.push({ name: s.name, ms: { ...summarise(samples), p95: Math.round(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]! * 100) / 100 } });
  }
  return out;
}
