/* How an error reads on screen; apart from ErrorState so the catalogue (no antd) can use it. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/http';
import i18n from '../i18n';
import { fileErrorText } from './fileErrorText';
import { rateLimitText } from './retryAfter';

// Codes whose server message carries details a person needs (which field, which line).
const WITH_DETAILS = new Set(['VALIDATION_FAILED', 'IMPORT_FAILED', 'BAD_REQUEST']);

/**
 * How an error reads on screen: the code's meaning in the reader's language,
 * the server's message where it has details, and the stable code for support.
 */
export function errorText(e: unknown, t: TFunction): string {
  if (!(e instanceof ApiError)) return (e as Error)?.message ?? String(e);
  // A refusal that says how long to wait says it to the reader too.
  const wait = rateLimitText(e, t, i18n.language);
  if (wait) return `${wait} (${e.code})`;
  // A refused file: say what it really is, or the size it may have.
  const file = fileErrorText(e, t);
  if (file) return `${file} (${e.code})`;
  const known = i18n.exists(`errors:${e.code}`) ? t(`errors:${e.code}`) : null;
  if (!known) return `${e.message} (${e.code})`;
  if (e.code === 'NETWORK') return known;
  return WITH_DETAILS.has(e.code) ? `${known}：${e.message} (${e.code})` : `${known} (${e.code})`;
}
