import type { SourceLine } from "../normalise/lines.ts";
import type { LogicalLine } from "../normalise/logical-lines.ts";
import { extractCellLineTables, pipesToTabs } from "./cell-lines.ts";
import { extractFlatTables } from "./flat-table.ts";
import { extractProse } from "./prose.ts";
import { extractTsvTables } from "./tsv-table.ts";
import type { ExtractContext, RowCandidate } from "./row-candidate.ts";

export type { RowCandidate, ValueCell, ExtractContext } from "./row-candidate.ts";
export { assignSections } from "./sections.ts";

/**
 * Every indicator row of a document: tab tables first (pipe rows read as tabs), then tables flattened
 * to a cell per line, then PDF-flattened tables, then prose.
 */
export function extractRows(source: SourceLine[], logical: LogicalLine[], ctx: ExtractContext): RowCandidate[] {
  const lines = pipesToTabs(source);
  const { rows, consumed } = extractTsvTables(lines, ctx);
  const cellLines = extractCellLineTables(lines, ctx, consumed);
  for (const n of cellLines.used) consumed.add(n);
  const flat = extractFlatTables(lines, ctx, consumed);
  const prose = extractProse(logical, lines, ctx, consumed);
  return [...rows, ...cellLines.rows, ...flat, ...prose].sort((a, b) => a.source_line - b.source_line);
}
