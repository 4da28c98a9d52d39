/**
 * A function-transfer agreement (职能转移工作协议) between a transferring unit
 * and a receiving organisation: recorded once, as signed, and never edited
 * (a correction or a renewal is a new agreement, checked again against the
 * organisation's place in the directory). Its one state is `recorded`; that
 * it runs or has lapsed is read from its term, not stored.
 */
import { setup } from 'xstate';

export interface AgreementContext {
  termFrom: string;
  termTo: string;
}

export const transferAgreementMachine = setup({
  types: { context: {} as AgreementContext, events: {} as { type: 'NONE' }, input: {} as AgreementContext },
}).createMachine({
  id: 'transferAgreement',
  initial: 'recorded',
  context: ({ input }) => ({ termFrom: input.termFrom, termTo: input.termTo }),
  states: { recorded: { type: 'final' } },
});

/** Whether the agreement's term covers `today` (YYYY-MM-DD). */
export function agreementRunning(a: AgreementContext, today: string): boolean {
  return a.termFrom <= today && today <= a.termTo;
}
