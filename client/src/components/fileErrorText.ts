/* How a refused material file reads: what the file really is, and the size limit, from the refusal's details. */
import type { TFunction } from 'i18next';
import type { ApiError } from '../api/http';
import i18n from '../i18n';

// The server names what a refused file really is by a stable kind (details.kind): each has a word in errors:detected.
/** The words for a file refusal whose details say more than its code, or null (then the code's own words serve). */
export function fileErrorText(e: ApiError, t: TFunction): string | null {
  const d = (e.details ?? {}) as Record<string, unknown>;
  if (e.code === 'FILE_TYPE_NOT_ALLOWED') {
    const kind = typeof d.kind === 'string' && i18n.exists(`errors:detected.${d.kind}`) ? d.kind : 'unknown';
    return t('errors:FILE_TYPE_IS', { what: t(`errors:detected.${kind}`) });
  }
  if (e.code === 'FILE_TOO_LARGE') {
    return typeof d.limitMb === 'number' ? t('errors:FILE_TOO_LARGE', { limitMb: d.limitMb }) : t('errors:FILE_TOO_LARGE_PLAIN');
  }
  return null;
}
