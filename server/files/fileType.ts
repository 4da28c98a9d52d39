import yauzl from 'yauzl';
import { AppError } from '../errors';

/**
 * What a file is, by its content (magic bytes), never by its name or the
 * browser's word: only PDF, JPEG, PNG and OFD (GB/T 33190, a zip with an
 * OFD.xml at its root) are materials. Four signatures are a few lines; an
 * OFD needs its zip directory read, which the generic sniffers stop short
 * of (they answer "zip"), so yauzl reads it here without inflating anything.
 */
export type MaterialType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/ofd';

export const MATERIAL_TYPES: readonly MaterialType[] = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'];

export interface ArchiveLimits {
  /** The most an OFD may claim to inflate to, in bytes. */
  maxInflated: number;
  /** The most it may inflate relative to its own size (a zip bomb claims thousands). */
  maxRatio: number;
  maxEntries: number;
}

const starts = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/** What a refused file really is: a stable kind for clients, and words for the message. */
function whatItIs(b: Buffer): { kind: string; text: string } {
  if (starts(b, [0x4d, 0x5a])) return { kind: 'exe', text: 'a Windows program (.exe)' };
  if (starts(b, [0x7f, 0x45, 0x4c, 0x46])) return { kind: 'elf', text: 'a Linux program' };
  if (starts(b, [0x47, 0x49, 0x46, 0x38])) return { kind: 'gif', text: 'a GIF image' };
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip', text: 'a zip archive' };
  if (starts(b, [0x52, 0x61, 0x72, 0x21])) return { kind: 'rar', text: 'a RAR archive' };
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0])) return { kind: 'office', text: 'an old Office document (.doc/.xls)' };
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8)) return { kind: 'webp', text: 'a WebP image' };
  if (b.subarray(4, 12).toString('latin1').includes('ftyphei')) return { kind: 'heic', text: 'a HEIC photo' };
  const head = b.subarray(0, 256).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<svg') || head.startsWith('<?xml')) return { kind: 'html', text: 'an HTML/SVG/XML page' };
  return { kind: 'unknown', text: 'of an unknown kind' };
}

export const fileEmpty = () => new AppError('FILE_EMPTY', 422, 'The file is empty (0 bytes): choose the scan or photo again');

function notAllowed(b: Buffer): AppError {
  const what = whatItIs(b);
  return new AppError('FILE_TYPE_NOT_ALLOWED', 415, `This file is ${what.text}; a material must be a PDF, JPEG or PNG image, or OFD document (checked by content, not by name)`, {
    detected: what.text,
    kind: what.kind,
    allowed: MATERIAL_TYPES,
  });
}

const damaged = (what: string, why: string) => new AppError('FILE_DAMAGED', 422, `The ${what} is damaged: ${why}; scan or export it again`, { why });

/** Reads an OFD's zip directory (nothing is inflated) and judges it. */
function checkOfd(b: Buffer, limits: ArchiveLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(b, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(damaged('OFD document', 'its zip directory cannot be read'));
      let entries = 0;
      let inflated = 0;
      let hasRoot = false;
      zip.on('entry', (e: yauzl.Entry) => {
        entries += 1;
        inflated += e.uncompressedSize;
        if (e.fileName === 'OFD.xml') hasRoot = true;
        if (entries > limits.maxEntries || inflated > limits.maxInflated || inflated > b.length * limits.maxRatio) {
          zip.close();
          return reject(
            new AppError('ARCHIVE_TOO_LARGE', 422, `The archive would unpack to more than allowed (${entries} entries, ${inflated} bytes claimed from ${b.length}): it looks like a zip bomb and is not stored`, {
              entries,
              claimedBytes: inflated,
              size: b.length,
            }),
          );
        }
        zip.readEntry();
      });
      zip.on('end', () => (hasRoot ? resolve() : reject(notAllowed(b))));
      zip.on('error', () => reject(damaged('OFD document', 'its zip directory is inconsistent')));
      zip.readEntry();
    });
  });
}

/** The material type of `b`, or the AppError that says why it is not one. */
export async function detectMaterialType(b: Buffer, limits: ArchiveLimits): Promise<MaterialType> {
  if (b.length === 0) throw fileEmpty();
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    // A PDF cut short in transfer has no end-of-file marker near its end.
    if (!b.subarray(Math.max(0, b.length - 1024)).toString('latin1').includes('%%EOF')) throw damaged('PDF', 'it has no end (%%EOF): the upload was cut short');
    return 'application/pdf';
  }
  if (starts(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    if (b.subarray(12, 16).toString('latin1') !== 'IHDR') throw damaged('PNG image', 'its header is missing');
    return 'image/png';
  }
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    await checkOfd(b, limits);
    return 'application/ofd';
  }
  throw notAllowed(b);
}

export const EXTENSION: Record<MaterialType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/ofd': 'ofd',
};
