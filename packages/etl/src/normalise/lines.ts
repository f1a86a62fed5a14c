import { normaliseLine } from "./normalise-line.ts";

/** One line of the source file after normalisation, with its 1-based line number. */
export interface SourceLine { n: number; text: string; raw: string }

/** Splits a document into normalised lines, keeping line numbers for provenance. */
export function toLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => ({ n: i + 1, text: normaliseLine(raw), raw }));
}
