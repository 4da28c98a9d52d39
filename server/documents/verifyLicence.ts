/**
 * Offline check of a licence PDF: is its signature line genuine for one of the given public keys, and what
 * licence does it say it is. What the Info dictionary says is only worth believing when the signature is
 * genuine, since the signature covers it like every other byte.
 */
import { isValidLicenceId } from '../../workflows/licenceIdentifier';
import { LICENCE_ID_KEY, readDocumentInfo } from './pdf/metadata';
import { verifySignedPdf, type KeyInput, type PdfSignatureProblem } from './signing';

export interface LicenceFileCheck {
  /** The signature is genuine for one of the keys and no byte changed since. */
  valid: boolean;
  /** Why it is not valid, as a stable code. */
  code?: PdfSignatureProblem;
  keyId: string | null;
  reason?: string;
  /** The LicenceId entry of the Info dictionary, if any. */
  licenceId: string | null;
  /** Whether that identifier passes the GB/T 36904 check (null when there is none). */
  licenceIdValid: boolean | null;
  /** Every text entry of the Info dictionary (empty when the file cannot be read as a PDF). */
  metadata: Record<string, string>;
}

export async function verifyLicenceFile(bytes: Uint8Array, keys: Record<string, KeyInput>): Promise<LicenceFileCheck> {
  const signature = verifySignedPdf(bytes, keys);
  let metadata: Record<string, string> = {};
  try {
    metadata = await readDocumentInfo(bytes);
  } catch {
    // A file damaged past parsing: the signature verdict (false then) says what matters.
  }
  const licenceId = metadata[LICENCE_ID_KEY] ?? null;
  return { ...signature, licenceId, licenceIdValid: licenceId === null ? null : isValidLicenceId(licenceId), metadata };
}
