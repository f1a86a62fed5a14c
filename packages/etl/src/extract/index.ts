import type { SourceLine } from "../normalise/lines.ts";
import type { LogicalLine } from "../normalise/logical-lines.ts";
import { extractFlatTables } from "./flat-table.ts";
import { extractProse } from "./prose.ts";
import { extractTsvTables } from "./tsv-table.ts";
import type { ExtractContext, RowCandidate } from "./row-candidate.ts";

export type { RowCandidate, ValueCell, ExtractContext } from "./row-candidate.ts";
export { assignSections } from "./sections.ts";

/** Every indicator row of a document: tab tables first, then PDF-flattened tables, then prose. */
export function extractRows(source: SourceLine[], logical: LogicalLine[], ctx: ExtractContext): RowCandidate[] {
  const { rows, consumed } = extractTsvTables(source, ctx);
  const flat = extractFlatTables(source, ctx, consumed);
  const prose = extractProse(logical, source, ctx, consumed);
  return [...rows, ...flat, ...prose].sort((a, b) => a.source_line - b.source_line);
}
