import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { applyIn } from '../commands/aggregates/applyCommand';
import { projectTransitions } from './projectAggregate';

const CLOCK_PASS = { kind: 'system', name: '项目计时' } as const;

/**
 * Time ran on with no change of the project: its CLOCK event, through the one
 * command path, whose effects refresh the stored clocks; its live message
 * carries the new days and light to the owner, the agent and the supervisors.
 */
export async function clockProject(ctx: AppContext, trx: Knex.Transaction, code: string): Promise<void> {
  await applyIn(ctx, trx, projectTransitions, { key: code, actor: CLOCK_PASS, action: { type: 'CLOCK' } });
}
