import type { TFunction } from 'i18next';
import { ApiError } from '../api/http';

/** The wait a 429 RATE_LIMITED names (details.retryAfterSeconds, as in Retry-After), or null. */
export function retryAfterSeconds(e: unknown): number | null {
  if (!(e instanceof ApiError) || e.code !== 'RATE_LIMITED') return null;
  const s = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof s === 'number' && s > 0 ? s : null;
}

/** When to try again, as a clock time and whole minutes from now (at least 1), in the reader's language. */
export function tryAgainAt(seconds: number, language: string, now = new Date()): { time: string; minutes: number } {
  const at = new Date(now.getTime() + seconds * 1000);
  const time = at.toLocaleTimeString(language === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit' });
  return { time, minutes: Math.max(1, Math.ceil(seconds / 60)) };
}

/** "Too many attempts; try again after 14:35 (in about 12 minutes)", or null when the error names no wait. */
export function rateLimitText(e: unknown, t: TFunction, language: string, key = 'errors:RATE_LIMITED_UNTIL'): string | null {
  const seconds = retryAfterSeconds(e);
  return seconds === null ? null : t(key, tryAgainAt(seconds, language));
}
