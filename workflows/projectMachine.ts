/**
 * An investment project (投资项目, issue 13) through its four stages:
 *
 *   (REGISTER) → coded ─START_STAGE (next stage only)→ in_stage
 *   in_stage ─CASE_MOVED | CASE_DECIDED→ in_stage (a case of the stage moved / was decided)
 *   in_stage ─COMPLETE_STAGE (every case approved)→ coded | completed (stage 4)
 *   in_stage ─HOLD_STAGE (a case denied, refused or withdrawn; reason)→ held ─RESUME (the item refiled)→ in_stage
 *   coded | in_stage | held ─DECLARE_WAIT (none open)→ same state; ─END_WAIT (the open one)→ same state
 *   coded | held ─CANCEL (reason)→ cancelled
 *   any open state ─CLOCK→ same state (time ran on: the clocks were refreshed; a final project's clock stands still)
 *
 * Pure: who may send what is the policy's job; the machine checks the order
 * of stages and that only one declared wait is open at a time.
 */
import { assign, setup } from 'xstate';

export const PROJECT_STATES = ['coded', 'in_stage', 'held', 'completed', 'cancelled'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

interface Base {
  actor: { role: string };
  today: string;
  reason?: string;
}

export type ProjectEvent =
  | (Base & { type: 'START_STAGE'; stage: number })
  | (Base & { type: 'CASE_MOVED'; caseNo: string; caseState: string })
  | (Base & { type: 'CASE_DECIDED'; caseNo: string; caseState: string })
  | (Base & { type: 'COMPLETE_STAGE'; stage: number })
  | (Base & { type: 'HOLD_STAGE'; stage: number; caseNo: string })
  | (Base & { type: 'RESUME'; stage: number })
  | (Base & { type: 'DECLARE_WAIT'; waitId: number; kind: string })
  | (Base & { type: 'END_WAIT'; waitId: number })
  | (Base & { type: 'CANCEL' })
  /** Time ran on: the stored clocks were refreshed (the project clock pass). */
  | (Base & { type: 'CLOCK' });
export type ProjectEventType = ProjectEvent['type'];

export interface ProjectContext {
  currentStage: number | null;
  completedStages: number[];
  holdReason: string | null;
  openWaitId: number | null;
  lastCaseNo: string | null;
  /** The day the clocks were last refreshed by time alone (CLOCK). */
  clockedOn?: string;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;
const stageOf = (e: ProjectEvent): number | null => ('stage' in e ? e.stage : null);
const lastDone = (c: ProjectContext) => (c.completedStages.length ? Math.max(...c.completedStages) : 0);

export const projectMachine = setup({
  types: { context: {} as ProjectContext, events: {} as ProjectEvent },
  guards: {
    nextStage: ({ context, event }) => stageOf(event) === lastDone(context) + 1 && lastDone(context) < 4,
    currentStage: ({ context, event }) => stageOf(event) === context.currentStage,
    lastStage: ({ context, event }) => stageOf(event) === context.currentStage && context.currentStage === 4,
    hasReason: ({ event }) => nonBlank(event.reason),
    noOpenWait: ({ context }) => context.openWaitId === null,
    theOpenWait: ({ context, event }) => event.type === 'END_WAIT' && context.openWaitId === event.waitId,
  },
  actions: {
    start: assign({ currentStage: ({ event }) => stageOf(event), holdReason: null }),
    noteCase: assign({ lastCaseNo: ({ event }) => ('caseNo' in event ? event.caseNo : null) }),
    complete: assign({
      completedStages: ({ context }) => (context.currentStage === null ? context.completedStages : [...context.completedStages, context.currentStage]),
      currentStage: null,
      holdReason: null,
    }),
    hold: assign({ holdReason: ({ event }) => event.reason!.trim(), lastCaseNo: ({ event }) => ('caseNo' in event ? event.caseNo : null) }),
    resume: assign({ holdReason: null }),
    openWait: assign({ openWaitId: ({ event }) => (event.type === 'DECLARE_WAIT' ? event.waitId : null) }),
    closeWait: assign({ openWaitId: null }),
    clocked: assign({ clockedOn: ({ event }) => event.today }),
  },
}).createMachine({
  id: 'project',
  initial: 'coded',
  context: { currentStage: null, completedStages: [], holdReason: null, openWaitId: null, lastCaseNo: null },
  on: {
    DECLARE_WAIT: { guard: 'noOpenWait', actions: 'openWait' },
    END_WAIT: { guard: 'theOpenWait', actions: 'closeWait' },
    CLOCK: { actions: 'clocked' },
  },
  states: {
    coded: {
      on: {
        START_STAGE: { guard: 'nextStage', target: 'in_stage', actions: 'start' },
        CANCEL: { guard: 'hasReason', target: 'cancelled' },
      },
    },
    in_stage: {
      on: {
        CASE_MOVED: { actions: 'noteCase' },
        CASE_DECIDED: { actions: 'noteCase' },
        COMPLETE_STAGE: [
          { guard: 'lastStage', target: 'completed', actions: 'complete' },
          { guard: 'currentStage', target: 'coded', actions: 'complete' },
        ],
        HOLD_STAGE: { guard: 'hasReason', target: 'held', actions: 'hold' },
      },
    },
    held: {
      on: {
        CASE_MOVED: { actions: 'noteCase' },
        CASE_DECIDED: { actions: 'noteCase' },
        RESUME: { guard: 'currentStage', target: 'in_stage', actions: 'resume' },
        CANCEL: { guard: 'hasReason', target: 'cancelled' },
      },
    },
    completed: { type: 'final', on: {} },
    cancelled: { type: 'final' },
  },
});

/** The events a project in this state may take (for the screen's buttons). */
export function projectActionsIn(state: string): ProjectEventType[] {
  const node = projectMachine.states[state as ProjectState];
  if (!node) return [];
  const own = Object.keys(node.config.on ?? {}) as ProjectEventType[];
  const final = state === 'completed' || state === 'cancelled';
  return [...new Set([...own, ...(final ? [] : (['DECLARE_WAIT', 'END_WAIT'] as const))])];
}
