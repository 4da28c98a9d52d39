import { AppError } from '../errors';

export const deedNotFound = () => new AppError('DELEGATION_NOT_FOUND', 404, 'No delegation deed with this number');
export const deedExists = (deedNo: string) => new AppError('DELEGATION_EXISTS', 409, `Deed ${deedNo} is already recorded`, { deedNo });
/** A deed that breaks a rule of delegation: details.problems names each. */
export const deedInvalid = (problems: string[]) => new AppError('DELEGATION_INVALID', 422, problems.join('; '), { problems });
