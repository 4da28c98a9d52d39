import { z } from 'zod';
import { ProjectBoardQuery, ProjectCodeParam } from './projectBoardSchemas';
import type { Operation } from './openapi';

/** The project's two clocks and the supervisor's board (issue 13, docs/project-clocks.md). */
export const PROJECT_BOARD_OPERATIONS: Operation[] = [
  {
    operationId: 'getProjectBoard',
    method: 'get',
    path: '/api/projects/board',
    summary: 'The supervisor’s board: projects of the caller’s jurisdiction subtree by stage and light with both clocks’ counted days against their limits, closest to the whole-process limit first (paginated with total), counts by stage × light, and the slowest desks (total and average days they held project cases); supervisors and admins',
    access: 'staff',
    request: { query: ProjectBoardQuery },
    ok: [200, '{ total, page, pageSize, projects, byStage, slowestDesks, limits }'],
    errors: [400, 403],
  },
  {
    operationId: 'getProjectClock',
    method: 'get',
    path: '/api/projects/{code}/clock',
    summary: 'A project’s two clocks (whole process in calendar days, administrative approval in working days) with limits and lights, its intervals (case, order, wait; counted or not), the merged timeline and the desk that held it longest; for the owner, staff of its jurisdiction, and the acting proxy agent',
    access: 'staff',
    request: { params: z.object({ code: ProjectCodeParam }) },
    ok: [200, '{ project, light, whole, approval, timeline, intervals, longestDesk, asOf }'],
    errors: [403, 404, 422],
    more: { 404: 'PROJECT_NOT_FOUND (unknown, or not visible to the caller)', 422: 'PROJECT_CODE_MALFORMED (details: the problem)' },
  },
];
