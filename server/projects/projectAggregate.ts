import { findProjectByCode, updateProjectIfVersion, type ProjectRow } from '../../db/repositories/projects/projects';
import { patchStage } from '../../db/repositories/projects/stages';
import type { ProjectContext, ProjectEvent } from '../../workflows/projectMachine';
import { projectMachine } from '../../workflows/projectMachine';
import { chinaDate } from '../../workflows/calendar';
import { fromDbTime } from '../../db/connection';
import type { AppContext } from '../context';
import { applyCommand } from '../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../commands/aggregates/machineAggregate';
import { canSeeProject, mayActForOwner, SYSTEM_PROJECT_EVENTS } from '../policies/projects';
import { projectLive } from './projectLive';
import { projectNotAllowed, projectNotFound } from './projectErrors';
import { refreshProjectClock } from './projectClockView';
import { reviseLiveMessage } from '../../db/repositories/aggregateEvents';

/** Who an acting agent acted for (代办): recorded in every event the agent sends. */
export interface OnBehalfOf {
  ownerName: string;
  proxyOrderNo: string;
}

/** A command on a project as the server gives it: the machine event without actor and date. */
export type ProjectAction = (ProjectEvent extends infer E ? (E extends unknown ? Omit<E, 'actor' | 'today'> : never) : never) & { onBehalfOf?: OnBehalfOf; payload?: Record<string, unknown> };

/**
 * The project as an aggregate of the one command path. Its stage rows follow
 * the project's events in the same transaction (effects): START_STAGE marks
 * the stage in progress, HOLD_STAGE held with the reason, RESUME in progress,
 * COMPLETE_STAGE completed. Every event then refreshes the project's stored
 * clocks (counted with the change in them) and its live message carries them.
 */
export const projectTransitions = machineAggregate<ProjectRow, ProjectAction>({
  aggregate: 'project',
  load: (trx, key, forUpdate) => findProjectByCode(trx, key, forUpdate),
  notFound: projectNotFound,
  authorise(actor, p, action) {
    if (actor.kind === 'system') {
      if (SYSTEM_PROJECT_EVENTS.includes(action.type)) return;
      throw projectNotAllowed(`${action.type} is not the system's`);
    }
    if (!canSeeProject(actor, p)) throw projectNotFound();
    if (SYSTEM_PROJECT_EVENTS.includes(action.type)) throw projectNotAllowed('A project’s stages move with its cases');
    if (!mayActForOwner(actor, p)) throw projectNotAllowed('Only the project’s owner, or the agent acting for the owner, does this');
  },
  machine: projectMachine,
  context: (p) => p.machineContext as unknown as ProjectContext,
  columns(p, after, _action, at) {
    const c = after.context as ProjectContext;
    return {
      machineContext: c as unknown as Record<string, unknown>,
      currentStage: c.currentStage,
      completedOn: after.value === 'completed' ? chinaDate(fromDbTime(at)) : p.completedOn,
      updatedAt: at,
    };
  },
  update: updateProjectIfVersion,
  payload: (a) => {
    const { type: _t, reason: _r, onBehalfOf, payload, ...rest } = a as ProjectAction & { reason?: string };
    return { ...rest, ...(payload ?? {}), ...(onBehalfOf ? { onBehalfOf } : {}) };
  },
  live: (p, e) => projectLive(p, e),
  async effects(ctx, trx, { row, event }, action) {
    const at = event.createdAt;
    if (action.type === 'START_STAGE') await patchStage(trx, row.id, action.stage, { state: 'in_progress', startedAt: at, holdReason: null, form: action.payload?.form ?? null });
    if (action.type === 'HOLD_STAGE') await patchStage(trx, row.id, action.stage, { state: 'held', holdReason: action.reason ?? null });
    if (action.type === 'RESUME') await patchStage(trx, row.id, action.stage, { state: 'in_progress', holdReason: null });
    if (action.type === 'COMPLETE_STAGE') await patchStage(trx, row.id, action.stage, { state: 'completed', completedAt: at });
    const clock = await refreshProjectClock(ctx, trx, row.id);
    if (clock) await reviseLiveMessage(trx, event.id, clock);
  },
});

export function actOnProject(ctx: AppContext, props: AggregateCommand<ProjectAction>): Promise<AggregateResult<ProjectRow>> {
  return applyCommand(ctx, projectTransitions, props);
}
