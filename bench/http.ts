/** Parses the stored UTC time `YYYY-MM-DD HH:MM:SS.mmm`. */
export const atMs = (at: string) => Date.parse(`${at.replace(' ', 'T')}Z`);

/** POSTs JSON to a bench server; anything but a 2xx throws with the answer. */
export async function post(base: string, pathname: string, body: unknown, token?: string): Promise<any> {
  const r = await fetch(`${base}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const json = await r.json();
  if (r.status >= 300) throw new Error(`${pathname}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}
