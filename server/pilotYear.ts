/**
 * npm run seed:pilot-year -- [--count 6043] [--year 2016] [--concurrency 64]
 *
 * Generates the online licence pilot's year (证照网上办理一条龙) into the
 * database DATABASE_URL names (server/pilot/generatePilotYear.ts): cases of
 * the 22 pilot items filed over the year's working days on a simulated clock
 * and driven through the one command path until `--count` of them are issued
 * and delivered by post or electronically. A second run adds only what is
 * missing. Run it with no server on the database: a server's scheduler, on
 * real time, would fire the simulated cases' timers mid-run.
 */
import { parseArgs } from 'node:util';
import pino, { type Logger } from 'pino';
import { PILOT_FACTS } from '../db/seed/eLicencePilot';
import type { LoadedConfig } from './config';
import { createContext } from './context';
import { generatePilotYear } from './pilot/generatePilotYear';
import type { PilotYearReport } from './pilot/pilotYearReport';
import { SimulatedClock } from './pilot/simulatedClock';

export const PILOT_YEAR_USAGE = 'seed-pilot-year [--count <delivered cases, 6043>] [--year <2016>] [--concurrency <64>]';

function positiveInt(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max} (got ${value}); usage: ${PILOT_YEAR_USAGE}`);
  return n;
}

const line = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || '-';

/** The summary as an operator reads it. */
export function formatPilotYearReport(r: PilotYearReport): string {
  const head =
    r.filed + r.resumed === 0
      ? `nothing to add: the ${r.year} pilot year already holds ${r.delivered} delivered case(s) (asked for ${r.count})`
      : `filed ${r.filed} case(s) and finished ${r.resumed} left on their way, ${r.commands} command(s) through the command path`;
  return [
    `证照网上办理一条龙 · pilot year ${r.year}: ${r.delivered} of ${r.count} delivered (${r.cases} generated case(s), ${r.licences} e-licence(s))`,
    `  ${head}`,
    `  timers fired: ${line(r.timersFired)}`,
    `  delivered by department: ${line(r.byDepartment)}`,
    `  delivered by mode: ${line(r.byMode)}`,
    `  elapsed: ${r.seconds} s`,
  ].join('\n');
}

export async function pilotYearCommand(args: string[], config: LoadedConfig, log: Logger): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: String(PILOT_FACTS.delivered) },
      year: { type: 'string', default: '2016' },
      concurrency: { type: 'string', default: '64' },
    },
  });
  const count = positiveInt('count', values.count, 1, 1_000_000);
  const year = positiveInt('year', values.year, 2000, 2099);
  const concurrency = positiveInt('concurrency', values.concurrency, 1, 512);
  const clock = new SimulatedClock(Date.parse(`${year}-01-01T08:00:00+08:00`));
  // The engine's own info lines (a line per fired timer: thousands) only when asked for with LOG_LEVEL=debug.
  const quiet = log.levelVal > pino.levels.values.debug! && log.levelVal < pino.levels.values.warn!;
  const ctx = await createContext(config, { log: quiet ? log.child({}, { level: 'warn' }) : log, now: clock.now });
  try {
    console.log(`证照网上办理一条龙 · generating the ${year} pilot year: ${count} delivered case(s), ${concurrency} command(s) in flight`);
    const report = await generatePilotYear(ctx, clock, {
      count,
      year,
      concurrency,
      onProgress: (p) => console.log(`  ${p.month}: ${p.filed} filed, ${p.onTheWay} on their way, ${p.commands} command(s), ${p.seconds} s`),
    });
    const { caseNos: _caseNos, ...summary } = report;
    log.info(summary, 'pilot year: done');
    console.log(formatPilotYearReport(report));
    if (report.delivered < count) {
      log.error({ delivered: report.delivered, count }, 'pilot year: fewer cases delivered than asked for');
      process.exitCode = 1;
    }
  } finally {
    await ctx.close();
  }
}
