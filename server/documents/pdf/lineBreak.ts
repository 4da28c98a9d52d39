/**
 * Line breaking for Chinese text by measured width. Chinese has no spaces: a line may break between any two
 * hanzi. Runs of Latin letters and digits (a licence code, a number, an English word) are kept whole while
 * they fit a line. The punctuation rules (禁则) of typesetting: closing punctuation such as ，。；：、）」 never
 * starts a line and opening punctuation such as （「 never ends one; the character before is carried down
 * with it instead.
 */

/** May not start a line. */
const NO_START = new Set([...'，。；：、！？）」』》〉】〕〗”’…—·%‰,.;:!?)]}']);
/** May not end a line. */
const NO_END = new Set([...'（「『《〈【〔〖“‘([{']);

/** A run that stays together when it can: Latin letters, digits and the punctuation inside codes. */
const WORD = /[A-Za-z0-9][A-Za-z0-9.\-_/@:#+]*[A-Za-z0-9]|[A-Za-z0-9]/y;

function units(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m) {
      out.push(m[0]);
      i += m[0].length;
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      out.push(ch);
      i += ch.length;
    }
  }
  return out;
}

/**
 * Splits `text` into lines no wider than `maxWidth` (as `widthOf` measures), honouring the punctuation
 * rules above. A newline in the text forces a break. A line is never empty unless the text is.
 */
export function breakLines(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) lines.push(...breakParagraph(paragraph, maxWidth, widthOf));
  return lines;
}

function breakParagraph(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  const queue = units(text);
  while (queue.length > 0) {
    const unit = queue.shift()!;
    const w = widthOf(unit);
    if (width + w <= maxWidth || (line.length === 0 && w <= maxWidth)) {
      if (line.length > 0 || unit !== ' ') {
        line.push(unit);
        width += w;
      }
      continue;
    }
    if (w > maxWidth && unit.length > 1) {
      // A run longer than a line (a long code) is broken between its characters.
      queue.unshift(...Array.from(unit));
      continue;
    }
    if (line.length === 0) {
      // A single character wider than the line: it goes on a line of its own.
      lines.push(unit);
      continue;
    }
    // Break before `unit`; carry characters down so that no line starts with closing punctuation or ends
    // with opening punctuation, keeping at least one character on the line.
    const carried: string[] = [unit];
    while (line.length > 1 && (NO_START.has(carried[0]![0]!) || NO_END.has(line[line.length - 1]!))) carried.unshift(line.pop()!);
    lines.push(line.join('').trimEnd());
    line = [];
    width = 0;
    queue.unshift(...carried);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join('').trimEnd());
  return lines;
}
