/** The PDF renderer of official documents: what the rest of the server uses. */
export { renderOfficialDocument, type OfficialDocumentModel } from './officialDocument';
export { LICENCE_ID_KEY, readDocumentInfo } from './metadata';
