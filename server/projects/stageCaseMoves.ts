import type { Knex } from 'knex';
import { findCurrentItem } from '../../db/repositories/items';
import { findProjectById } from '../../db/repositories/projects/projects';
import { findStageCase, listStageCases } from '../../db/repositories/projects/stages';
import { FINAL_STATES, type CaseState } from '../../workflows/caseStates';
import type { AppContext } from '../context';
import type { TransitionResult } from '../commands/planTransition';
import type { OnBehalfOf } from './projectAggregate';
import { applyIn } from '../commands/aggregates/applyCommand';
import { projectTransitions, type ProjectAction } from './projectAggregate';
import { itemsToRefile, latestOfEach } from './stageOutcome';

const SYSTEM = { kind: 'system', name: '并联审批' } as const;

/** A case action an agent sent for the project's owner (代办), by the transition's result: the project's event of the move records it. */
export const actingFor = new WeakMap<object, OnBehalfOf & { agentName: string }>();
const OUTCOME: Record<string, string> = { denied: '不予许可 (denied)', refused: '不予受理 (refused)', withdrawn: '撤回 (withdrawn)' };

/**
 * A case of a project's stage moved (called from runTransitionEffects, in
 * the case's transaction): the project records it so its page moves live;
 * once every case of the stage is completed (approved and delivered) the
 * stage completes; a denial, refusal or withdrawal holds the stage, naming
 * the item and the case.
 */
export async function recordStageCaseMove(ctx: AppContext, trx: Knex.Transaction, result: TransitionResult): Promise<void> {
  const sc = await findStageCase(trx, result.case.id);
  if (!sc) return;
  const p = await findProjectById(trx, sc.projectId);
  if (!p || (p.state !== 'in_stage' && p.state !== 'held') || p.currentStage !== sc.stage) return;
  const state = result.case.state as CaseState;
  const acting = actingFor.get(result);
  const onBehalfOf = acting ? { ownerName: acting.ownerName, proxyOrderNo: acting.proxyOrderNo } : undefined;
  const base = { caseNo: sc.caseNo, caseState: state, onBehalfOf, payload: { caseEvent: result.event.type, itemCode: sc.itemCode, level: result.case.currentLevel, ...(acting ? { agentName: acting.agentName } : {}) } };
  let action: ProjectAction = { type: 'CASE_MOVED', ...base };
  if (FINAL_STATES.includes(state)) {
    action = { type: 'CASE_DECIDED', ...base };
    if (state === 'completed') {
      const cases = await listStageCases(trx, p.id, sc.stage);
      if (p.state === 'in_stage' && itemsToRefile(cases).length === 0 && latestOfEach(cases).every((c) => c.state === 'completed')) action = { type: 'COMPLETE_STAGE', stage: sc.stage, onBehalfOf, payload: { ...base.payload, caseNo: sc.caseNo } };
    } else if (p.state === 'in_stage') {
      const item = await findCurrentItem(trx, sc.itemCode);
      const opinion = result.event.opinion ? `：${result.event.opinion}` : '';
      const reason = `${item?.name ?? sc.itemCode}（${sc.itemCode}）案件 ${sc.caseNo} ${OUTCOME[state] ?? state}${opinion}`;
      action = { type: 'HOLD_STAGE', stage: sc.stage, caseNo: sc.caseNo, reason: reason.slice(0, 480), onBehalfOf, payload: base.payload };
    }
  }
  await applyIn(ctx, trx, projectTransitions, { key: p.code, actor: SYSTEM, action });
}
