/** Times from the API are UTC (`YYYY-MM-DD HH:MM:SS.mmm`); people read them in China time. */
const fmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatTime(at: string | null | undefined): string {
  if (!at) return '';
  const d = new Date(`${at.replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? '' : 'Z'}`);
  if (Number.isNaN(d.getTime())) return at;
  return fmt.format(d).replace(/\//g, '-');
}

type Translate = (key: string, params?: Record<string, unknown>) => string;
interface PromiseLike {
  status: 'pending' | 'running' | 'paused' | 'finished';
  leftDays: number | null;
  overdueDays: number;
  pauseKind: 'materials' | 'special' | null;
}

/** The promise's status in words (common:promise.*): overdue in days past, never a negative count. */
export function promiseWords(p: PromiseLike, t: Translate): string {
  if (p.status === 'pending') return t('promise.pending');
  if (p.status === 'finished') return t('promise.finished');
  const overdue = p.overdueDays > 0 ? t('promise.overdue', { n: p.overdueDays }) : null;
  if (p.status === 'paused') {
    const paused = t('promise.paused', { why: t(`promise.why.${p.pauseKind ?? 'special'}`) });
    return overdue ? `${paused} · ${overdue}` : paused;
  }
  return overdue ?? t('promise.leftDays', { n: p.leftDays ?? 0 });
}
