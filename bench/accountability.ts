/**
 * npm run bench:accountability — issue 14's reads and writes over real HTTP,
 * the server in a process of its own, on a fresh seeded SQLite database (the
 * power lists' 100,000 entries, the transfer list, the delegation deeds):
 * - the public power list (the city's page, a word search, the counties' permits), the versions with their figures
 *   counted from the entries, the city's two versions compared, one entry with its responsibility list;
 * - the function-transfer list and the delegation deeds;
 * - 好差评: a bad rating (the rating, its desk and staff, and the rectification opened in one transaction) next to a
 *   good one, the supervisors' figures, and a case's accountability (问责).
 * Prints a table and writes bench/results/accountability.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO, DEMO_PASSWORD } from '../db/seed/users';
import { post } from './http';
import { prepare } from './prepare';
import { startServerProcess } from './processes';
import { summarise, timed, type Summary } from './stats';

const READS = Number(process.env.BENCH_READS ?? 30);
const RATINGS = Number(process.env.BENCH_RATINGS ?? 40);

async function get(base: string, pathname: string, token?: string): Promise<any> {
  const r = await fetch(`${base}${pathname}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const json = await r.json();
  if (r.status !== 200) throw new Error(`${pathname}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

async function reads(n: number, f: () => Promise<unknown>): Promise<Summary> {
  await f(); // warm-up: JIT, the database's page cache
  const samples: number[] = [];
  for (let i = 0; i < n; i++) await timed(samples, f);
  return summarise(samples);
}

const rating = (overall: number) => ({ stage: 'accept', overall, efficiency: overall, guideAccuracy: overall, convenience: overall, usability: overall, ...(overall <= 2 ? { comment: '基准：差评' } : {}) });

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-accountability-'));
  const url = `sqlite:${path.join(dir, 'bench.sqlite')}`;
  await prepare(url);
  const server = await startServerProcess(url, { SCHEDULER: 'off' });
  const base = server.base;
  try {
    const token = async (username: string) => (await post(base, '/api/auth/login', { username, password: DEMO_PASSWORD })).token as string;
    const [applicant, clerk, supervisor] = [await token('applicant'), await token('clerk.village'), await token('supervisor.city')];

    const versions = (await get(base, '/api/powers/versions?level=city&pageSize=10')).versions as { id: number }[];
    const entry = (await get(base, '/api/powers?level=city&pageSize=1')).powers[0].code as string;
    const figures: Record<string, Summary> = {
      'power list, city page (20 of 4,168)': await reads(READS, () => get(base, '/api/powers?level=city&pageSize=20')),
      'power list, word search': await reads(READS, () => get(base, `/api/powers?level=city&q=${encodeURIComponent('道路运输')}&pageSize=20`)),
      'power list, counties’ permits': await reads(READS, () => get(base, `/api/powers?level=county&type=${encodeURIComponent('行政许可')}&pageSize=20`)),
      'versions with figures': await reads(READS, () => get(base, '/api/powers/versions?pageSize=100')),
      'compare 2 city versions': await reads(READS, () => get(base, `/api/powers/versions/compare?from=${versions[0]!.id}&to=${versions[1]!.id}&pageSize=20`)),
      'one power with its responsibilities': await reads(READS, () => get(base, `/api/powers/${entry}`)),
      'transfer list (252 functions)': await reads(READS, () => get(base, '/api/transfers?pageSize=20')),
      'delegation deeds': await reads(READS, () => get(base, '/api/delegations?pageSize=20')),
    };

    // Cases of the applicant account accepted at the village: each rated once at acceptance, bad and good in turn.
    const cases: string[] = [];
    for (let i = 0; i < RATINGS * 2; i++) {
      const filed = await post(base, '/api/cases', { itemCode: DEMO.cityItemCode, centreCode: DEMO.villageCode, applicant: { name: '压测', idNumber: '330302199001011235', phone: '13800000000' }, materials: ['申请书', '营业执照'], delivery: { mode: 'pickup' } }, applicant);
      await post(base, `/api/cases/${filed.caseNo}/actions`, { type: 'ACCEPT', opinion: '基准受理' }, clerk);
      cases.push(filed.caseNo);
    }
    const bad: number[] = [];
    const good: number[] = [];
    for (let i = 0; i < cases.length; i++) {
      const overall = i % 2 === 0 ? 1 : 5;
      await timed(overall === 1 ? bad : good, () => post(base, `/api/cases/${cases[i]}/rating`, rating(overall), applicant));
    }
    figures['rating, bad (opens a rectification)'] = summarise(bad);
    figures['rating, good'] = summarise(good);
    figures['supervisors’ rating figures'] = await reads(READS, () => get(base, '/api/ratings/supervision', supervisor));
    figures['a case’s accountability (问责)'] = await reads(READS, () => get(base, `/api/cases/${cases[0]}/accountability`, supervisor));

    const results = { database: 'sqlite', reads: READS, ratings: RATINGS, latencyMs: figures, machine: { cpus: os.cpus().length, node: process.version } };
    console.table(Object.fromEntries(Object.entries(figures).map(([k, s]) => [k, { n: s.count, p50: s.p50, p99: s.p99, max: s.max }])));
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', 'accountability.json'), JSON.stringify(results, null, 2));
    console.log('written: bench/results/accountability.json');
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
