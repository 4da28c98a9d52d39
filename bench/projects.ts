/**
 * npm run bench:projects — investment projects on SQLite (a fresh seeded
 * database in a temporary folder), on the service layer:
 * - the demo projects made through the commands (BENCH_PROJECTS_PER_COUNTY per county, default 3: 36 projects);
 * - starting a stage: START_STAGE and every item's case filed in one transaction (BENCH_STAGES, default 60),
 *   next to filing the same number of cases one by one (each its own transaction);
 * - a project case's ACCEPT (the case, the project's CASE_MOVED and its clocks refreshed in one transaction)
 *   next to a plain case's ACCEPT;
 * - the supervisors' board over every project (computed live) and one project's clock.
 * Prints a table and writes bench/results/projects.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { findUserByUsername } from '../db/repositories/users';
import { DEMO } from '../db/seed/users';
import type { Actor } from '../server/auth/actor';
import { fileCase } from '../server/commands/fileCase';
import { transitionCase } from '../server/commands/transitionCase';
import { loadConfig } from '../server/config';
import { createContext, type AppContext } from '../server/context';
import { loadProjectBoard } from '../server/projects/projectBoardView';
import { loadProjectClock } from '../server/projects/projectClockView';
import { seedDemoProjects } from '../server/projects/demoProjects';
import { registerProject } from '../server/projects/registerProject';
import { startStage } from '../server/projects/startStage';
import { BENCH_LICENCE_SIGNING_KEY } from './benchKey';
import { prepare } from './prepare';
import { summarise, timed } from './stats';

const PER_COUNTY = Number(process.env.BENCH_PROJECTS_PER_COUNTY ?? 3);
const STAGES = Number(process.env.BENCH_STAGES ?? 60);
const READS = 20;
const COUNTY_CENTRE = '330302000000';

async function user(ctx: AppContext, username: string): Promise<Actor> {
  return { kind: 'user', user: (await findUserByUsername(ctx.db.knex, username))! };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-projects-'));
  const url = `sqlite:${path.join(dir, 'bench.sqlite')}`;
  await prepare(url);
  const ctx = await createContext(
    loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, SEED_ON_START: 'false', JWT_SECRET: 'bench-secret-0123456789', SEARCH_HASH_KEY: 'bench-search-key-0123456789', LICENCE_SIGNING_KEY: BENCH_LICENCE_SIGNING_KEY, LOG_LEVEL: 'silent', SCHEDULER: 'off', GROUP_COMMIT_MAX: '1' }),
    { log: pino({ level: 'silent' }) },
  );
  try {
    const seedStart = performance.now();
    const seeded = await seedDemoProjects(ctx, { perCounty: PER_COUNTY });
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const investor = await user(ctx, 'investor');
    const clerk = await user(ctx, 'clerk.county');
    const owner = { name: '温州瓯越置业有限公司', uscc: '91330302MA2H7GKX1J', legalRep: '陈瓯越', phone: '13957700001' };
    const stageStarts: number[] = [];
    const casesPerStage: number[] = [];
    const projectCases: string[] = [];
    for (let i = 0; i < STAGES; i++) {
      const reg = await registerProject(ctx, { actor: investor, owner, name: `基准项目${i}`, location: '鹿城区五马街道', jurisdictionCode: DEMO.townCode, type: 'filing', industry: '70', investment: 10_000, landStatus: 'transferred' });
      const started = await timed(stageStarts, () => startStage(ctx, investor, reg.row.code, 1, { description: '基准：立项用地规划许可', delivery: 'pickup' }));
      casesPerStage.push(started.filed.length);
      const atCounty = started.filed.find((f) => f.case.centreCode === COUNTY_CENTRE);
      if (atCounty) projectCases.push(atCounty.case.caseNo);
    }
    const n = casesPerStage[0] ?? 2;
    const applicant = { type: 'organisation' as const, name: owner.name, phone: owner.phone, uscc: owner.uscc, legalRepresentative: owner.legalRep };
    const oneByOne: number[] = [];
    const plainCases: string[] = [];
    for (let i = 0; i < STAGES; i++) {
      await timed(oneByOne, async () => {
        for (let k = 0; k < n; k++) {
          const filed = await fileCase(ctx, { actor: investor, itemCode: '330300-GG-0067', centreCode: COUNTY_CENTRE, applicant, materials: ['申请书'], delivery: { mode: 'pickup' } });
          if (k === 0) plainCases.push(filed.case.caseNo);
        }
      });
    }
    const acceptProject: number[] = [];
    const acceptPlain: number[] = [];
    for (let i = 0; i < Math.min(projectCases.length, plainCases.length); i++) {
      await timed(acceptProject, () => transitionCase(ctx, { caseNo: projectCases[i]!, actor: clerk, action: { type: 'ACCEPT' } }));
      await timed(acceptPlain, () => transitionCase(ctx, { caseNo: plainCases[i]!, actor: clerk, action: { type: 'ACCEPT' } }));
    }
    const total = Number((await ctx.db.knex('projects').count({ n: '*' }).first())?.n ?? 0);
    const board: number[] = [];
    for (let i = 0; i < READS; i++) await timed(board, () => loadProjectBoard(ctx, ctx.db.knex, '330000000000/330300000000/', { state: 'open', page: 1, pageSize: 20 }));
    const busiest = await ctx.db.knex('aggregate_events').where({ aggregate: 'project' }).groupBy('aggregate_id').orderByRaw('count(*) desc').first('aggregate_id');
    const clock: number[] = [];
    for (let i = 0; i < READS; i++) await timed(clock, () => loadProjectClock(ctx, ctx.db.knex, Number(busiest.aggregate_id)));

    const results = {
      database: 'sqlite',
      demoProjects: { ...seeded, seconds: Math.round(seedSeconds * 100) / 100 },
      stageStart: { stages: STAGES, casesPerStage: n, latencyMs: summarise(stageStarts) },
      sameCasesOneByOne: { latencyMs: summarise(oneByOne) },
      acceptProjectCase: { latencyMs: summarise(acceptProject) },
      acceptPlainCase: { latencyMs: summarise(acceptPlain) },
      board: { projects: total, latencyMs: summarise(board) },
      projectClock: { latencyMs: summarise(clock) },
      machine: { cpus: os.cpus().length, node: process.version },
    };
    console.table({
      'demo projects (seed)': { n: seeded?.projects ?? 0, p50: '', p99: '', seconds: results.demoProjects.seconds },
      [`stage start (${n} cases, one txn)`]: { n: STAGES, p50: results.stageStart.latencyMs.p50, p99: results.stageStart.latencyMs.p99 },
      [`${n} cases filed one by one`]: { n: STAGES, p50: results.sameCasesOneByOne.latencyMs.p50, p99: results.sameCasesOneByOne.latencyMs.p99 },
      'ACCEPT, project case': { n: acceptProject.length, p50: results.acceptProjectCase.latencyMs.p50, p99: results.acceptProjectCase.latencyMs.p99 },
      'ACCEPT, plain case': { n: acceptPlain.length, p50: results.acceptPlainCase.latencyMs.p50, p99: results.acceptPlainCase.latencyMs.p99 },
      [`board (${total} projects)`]: { n: READS, p50: results.board.latencyMs.p50, p99: results.board.latencyMs.p99 },
      'one project clock': { n: READS, p50: results.projectClock.latencyMs.p50, p99: results.projectClock.latencyMs.p99 },
    });
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', 'projects.json'), JSON.stringify(results, null, 2));
    console.log('written: bench/results/projects.json');
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
