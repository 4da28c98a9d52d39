/**
 * The red round seal of the issuing body, drawn in vectors: a ring, a five-pointed star in the middle, the
 * body's name along the upper arc and the seal's name (e.g. 行政许可专用章) level under the star, as a
 * government seal is cut. It is drawn with the Multiply blend so the name and date it sits on still show
 * through, as they do under real ink. The look of a seal, not its force: what makes the file genuine is the
 * signature line (server/documents/signing.ts).
 */
import { BlendMode, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const SEAL_RED = rgb(0.86, 0.08, 0.08);
/** 42 mm across: the size of a county- or city-level body's seal. */
export const SEAL_DIAMETER = (42 / 25.4) * 72;

/** Above its baseline, where the middle of a CJK glyph sits (Noto's ideographic em box runs −0.12 to 0.88). */
const GLYPH_MIDDLE = 0.38;
/** The arc the name may take at most, centred on the top. */
const MAX_ARC = (235 * Math.PI) / 180;

export interface SealSpec {
  /** The body's name, along the upper arc. */
  name: string;
  /** The seal's name, under the star. */
  sealName: string;
  cx: number;
  cy: number;
  font: PDFFont;
  diameter?: number;
}

/** Points of a five-pointed star centred on (0, 0), SVG orientation (y down), one point straight up. */
function starPath(outer: number): string {
  const inner = outer * 0.382; // the inner radius of a regular pentagram
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(r * Math.cos(a)).toFixed(3)} ${(r * Math.sin(a)).toFixed(3)}`);
  }
  return `M ${points.join(' L ')} Z`;
}

export function drawSeal(page: PDFPage, spec: SealSpec): void {
  const { cx, cy, font } = spec;
  const radius = (spec.diameter ?? SEAL_DIAMETER) / 2;
  const ring = radius * 0.055;
  const ink = { color: SEAL_RED, blendMode: BlendMode.Multiply };

  page.drawCircle({ x: cx, y: cy, size: radius - ring / 2, borderColor: SEAL_RED, borderWidth: ring, blendMode: BlendMode.Multiply });
  page.drawSvgPath(starPath(radius * 0.3), { x: cx, y: cy, ...ink });

  // The name: each character upright towards the rim, centres evenly spaced on an arc inside the ring.
  const chars = Array.from(spec.name);
  let size = radius * 0.27;
  let arcRadius = radius - ring - 2 - size * 0.55;
  let step = (size * 1.08) / arcRadius;
  if (chars.length * step > MAX_ARC) {
    // A long name: smaller characters, so it still fits the arc.
    size *= MAX_ARC / (chars.length * step);
    arcRadius = radius - ring - 2 - size * 0.55;
    step = (size * 1.08) / arcRadius;
  }
  const first = Math.PI / 2 + ((chars.length - 1) * step) / 2;
  chars.forEach((ch, i) => {
    const a = first - i * step;
    const up = { x: Math.cos(a), y: Math.sin(a) };
    const right = { x: Math.sin(a), y: -Math.cos(a) };
    const half = font.widthOfTextAtSize(ch, size) / 2;
    const mid = size * GLYPH_MIDDLE;
    const x = cx + arcRadius * up.x - right.x * half - up.x * mid;
    const y = cy + arcRadius * up.y - right.y * half - up.y * mid;
    page.drawText(ch, { x, y, size, font, rotate: degrees((a * 180) / Math.PI - 90), ...ink });
  });

  // The seal's name, level, under the star.
  let nameSize = radius * 0.17;
  const maxWidth = radius * 1.2;
  const width = font.widthOfTextAtSize(spec.sealName, nameSize);
  if (width > maxWidth) nameSize *= maxWidth / width;
  const nameWidth = font.widthOfTextAtSize(spec.sealName, nameSize);
  page.drawText(spec.sealName, { x: cx - nameWidth / 2, y: cy - radius * 0.58, size: nameSize, font, ...ink });
}
