import type { SourceLine } from "./lines.ts";

/** A paragraph or list item rebuilt from lines that a PDF or a Word export broke apart. */
export interface LogicalLine { first: number; last: number; text: string }

// "… của Ủy ban nhân dân tỉnh. - Tham mưu UBND tỉnh …": PDF extraction put two list items on one line.
const INLINE_BULLET = /(?<=[.;!?])\s+[-–+•]\s+(?=\p{Lu})/gu;

/** Splits merged list items apart, each keeping the source line where its text starts. */
function splitInlineBullets(line: LogicalLine, starts: { at: number; n: number }[]): LogicalLine[] {
  const cuts = [...line.text.matchAll(INLINE_BULLET)].map((m) => m.index);
  if (cuts.length === 0) return [line];
  const lineAt = (offset: number) => [...starts].reverse().find((s) => s.at <= offset)?.n ?? line.first;
  const bounds = [0, ...cuts, line.text.length];
  return bounds.slice(0, -1).map((from, i) => {
    const to = bounds[i + 1]!;
    const text = line.text.slice(from, to).trim();
    const first = lineAt(from + (line.text.slice(from, to).length - line.text.slice(from, to).trimStart().length));
    return { first, last: i === bounds.length - 2 ? line.last : lineAt(to - 1), text };
  });
}

const LIST_MARKER = /^\s*(?:[-–—+•▪●]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s|\d{1,2}(?:\.\d{1,2})+\s|[a-zđ][)]\s|[IVXLC]+[.)/]\s|[A-Z][.)]\s|(?:PHẦN|Phần)\s+[IVX\d]+\b)/u;
const TERMINAL = /[.;:!?…]["”)]?\s*$/u;
const STARTS_LOWER = /^\s*[\p{Ll}]/u;
const STARTS_DIGIT_NOT_MARKER = /^\s*\d{3,}/u;

/** Typical width of a wrapped line in this document, or null when paragraphs are unwrapped. */
function wrapWidth(lines: SourceLine[]): number | null {
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length < 20) return null;
  const p80 = lengths[Math.floor(lengths.length * 0.8)]!;
  return p80 <= 140 ? p80 : null;
}

/**
 * Rebuilds paragraphs from hard-wrapped lines. A line continues the previous one when the previous
 * has no closing punctuation and the line is no list item, table row or heading, and either starts
 * in lower case (or with a long number like a year), or the previous line filled the wrap width;
 * a line in capitals after one that is not starts a heading.
 * Blank lines are ignored: PDF text puts one between every line.
 */
export function logicalLines(lines: SourceLine[]): LogicalLine[] {
  const width = wrapWidth(lines);
  const out: LogicalLine[] = [];
  const starts = new Map<LogicalLine, { at: number; n: number }[]>();
  let prevLen = 0;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === "") continue;
    const prev = out[out.length - 1];
    const isTable = line.text.includes("\t");
    // A line in capitals after one that is not is a heading ("KẾ HOẠCH" after the date line), never a continuation.
    const heading = prev !== undefined && /\p{Lu}/u.test(text) && text === text.toUpperCase() && prev.text !== prev.text.toUpperCase();
    const continues = prev !== undefined && !isTable && !heading && !prev.text.includes("\t") && !LIST_MARKER.test(text)
      && !TERMINAL.test(prev.text)
      && (STARTS_LOWER.test(text) || STARTS_DIGIT_NOT_MARKER.test(text) || (width !== null && prevLen >= 0.7 * width));
    if (continues) {
      starts.get(prev)!.push({ at: prev.text.length + 1, n: line.n });
      prev.text = `${prev.text} ${text}`;
      prev.last = line.n;
    } else {
      const fresh = { first: line.n, last: line.n, text };
      starts.set(fresh, [{ at: 0, n: line.n }]);
      out.push(fresh);
    }
    prevLen = text.length;
  }
  return out.flatMap((l) => splitInlineBullets(l, starts.get(l)!));
}
