import type { SourceLine } from "./lines.ts";

/** A paragraph or list item rebuilt from lines that a PDF or a Word export broke apart. */
export interface LogicalLine { first: number; last: number; text: string }

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
 * in lower case (or with a long number like a year), or the previous line filled the wrap width.
 * Blank lines are ignored: PDF text puts one between every line.
 */
export function logicalLines(lines: SourceLine[]): LogicalLine[] {
  const width = wrapWidth(lines);
  const out: LogicalLine[] = [];
  let prevLen = 0;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === "") continue;
    const prev = out[out.length - 1];
    const isTable = line.text.includes("\t");
    const continues = prev !== undefined && !isTable && !prev.text.includes("\t") && !LIST_MARKER.test(text)
      && !TERMINAL.test(prev.text)
      && (STARTS_LOWER.test(text) || STARTS_DIGIT_NOT_MARKER.test(text) || (width !== null && prevLen >= 0.7 * width));
    if (continues) {
      prev.text = `${prev.text} ${text}`;
      prev.last = line.n;
    } else {
      out.push({ first: line.n, last: line.n, text });
    }
    prevLen = text.length;
  }
  return out;
}
