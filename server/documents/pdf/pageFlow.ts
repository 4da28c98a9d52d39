/**
 * Top-to-bottom flow of content over A4 pages: a cursor that starts a new page when the next piece does
 * not fit. The margins are those of GB/T 9704 (official documents): top 37 mm, left 28 mm, a 156 × 225 mm
 * text block.
 */
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { breakLines } from './lineBreak';

const MM = 72 / 25.4;
export const A4: [number, number] = [210 * MM, 297 * MM];
export const MARGIN = { top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM };
export const TEXT_WIDTH = A4[0] - MARGIN.left - MARGIN.right;
export const TEXT_LEFT = MARGIN.left;
export const TEXT_RIGHT = A4[0] - MARGIN.right;
export const INK = rgb(0, 0, 0);

export interface TextStyle {
  font: PDFFont;
  size: number;
  /** Baseline to baseline. */
  leading: number;
}

export class PageFlow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  /** The top of the space still free on the current page. */
  y = 0;
  private readonly widths = new Map<string, number>();

  constructor(private readonly doc: PDFDocument) {
    this.newPage();
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN.top;
    return this.page;
  }

  /** Room for `height` points on this page, or a new page. */
  ensure(height: number): PDFPage {
    if (this.y - height < MARGIN.bottom && this.y < A4[1] - MARGIN.top) this.newPage();
    return this.page;
  }

  /** A height of the page's full text block: what fits on an empty page. */
  get blockHeight(): number {
    return A4[1] - MARGIN.top - MARGIN.bottom;
  }

  gap(height: number): void {
    this.y -= height;
  }

  /** Width of a run of text, measured once per character, font and size (wrapping measures a lot). */
  widthOf(style: Pick<TextStyle, 'font' | 'size'>, text: string): number {
    let w = 0;
    for (const ch of text) {
      const key = `${style.font.name}\u0000${style.size}\u0000${ch}`;
      let cw = this.widths.get(key);
      if (cw === undefined) {
        cw = style.font.widthOfTextAtSize(ch, style.size);
        this.widths.set(key, cw);
      }
      w += cw;
    }
    return w;
  }

  wrap(style: TextStyle, text: string, width: number): string[] {
    return breakLines(text, width, (s) => this.widthOf(style, s));
  }

  /**
   * Text wrapped to `width` from `left`, line by line onto as many pages as it takes; `align` centre puts
   * each line in the middle of the text block.
   */
  text(style: TextStyle, text: string, opts: { left?: number; width?: number; align?: 'left' | 'centre' } = {}): void {
    const left = opts.left ?? TEXT_LEFT;
    const width = opts.width ?? TEXT_WIDTH;
    for (const line of this.wrap(style, text, width)) {
      const page = this.ensure(style.leading);
      const x = opts.align === 'centre' ? left + (width - this.widthOf(style, line)) / 2 : left;
      // The baseline sits a size below the top of the line box, the rest of the leading below it.
      page.drawText(line, { x, y: this.y - style.size, size: style.size, font: style.font, color: INK });
      this.y -= style.leading;
    }
  }
}
