import type { ELicenceRow } from '../../db/repositories/licences/eLicences';
import type { AppContext } from '../context';
import { applyCommand } from '../commands/aggregates/applyCommand';
import type { AggregateCommand, AggregateResult } from '../commands/aggregates/machineAggregate';
import { licenceTransitions, type LicenceAction } from './licenceAggregate';

/** 延续, 变更, 暂扣, 发还, 注销, 撤销 or 吊销 of one e-licence, through the one command path; pushed live to the holder and the desk. */
export function changeLicenceStatus(ctx: AppContext, props: AggregateCommand<LicenceAction>): Promise<AggregateResult<ELicenceRow>> {
  return applyCommand(ctx, licenceTransitions, props);
}
