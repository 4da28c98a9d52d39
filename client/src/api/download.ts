/**
 * Downloads of the signed PDFs (e-licences, official documents). They need
 * the same proof of who is asking as the API (a token, or the case's query
 * code in a header), which a plain link cannot carry: the file is fetched,
 * then handed to the browser as a download of a local object URL.
 */
import { ApiError, refusal, whoHeaders } from './http';

export interface Fetched {
  blob: Blob;
  /** The name the server gave it (Content-Disposition), else the fallback. */
  name: string;
}

/** The file name of a Content-Disposition header: the UTF-8 `filename*` first, then the plain `filename`. */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // a broken encoding: try the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? plain[1]!.trim() : null;
}

/** Fetches a file of the API as the current viewer; throws ApiError as `api` does. */
export async function fetchFile(path: string, fallbackName: string, who: { queryCode?: string | null } = {}): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/pdf, application/json', ...whoHeaders(who.queryCode) } });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  if (!res.ok) throw refusal(res, await res.json().catch(() => null));
  return { blob: await res.blob(), name: dispositionName(res.headers.get('content-disposition')) ?? fallbackName };
}

/** Hands a blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked once the browser has long since taken the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetches a file and saves it as a download. */
export async function downloadFile(path: string, fallbackName: string, who: { queryCode?: string | null } = {}): Promise<void> {
  const { blob, name } = await fetchFile(path, fallbackName, who);
  saveBlob(blob, name);
}
