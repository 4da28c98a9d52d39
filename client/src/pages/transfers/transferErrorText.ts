import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http';
import { errorText } from '../../components/errorText';
import i18n from '../../i18n';

/** A refusal of the transfer forms in the reader's words (transfers:error.*), else as every other screen says it. */
export function transferErrorText(e: unknown, t: TFunction): string {
  if (e instanceof ApiError && i18n.exists(`transfers:error.${e.code}`)) return `${t(`transfers:error.${e.code}`)} (${e.code})`;
  return errorText(e, t);
}
