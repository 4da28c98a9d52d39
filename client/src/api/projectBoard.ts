/**
 * The project's clock and the supervisor's board (docs/project-clocks.md).
 * Shapes come from the server (type-only imports).
 */
import type { ProjectClockJson } from '../../../server/projects/projectClockView';
import type { BoardProject, SlowDesk } from '../../../server/projects/projectBoardView';
import type { Light } from '../../../workflows/projectClock';
import { api, qs } from './http';

export type { ProjectClockJson, BoardProject, SlowDesk };

/** A desk's name in the reader's language. */
export const deskLabel = (d: { name: string; nameEn: string }, language: string): string => (language.startsWith('en') ? d.nameEn : d.name);

export interface ProjectBoard {
  total: number;
  page: number;
  pageSize: number;
  projects: BoardProject[];
  byStage: Record<string, Record<Light, number>>;
  slowestDesks: SlowDesk[];
}

export const getProjectBoard = (q: { stage?: number; light?: Light; page?: number; pageSize?: number }): Promise<ProjectBoard> => api('GET', `/api/projects/board${qs(q)}`);

export const getProjectClock = (code: string): Promise<ProjectClockJson> => api('GET', `/api/projects/${encodeURIComponent(code)}/clock`);
