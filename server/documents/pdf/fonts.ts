/**
 * The typeface of the documents: Noto Serif SC (思源宋体, SIL OFL 1.1), Regular for text and Bold for titles
 * and the seal, from the npm package @expo-google-fonts/noto-serif-sc, so `npm install` alone brings it.
 *
 * Why this one:
 * - A song (serif) face is what Chinese official documents are set in. This build has every hanzi of the
 *   basic CJK block and Extension A (GB 18030-2000's 27,484), so rare characters in names and places print;
 *   Extension B characters (e.g. 𠀀) do not, and show as an empty box.
 * - It ships as TrueType (glyf) files, which pdf-lib subsets to just the glyphs used (a one-page document
 *   carries tens of kilobytes of font, not 15 MB). The CFF/OTF packages (@embedpdf/fonts-sc, Source Han)
 *   do not survive @pdf-lib/fontkit's CFF subsetter: poppler refuses the result. The fontsource and
 *   @chinese-fonts packages ship only web fonts split by unicode-range.
 * - The package's other weights (about 115 MB in node_modules in all) are never read.
 */
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

export interface DocumentFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** What @pdf-lib/fontkit 1.1.1's TrueType subsetter keeps while it works (not in its typings). */
interface TtfSubsetInternals {
  _addGlyph(gid: number): number;
  glyf: Uint8Array[];
  offset: number;
  glyphEncoder?: unknown;
}

/**
 * fontkit with one fix: its TrueType subsetter copies each glyph's bytes as they are and then writes a
 * short `loca` table (offsets halved) whenever the subset is small; Noto's glyphs have odd lengths, so the
 * halved offsets land mid-glyph and about half the characters come out blank. Padding every copied glyph to
 * an even length (which the format allows) makes the short offsets exact. The package is pinned, so the
 * internals this relies on do not move; tests/unit/officialDocumentPdf.test.ts decodes every embedded glyph.
 */
const parsed = new WeakMap<Uint8Array, fontkit.Font>();
export const patchedFontkit = {
  create(buffer: Uint8Array, postscriptName?: string): fontkit.Font {
    const cached = parsed.get(buffer);
    if (cached) return cached;
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as unknown as TtfSubsetInternals;
      if (typeof subset._addGlyph === 'function' && 'glyphEncoder' in subset) {
        const addGlyph = subset._addGlyph;
        subset._addGlyph = function (this: TtfSubsetInternals, gid: number) {
          const index = addGlyph.call(this, gid);
          const last = this.glyf[this.glyf.length - 1]!;
          if (last.length % 2 === 1) {
            // fontkit streams its own Buffer class (a browser polyfill): pad with the same class.
            const padded = (last.constructor as unknown as { alloc(n: number): Uint8Array }).alloc(last.length + 1);
            padded.set(last, 0);
            this.glyf[this.glyf.length - 1] = padded;
            this.offset += 1;
          }
          return index;
        };
      }
      return subset as unknown as fontkit.Subset;
    };
    // Parsing a 15 MB font takes a while: one parse per process, shared by every document.
    parsed.set(buffer, font);
    return font;
  },
};

const fontBytes = new Map<FontWeight, Uint8Array>();

/** The font file's bytes, read once per process. */
export function fontFile(weight: FontWeight): Uint8Array {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    bytes = new Uint8Array(fs.readFileSync(require.resolve(FONT_FILES[weight])));
    fontBytes.set(weight, bytes);
  }
  return bytes;
}

/**
 * Both weights embedded in `doc` as subsets: only the glyphs drawn go into the file. Named with a fixed
 * subset tag (PDF 32000 9.6.4: six capitals and +) instead of pdf-lib's random suffix, so the same model
 * renders to the same bytes.
 */
export async function embedDocumentFonts(doc: PDFDocument): Promise<DocumentFonts> {
  doc.registerFontkit(patchedFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(fontFile('regular'), { subset: true, customName: 'WZAPRA+NotoSerifSC-Regular' }),
    doc.embedFont(fontFile('bold'), { subset: true, customName: 'WZAPRB+NotoSerifSC-Bold' }),
  ]);
  return { regular, bold };
}
