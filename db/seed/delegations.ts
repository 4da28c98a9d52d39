import type { Knex } from 'knex';
import type { ItemVersion } from '../../workflows/route';
import { PILOT_TOWNS, type DelegationScope } from '../../workflows/delegation';
import { insertAggregateEvent } from '../repositories/aggregateEvents';
import { insertDelegation } from '../repositories/delegations';

interface DeedSeed {
  deedNo: string;
  department: string;
  departmentName: string;
  townCode: string;
  scope: DelegationScope[];
  validFrom: string;
  validTo: string;
  publishedOn: string;
  /** How many of the department's county-decided items the town may handle (catalogue order). */
  items: number;
}

/**
 * One deed for each of the six pilot towns (强镇扩权): the county's market
 * regulation bureau lets the town accept, review and decide its everyday
 * licences (and 鳌江, 柳市 their housing bureau's permits too). 龙港镇's deed is the historical
 * one: it ran until the town became 龙港市 in 2019, and is expired.
 */
export const DEED_SEEDS: readonly DeedSeed[] = [
  { deedNo: '苍市监赋〔2011〕1号', department: 'market', departmentName: '市场监督管理局', townCode: '330327102000', scope: ['accept', 'review', 'decide'], validFrom: '2011-03-01', validTo: '2019-08-15', publishedOn: '2011-02-20', items: 6 },
  { deedNo: '平市监赋〔2016〕3号', department: 'market', departmentName: '市场监督管理局', townCode: '330326101000', scope: ['accept', 'review', 'decide'], validFrom: '2016-07-01', validTo: '2030-12-31', publishedOn: '2016-06-20', items: 8 },
  { deedNo: '平住建赋〔2016〕1号', department: 'housing', departmentName: '住房和城乡建设局', townCode: '330326101000', scope: ['accept', 'review', 'decide'], validFrom: '2016-07-01', validTo: '2030-12-31', publishedOn: '2016-06-20', items: 4 },
  { deedNo: '瑞市监赋〔2016〕1号', department: 'market', departmentName: '市场监督管理局', townCode: '330381101000', scope: ['accept', 'review', 'decide'], validFrom: '2016-05-01', validTo: '2030-12-31', publishedOn: '2016-04-25', items: 8 },
  { deedNo: '乐市监赋〔2016〕2号', department: 'market', departmentName: '市场监督管理局', townCode: '330382114000', scope: ['accept', 'review', 'decide'], validFrom: '2016-06-01', validTo: '2030-12-31', publishedOn: '2016-05-20', items: 8 },
  { deedNo: '乐住建赋〔2016〕1号', department: 'housing', departmentName: '住房和城乡建设局', townCode: '330382114000', scope: ['accept', 'review', 'decide'], validFrom: '2016-06-01', validTo: '2030-12-31', publishedOn: '2016-05-20', items: 4 },
  { deedNo: '文市监赋〔2017〕1号', department: 'market', departmentName: '市场监督管理局', townCode: '330328100000', scope: ['accept', 'decide'], validFrom: '2017-01-01', validTo: '2030-12-31', publishedOn: '2016-12-20', items: 5 },
  { deedNo: '泰市监赋〔2017〕1号', department: 'market', departmentName: '市场监督管理局', townCode: '330329100000', scope: ['accept', 'decide'], validFrom: '2017-01-01', validTo: '2030-12-31', publishedOn: '2016-12-20', items: 5 },
];

/** The department's items a deed can move: decided at the county, so the town may decide them. */
function delegable(catalogue: readonly ItemVersion[], department: string): string[] {
  return catalogue.filter((i) => i.department === department && i.decideLevel === 'county').map((i) => i.code);
}

/** The deeds, as published data with their ISSUE events (no live message: they were recorded before anyone watched). */
export async function seedDelegations(trx: Knex, catalogue: readonly ItemVersion[], now: string): Promise<void> {
  for (const s of DEED_SEEDS) {
    const town = PILOT_TOWNS.find((t) => t.code === s.townCode)!;
    const itemCodes = delegable(catalogue, s.department).slice(0, s.items).sort();
    const id = await insertDelegation(trx, {
      deedNo: s.deedNo,
      department: s.department,
      countyCode: town.countyCode,
      townCode: town.code,
      townName: town.name,
      title: `${town.countyName}${s.departmentName}赋权${town.name}人民政府委托书`,
      scope: s.scope,
      validFrom: s.validFrom,
      validTo: s.validTo,
      publishedOn: s.publishedOn,
      revokedOn: null,
      revokeReason: null,
      state: 'published',
      rowVersion: 1,
      lastSeq: 1,
      createdAt: now,
      updatedAt: now,
      itemCodes,
    });
    await insertAggregateEvent(trx, {
      aggregate: 'delegation', aggregateId: id, seq: 1, type: 'ISSUE', fromState: null, toState: 'published',
      actorUserId: null, actorRole: 'system', actorName: '种子数据', reason: null,
      payload: { deedNo: s.deedNo, department: s.department, townCode: town.code, itemCodes, scope: s.scope, validFrom: s.validFrom, validTo: s.validTo, publishedOn: s.publishedOn },
      createdAt: now, live: null,
    });
  }
}
