/**
 * Answers the server put into the first page's HTML (server/http/catalogueShell.ts): the catalogue's first
 * GETs are answered from here, once each, instead of another round trip on a slow phone network.
 */
let boot: Map<string, unknown> | null = null;

export function takeBootAnswer(path: string): unknown {
  if (!boot) {
    boot = new Map();
    const el = typeof document === 'undefined' ? null : document.getElementById('boot-data');
    if (el?.textContent) {
      try {
        boot = new Map(Object.entries(JSON.parse(el.textContent) as Record<string, unknown>));
      } catch {
        // A broken block only costs the round trips it was meant to save.
      }
      el.remove();
    }
  }
  const answer = boot.get(path);
  boot.delete(path);
  return answer;
}
