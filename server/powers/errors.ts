import { AppError } from '../errors';

/** The power lists' refusals (README's error table, docs/powers.md). */
export const powerNotFound = () => new AppError('POWER_NOT_FOUND', 404, 'No power list entry with this code');
export const powerVersionNotFound = () => new AppError('POWER_VERSION_NOT_FOUND', 404, 'No power list version with this number');
export const powerListNotFound = () => new AppError('POWER_LIST_NOT_FOUND', 404, 'No power list is kept for this jurisdiction');
export const powerDraftOpen = (versionId: number) => new AppError('POWER_DRAFT_OPEN', 409, 'This list already has a draft version: adjust or publish that one', { versionId });
export const versionsNotComparable = (message: string) => new AppError('POWER_VERSIONS_NOT_COMPARABLE', 422, message);
export const entriesNotInVersion = (codes: string[]) => new AppError('POWER_ENTRY_NOT_IN_VERSION', 422, 'These entries are not in the draft version of this list', { codes });
export const implementedByItems = (items: string[]) =>
  new AppError('POWER_IMPLEMENTED_BY_ITEMS', 422, 'Catalogue items implement these entries: change the catalogue first, or the items would lose their power', { items });
export const bodyUnknown = (name: string) => new AppError('POWER_BODY_UNKNOWN', 422, `No implementing body ${name} in this list`, { name });
