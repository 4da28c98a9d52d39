import type { ProjectCodeProblem } from '../../workflows/projectCode';
import { AppError } from '../errors';

export const projectNotFound = () => new AppError('PROJECT_NOT_FOUND', 404, 'No project with this code that you may see');
export const projectCodeMalformed = (problem: ProjectCodeProblem) =>
  new AppError('PROJECT_CODE_MALFORMED', 422, `Not a project code (YYYY-AAAAAA-II-TT-NNNNNN, 24 characters): ${problem}`, { problem });
export const projectStageOrder = (stage: number, message: string) => new AppError('PROJECT_STAGE_ORDER', 409, message, { stage });
export const projectWaitOpen = () => new AppError('PROJECT_WAIT_OPEN', 409, 'A declared wait is open already: end it before declaring another');
export const projectNotAllowed = (message: string) => new AppError('PROJECT_NOT_ALLOWED', 403, message);
