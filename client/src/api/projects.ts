/**
 * Investment projects (投资项目): the list, registration, a project's page,
 * stage materials, starting a stage, declared waits. Shapes come from the
 * server's presenters and schemas (type-only imports).
 */
import type { z } from 'zod';
import type { ProjectRegisterBody, StageStartBody, WaitDeclareBody } from '../../../server/http/projectSchemas';
import type { presentProjectDetail, presentProjectSummary } from '../../../server/projects/projectView';
import { api, qs } from './http';

export type ProjectSummary = ReturnType<typeof presentProjectSummary>;
export type ProjectPage = Awaited<ReturnType<typeof presentProjectDetail>>;
export type ProjectRegisterInput = z.input<typeof ProjectRegisterBody>;
export type StageStartInput = z.input<typeof StageStartBody>;
export type WaitDeclareInput = z.input<typeof WaitDeclareBody>;

export function listProjects(p: { state?: string; stage?: number; light?: string; q?: string; page?: number; pageSize?: number }): Promise<{ projects: ProjectSummary[]; total: number; page: number; pageSize: number }> {
  return api('GET', `/api/projects${qs(p)}`);
}

export function getProject(code: string): Promise<ProjectPage> {
  return api('GET', `/api/projects/${encodeURIComponent(code)}`);
}

export function registerProject(body: ProjectRegisterInput): Promise<ProjectPage> {
  return api('POST', '/api/projects', { body });
}

export function uploadStageFile(code: string, stage: number, material: string, file: File): Promise<unknown> {
  const form = new FormData();
  form.append('material', material);
  form.append('file', file);
  return api('POST', `/api/projects/${encodeURIComponent(code)}/stages/${stage}/files`, { form });
}

export function startStage(code: string, stage: number, body: StageStartInput): Promise<ProjectPage & { filed: { caseNo: string; itemCode: string; centreCode: string }[] }> {
  return api('POST', `/api/projects/${encodeURIComponent(code)}/stages/${stage}/start`, { body });
}

export function declareWait(code: string, body: WaitDeclareInput): Promise<ProjectPage> {
  return api('POST', `/api/projects/${encodeURIComponent(code)}/waits`, { body });
}

export function endWait(code: string, id: number): Promise<ProjectPage> {
  return api('POST', `/api/projects/${encodeURIComponent(code)}/waits/${id}/end`);
}

export function refileStage(code: string, stage: number): Promise<ProjectPage & { filed: { caseNo: string; itemCode: string; centreCode: string }[] }> {
  return api('POST', `/api/projects/${encodeURIComponent(code)}/stages/${stage}/refile`);
}
