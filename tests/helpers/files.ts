import zlib from 'node:zlib';
import { Api, type ApiResponse } from './api';

/*
 * Real files of each kind a material may be, and of kinds it may not, built
 * in memory: a one-page PDF, a JPEG and a PNG header, an OFD package, a
 * Windows program, a zip bomb.
 */

export function pdfBytes(text = '营业执照'): Buffer {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${Buffer.from(text).toString('hex')}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export function jpegBytes(seed = 1): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from(`JFIF\0${'x'.repeat(40)}${seed}`), Buffer.from([0xff, 0xd9])]);
}

export function pngBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(17)]);
}

export const exeBytes = (): Buffer => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

/** A zip of deflated entries (what an OFD package is). */
export function zipOf(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = zlib.deflateRawSync(e.data);
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export const ofdBytes = (): Buffer =>
  zipOf([
    { name: 'OFD.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>') },
    { name: 'Doc_0/Document.xml', data: Buffer.from('<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>') },
  ]);

/** An OFD-looking package whose one entry inflates to 60 MB of zeros from a few dozen KB. */
export const zipBombBytes = (): Buffer =>
  zipOf([
    { name: 'OFD.xml', data: Buffer.from('<ofd:OFD/>') },
    { name: 'Doc_0/big.bin', data: Buffer.alloc(60 * 1024 * 1024) },
  ]);

/** POST /api/cases/:caseNo/files as multipart, with a token or a query code. */
export async function uploadFile(
  api: Api,
  caseNo: string,
  part: { material: string; bytes: Buffer; name: string; type?: string; expectedVersion?: number },
  who: { token?: string; queryCode?: string },
): Promise<ApiResponse> {
  const form = new FormData();
  form.append('material', part.material);
  if (part.expectedVersion) form.append('expectedVersion', String(part.expectedVersion));
  form.append('file', new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'application/octet-stream' }), part.name);
  const headers: Record<string, string> = {};
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (who.queryCode) headers['x-query-code'] = who.queryCode;
  const res = await fetch(`${api.baseUrl}/api/cases/${caseNo}/files`, { method: 'POST', body: form, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
