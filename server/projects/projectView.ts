import type { Knex } from 'knex';
import { listAggregateEvents } from '../../db/repositories/aggregateEvents';
import type { ProjectRow } from '../../db/repositories/projects/projects';
import { listStageCases, listStageFiles, listStages, listWaits } from '../../db/repositories/projects/stages';
import { PROJECT_INDUSTRIES } from '../../workflows/projectCode';
import { projectActionsIn, type ProjectContext } from '../../workflows/projectMachine';
import { STAGE_NAMES, stageItems, type StageNo } from '../../workflows/projectStages';
import type { Actor } from '../auth/actor';
import { isActingAgent, isProjectOwner, mayActForOwner } from '../policies/projects';
import { maskPhone } from '../presenters/case';
import type { AppContext } from '../context';
import { loadProjectClock } from './projectClockView';

/** A project in a list: what it is, where it stands, its counted days. */
export function presentProjectSummary(p: ProjectRow) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    type: p.type,
    industry: p.industry,
    industryName: PROJECT_INDUSTRIES[p.industry] ?? null,
    investment: p.investment,
    landStatus: p.landStatus,
    location: p.location,
    jurisdictionCode: p.jurisdictionCode,
    ownerName: p.ownerName,
    state: p.state,
    currentStage: p.currentStage,
    completedStages: (p.machineContext as unknown as ProjectContext).completedStages ?? [],
    holdReason: (p.machineContext as unknown as ProjectContext).holdReason ?? null,
    countedDays: p.countedDays,
    countedWorkingDays: p.countedWorkingDays,
    light: p.light,
    codedOn: p.codedOn,
    completedOn: p.completedOn,
    revision: p.rowVersion,
  };
}

/** The market orders serving the project's cases (the intermediary services it waits for). */
async function intermediaryServices(db: Knex, caseNos: string[]) {
  if (!caseNos.length) return [];
  const rows = await db('market_orders as o')
    .leftJoin('market_service_items as s', 's.code', 'o.service_item_code')
    .whereIn('o.case_no', caseNos)
    .orderBy('o.id')
    .select('o.id', 'o.order_no', 'o.case_no', 'o.state', 'o.service_item_code', 'o.title', 's.name', 's.government_paid', 'o.service_due_on');
  return rows.map((r: Record<string, any>) => ({
    id: Number(r.id),
    orderNo: r.order_no as string,
    caseNo: r.case_no as string,
    state: r.state as string,
    title: r.title as string,
    serviceItemCode: r.service_item_code as string,
    serviceItemName: (r.name ?? null) as string | null,
    governmentPaid: r.government_paid === true || r.government_paid === 1 || r.government_paid === '1',
    serviceDueOn: (r.service_due_on ?? null) as string | null,
  }));
}

/** The project's page: the project, its two clocks with their timeline, its four stages with their cases and files, its waits, the services it waits for, its history. */
export async function presentProjectDetail(ctx: Pick<AppContext, 'config' | 'calendar' | 'now'>, db: Knex, actor: Actor, p: ProjectRow) {
  const [stages, cases, files, waits, clock] = await Promise.all([listStages(db, p.id), listStageCases(db, p.id), listStageFiles(db, p.id), listWaits(db, p.id), loadProjectClock(ctx, db, p.id)]);
  const names = new Map((await db('items').whereIn('code', [...new Set(cases.map((c) => c.itemCode))]).select('code', 'name')).map((r: { code: string; name: string }) => [r.code, r.name]));
  const history = await listAggregateEvents(db, 'project', [p.id]);
  const full = isProjectOwner(actor, p) || isActingAgent(actor, p);
  return {
    project: {
      ...presentProjectSummary(p),
      owner: { name: p.ownerName, uscc: p.ownerUscc, legalRep: p.ownerLegalRep, phone: full ? p.ownerPhone : maskPhone(p.ownerPhone) },
    },
    /** Counted now (the stored figures on the row were counted at the last change or clock pass). */
    clock: clock!,
    stages: stages.map((s) => ({
      stage: s.stage,
      name: STAGE_NAMES[s.stage as StageNo],
      state: s.state,
      holdReason: s.holdReason,
      startedAt: s.startedAt,
      completedAt: s.completedAt,
      items: stageItems(p.type, s.stage as StageNo),
      cases: cases.filter((c) => c.stage === s.stage).map((c) => ({ caseNo: c.caseNo, itemCode: c.itemCode, itemName: names.get(c.itemCode) ?? c.itemCode, state: c.state, light: c.light, level: c.level, department: c.department, centreCode: c.centreCode, filedAt: c.filedAt, decidedAt: c.decidedAt })),
      files: files.filter((f) => f.stage === s.stage).map((f) => ({ id: f.id, material: f.material, sha256: f.sha256, size: f.size, mediaType: f.mediaType, originalName: f.originalName, uploadedAt: f.createdAt })),
    })),
    waits: waits.map((w) => ({ id: w.id, kind: w.kind, note: w.note, startedAt: w.startedAt, endedAt: w.endedAt })),
    intermediaryServices: await intermediaryServices(db, cases.map((c) => c.caseNo)),
    actions: mayActForOwner(actor, p) ? projectActionsIn(p.state).filter((a) => ['START_STAGE', 'RESUME', 'DECLARE_WAIT', 'END_WAIT', 'CANCEL'].includes(a)) : [],
    history: history.map((e) => ({ seq: e.seq, type: e.type, fromState: e.fromState, toState: e.toState, actorName: e.actorName, actorRole: e.actorRole, reason: e.reason, payload: e.payload, at: e.createdAt })),
  };
}
