/** Every error the API returns: a stable code, an HTTP status, a message, optional details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError('BAD_REQUEST', 400, message, details);
export const validationFailed = (message: string, details?: unknown) =>
  new AppError('VALIDATION_FAILED', 422, message, details);
export const unauthenticated = (message = 'Log in first') => new AppError('UNAUTHENTICATED', 401, message);
export const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 401, 'Wrong username or password');
export const forbidden = (message = 'Not allowed for your role or jurisdiction') =>
  new AppError('FORBIDDEN', 403, message);
export const notFound = (what: string) => new AppError('NOT_FOUND', 404, `${what} not found`);
export const caseNotFound = () => new AppError('CASE_NOT_FOUND', 404, 'No case with this number and query code');
export const invalidTransition = (message: string, details?: unknown) =>
  new AppError('INVALID_TRANSITION', 409, message, details);
export const versionConflict = (expected: number, actual: number) =>
  new AppError('VERSION_CONFLICT', 409, 'Someone else changed this case first; reload it and try again', {
    expectedVersion: expected,
    actualVersion: actual,
  });
export const notAcceptedHere = (message: string) => new AppError('NOT_ACCEPTED_HERE', 422, message);
export const calendarMissing = (year: number) =>
  new AppError('CALENDAR_YEAR_MISSING', 503, `No working-day calendar for ${year}; an administrator must add it`, {
    year,
  });
