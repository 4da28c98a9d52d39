/**
 * A receiving organisation's place in the qualified directory (承接组织目录),
 * moved only by its annual evaluation (issue 14; docs/transfers.md):
 *
 *   qualified ─EVALUATE excellent|pass→ qualified (kept)
 *   qualified ─EVALUATE basic→ probation
 *   qualified ─EVALUATE fail→ removed
 *   probation ─EVALUATE excellent|pass→ qualified (restored)
 *   probation ─EVALUATE basic|fail→ removed
 *   removed: final
 *
 * Only an administrator evaluates, once a year, years in order. The grade
 * and consequence come from transferEvaluation.ts, never from the caller.
 */
import { and, assign, setup } from 'xstate';
import { consequenceOf, gradeOf, type Consequence, type OrgState, type TransferGrade } from './transferEvaluation';

export interface OrgActor {
  role: string;
  level: string | null;
}

export interface EvaluateEvent {
  type: 'EVALUATE';
  actor: OrgActor;
  today: string;
  year: number;
  score: number;
  reason?: string;
}

export interface OrgContext {
  lastYear: number | null;
  lastScore: number | null;
  lastGrade: TransferGrade | null;
  lastConsequence: Consequence | null;
}

export const INITIAL_ORG_CONTEXT: OrgContext = { lastYear: null, lastScore: null, lastGrade: null, lastConsequence: null };

const outcome = (state: 'qualified' | 'probation') => ({ event }: { event: EvaluateEvent }): OrgState => consequenceOf(state, gradeOf(event.score)).next;

export const transferOrgMachine = setup({
  types: { context: {} as OrgContext, events: {} as EvaluateEvent },
  guards: {
    admin: ({ event }) => event.actor.role === 'admin',
    laterYear: ({ context, event }) => context.lastYear === null || event.year > context.lastYear,
    scoreInRange: ({ event }) => Number.isInteger(event.score) && event.score >= 0 && event.score <= 100,
    keptFromQualified: (a) => outcome('qualified')(a) === 'qualified',
    probationFromQualified: (a) => outcome('qualified')(a) === 'probation',
    restoredFromProbation: (a) => outcome('probation')(a) === 'qualified',
  },
  actions: {
    note: assign(({ event }, params: { from: 'qualified' | 'probation' }) => {
      const grade = gradeOf(event.score);
      return { lastYear: event.year, lastScore: event.score, lastGrade: grade, lastConsequence: consequenceOf(params.from, grade).consequence };
    }),
  },
}).createMachine({
  id: 'transferOrg',
  initial: 'qualified',
  context: INITIAL_ORG_CONTEXT,
  states: {
    qualified: {
      on: {
        EVALUATE: [
          { guard: and(['admin', 'laterYear', 'scoreInRange', 'keptFromQualified']), target: 'qualified', reenter: true, actions: { type: 'note', params: { from: 'qualified' } } },
          { guard: and(['admin', 'laterYear', 'scoreInRange', 'probationFromQualified']), target: 'probation', actions: { type: 'note', params: { from: 'qualified' } } },
          { guard: and(['admin', 'laterYear', 'scoreInRange']), target: 'removed', actions: { type: 'note', params: { from: 'qualified' } } },
        ],
      },
    },
    probation: {
      on: {
        EVALUATE: [
          { guard: and(['admin', 'laterYear', 'scoreInRange', 'restoredFromProbation']), target: 'qualified', actions: { type: 'note', params: { from: 'probation' } } },
          { guard: and(['admin', 'laterYear', 'scoreInRange']), target: 'removed', actions: { type: 'note', params: { from: 'probation' } } },
        ],
      },
    },
    removed: { type: 'final' },
  },
});
