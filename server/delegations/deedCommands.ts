import type { Knex } from 'knex';
import { findDelegation, insertDelegation, updateDelegationIfVersion, type DelegationRow } from '../../db/repositories/delegations';
import { findCurrentItem } from '../../db/repositories/items';
import { findDepartment } from '../../db/repositories/jurisdictionChain';
import { chinaDate } from '../../workflows/calendar';
import { deedTermProblems, pilotTown, type DelegationScope } from '../../workflows/delegation';
import { delegationMachine, type DeedContext } from '../../workflows/delegationMachine';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { forbidden } from '../errors';
import { applyCommand } from '../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../commands/aggregates/machineAggregate';
import { machineCreation } from '../commands/aggregates/machineCreation';
import { canKeepDeeds } from '../policies/delegations';
import { deedExists, deedInvalid, deedNotFound } from './deedErrors';

export interface IssueDeedProps {
  actor: Actor;
  deedNo: string;
  department: string;
  townCode: string;
  itemCodes: string[];
  scope: DelegationScope[];
  validFrom: string;
  validTo: string;
  publishedOn: string;
}

/** Each item must be the department's and have something the deed can move: a county step of it in scope, or acceptance at the town. */
async function itemProblems(db: Knex, p: IssueDeedProps): Promise<string[]> {
  const problems: string[] = [];
  for (const code of p.itemCodes) {
    const item = await findCurrentItem(db, code);
    if (!item) {
      problems.push(`item ${code} is not in the catalogue`);
      continue;
    }
    if (item.department !== p.department) problems.push(`item ${code} belongs to department ${item.department}, not ${p.department}`);
    const movable = item.route.some((s) => s.level === 'county' && s.department === p.department && ((s.kind === 'review' && p.scope.includes('review')) || (s.kind === 'decide' && p.scope.includes('decide'))));
    const accepted = p.scope.includes('accept') && !item.acceptLevels.includes('town');
    if (!movable && !accepted) problems.push(`item ${code} has no county step or acceptance the scope could delegate`);
  }
  return problems;
}

/** Recording a published deed: checked, the row in its machine's first state and its ISSUE event, in one transaction. */
export const deedIssuing = machineCreation<IssueDeedProps, DelegationRow>({
  aggregate: 'delegation',
  machine: delegationMachine,
  async plan(_ctx, trx, p) {
    if (!canKeepDeeds(p.actor)) throw forbidden('Delegation deeds are recorded by an administrator');
    if (await findDelegation(trx, p.deedNo)) throw deedExists(p.deedNo);
    const department = await findDepartment(trx, p.department);
    const problems = [...deedTermProblems(p), ...(department ? [] : [`no department ${p.department}`]), ...(await itemProblems(trx, p))];
    if (problems.length) throw deedInvalid(problems);
    const town = pilotTown(p.townCode)!;
    const itemCodes = [...new Set(p.itemCodes)].sort();
    const scope = (['accept', 'review', 'decide'] as const).filter((s) => p.scope.includes(s));
    return {
      actor: p.actor,
      type: 'ISSUE',
      payload: { deedNo: p.deedNo, department: p.department, townCode: town.code, itemCodes, scope, validFrom: p.validFrom, validTo: p.validTo, publishedOn: p.publishedOn },
      input: undefined,
      columns: (_initial, at) => ({
        deedNo: p.deedNo,
        department: p.department,
        countyCode: town.countyCode,
        townCode: town.code,
        townName: town.name,
        title: `${town.countyName}${department!.name}赋权${town.name}人民政府委托书`,
        scope,
        validFrom: p.validFrom,
        validTo: p.validTo,
        publishedOn: p.publishedOn,
        revokedOn: null,
        revokeReason: null,
        createdAt: at,
        updatedAt: at,
        itemCodes,
      }),
    };
  },
  insert: insertDelegation,
  live: () => null,
});

export function issueDeed(ctx: AppContext, props: IssueDeedProps): Promise<AggregateResult<DelegationRow>> {
  return applyCommand(ctx, deedIssuing, props);
}

export type DeedAction = { type: 'REVOKE'; reason: string; revokedOn: string };

/** Revoking a deed: from its effective date new cases of its items in the town go to the county again; running ones keep their route. */
export const deedTransitions = machineAggregate<DelegationRow, DeedAction>({
  aggregate: 'delegation',
  load: (trx, key, forUpdate) => findDelegation(trx, key, forUpdate),
  notFound: deedNotFound,
  authorise(actor) {
    if (!canKeepDeeds(actor)) throw forbidden('Delegation deeds are revoked by an administrator');
  },
  machine: delegationMachine,
  context: (d): DeedContext => ({ revokedOn: d.revokedOn, revokeReason: d.revokeReason }),
  columns: (_d, after, _a, at) => {
    const c = after.context as DeedContext;
    return { revokedOn: c.revokedOn, revokeReason: c.revokeReason, updatedAt: at };
  },
  update: updateDelegationIfVersion,
  payload: (a) => ({ revokedOn: a.revokedOn }),
  live: () => null,
});

export function revokeDeed(ctx: AppContext, props: AggregateCommand<DeedAction>): Promise<AggregateResult<DelegationRow>> {
  if (!canKeepDeeds(props.actor)) throw forbidden('Delegation deeds are revoked by an administrator');
  if (props.action.revokedOn < chinaDate(ctx.now())) throw deedInvalid(['a revocation takes effect today or later, never before']);
  return applyCommand(ctx, deedTransitions, props);
}
