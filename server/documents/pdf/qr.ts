/**
 * A QR code drawn as vector squares (no image): sharp at any zoom and in print, and a few hundred bytes.
 * The modules come from the `qrcode` package, error correction level M (about 15% of the symbol may be lost):
 * it survives a smudge or a fold without making the symbol much denser than L.
 */
import QRCode from 'qrcode';
import { rgb, type PDFPage } from 'pdf-lib';

/**
 * The dark modules as one SVG path in module units, each row's runs of dark modules merged into one
 * rectangle. One fill for the whole symbol: no hairline seams between squares in anti-aliased viewers.
 */
export function qrPath(text: string): { path: string; modules: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`);
    }
  }
  return { path: parts.join(''), modules: n };
}

/** Draws the symbol with its lower-left corner at (x, y), `size` points square (quiet zone not included). */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { path, modules } = qrPath(text);
  // drawSvgPath puts the SVG origin at (x, y) with y running down: start from the top edge.
  page.drawSvgPath(path, { x, y: y + size, scale: size / modules, color: rgb(0, 0, 0) });
}
