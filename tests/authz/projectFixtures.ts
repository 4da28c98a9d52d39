import type { Api } from '../helpers/api';
import { projectBody } from '../helpers/projectFactories';

/**
 * The project routes' target: two projects `applicant` registered at 安澜社区 (鹿城区), not started:
 * `code` for every route, `cancelCode` for the cancellation (which ends its project).
 */
export async function projectFixtures(api: Api): Promise<{ code: string; cancelCode: string }> {
  const codes: string[] = [];
  for (const name of ['授权矩阵项目', '授权矩阵撤销项目']) {
    const res = await api.as('applicant', 'POST', '/api/projects', projectBody({ name, jurisdictionCode: '330302006001' }));
    if (res.status !== 201) throw new Error(`registering the matrix's project: ${res.status} ${JSON.stringify(res.body)}`);
    codes.push(res.body.project.code);
  }
  return { code: codes[0]!, cancelCode: codes[1]! };
}
