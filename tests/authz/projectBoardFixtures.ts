import type { Knex } from 'knex';
import { DEMO } from '../helpers/api';
import { insertProject, userId } from '../helpers/projectClockFactories';

/** The clock routes' target: a project of `applicant` at 五马街道 (鹿城区); `missing` tries a well-formed code nobody holds. */
export const MISSING_PROJECT_CODE = '2024-330302-47-03-999999';

export async function projectBoardFixtures(db: Knex): Promise<{ projectCode: string }> {
  const p = await insertProject(db, { jurisdictionCode: DEMO.townCode, ownerUserId: await userId(db, 'applicant'), codedOn: '2024-09-20', name: '授权矩阵项目' });
  return { projectCode: p.code };
}
