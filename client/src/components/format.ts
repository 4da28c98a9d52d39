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
