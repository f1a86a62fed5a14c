import type { SourceLine } from "../normalise/lines.ts";
import { readHeader, type ColumnRole } from "./table-header.ts";
import { unitHint, type ExtractContext, type RowCandidate, type ValueCell } from "./row-candidate.ts";

const GROUP_LABEL = /^([IVXLC]+|[A-ZĐ])\.?$/u;
const ROW_LABEL = /^\d{1,3}(\.\d{1,3})*\.?$/u;

interface DraftRow { label: string; group: string | null; cells: string[]; lines: SourceLine[] }

/**
 * Indicator tables written as tab-separated rows (Word appendices): finds the header by its words,
 * skips repeated headers after page breaks and group rows ("I  Phát triển hạ tầng số"), joins a row
 * that a page break split in two, and prefixes the group letter where numbering restarts ("C.11").
 */
export function extractTsvTables(lines: SourceLine[], ctx: ExtractContext): { rows: RowCandidate[]; consumed: Set<number> } {
  const rows: RowCandidate[] = [];
  const consumed = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    const header = lines[i]!.text.includes("\t") ? readHeader(lines[i]!.text.split("\t")) : null;
    if (!header) { i++; continue; }
    const headerText = norm(lines[i]!.text);
    const titleYear = tableTitleYear(lines, i);
    consumed.add(lines[i]!.n);
    const drafts: DraftRow[] = [];
    let group: string | null = null;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.text.trim() === "") continue;
      if (!line.text.includes("\t")) break;
      consumed.add(line.n);
      if (norm(line.text) === headerText || readHeader(line.text.split("\t"))) continue;
      const cells = line.text.split("\t").map((c) => c.trim());
      const label = (cells[header.roles.indexOf("label")] ?? "").replace(/\.$/, "");
      const values = cells.filter((_, k) => header.roles[k] === "target" || header.roles[k] === "result" || header.roles[k] === "unit");
      if (GROUP_LABEL.test(label) && values.every((v) => v === "")) { group = label; continue; }
      const prev = drafts[drafts.length - 1];
      if (label === "" && prev) {
        cells.forEach((c, k) => { if (c) prev.cells[k] = prev.cells[k] ? `${prev.cells[k]} ${c}` : c; });
        prev.lines.push(line);
        continue;
      }
      drafts.push({ label, group, cells, lines: [line] });
    }
    rows.push(...toCandidates(drafts, header.roles, { ...ctx, targetYear: header.targetYear ?? titleYear, resultYear: header.resultYear ?? titleYear }));
    i = j;
  }
  return { rows, consumed };
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The table's title just above it ("Mục tiêu, chỉ tiêu … trong năm 2024") may name the year. */
function tableTitleYear(lines: SourceLine[], headerIndex: number): number | null {
  for (let k = headerIndex - 1; k >= Math.max(0, headerIndex - 8); k--) {
    const m = /năm\s+(20\d\d)/iu.exec(lines[k]!.text);
    if (m) return Number(m[1]);
  }
  return null;
}

function toCandidates(drafts: DraftRow[], roles: (ColumnRole | null)[], ctx: ExtractContext & { targetYear: number | null; resultYear: number | null }): RowCandidate[] {
  const col = (r: DraftRow, role: ColumnRole) => { const k = roles.indexOf(role); return k >= 0 ? r.cells[k] ?? "" : ""; };
  // "1  Phát triển chính quyền số" with rows "1.1, 1.2 …" under it is a group row too.
  const dotted = drafts.some((d) => /^\d+\.\d+/.test(d.label));
  const labels = drafts.filter((d) => ROW_LABEL.test(d.label)).map((d) => d.label);
  const restarts = new Set(labels).size < labels.length;
  const out: RowCandidate[] = [];
  for (const d of drafts) {
    const text = col(d, "indicator");
    const hasValue = roles.some((r, k) => (r === "target" || r === "result") && (d.cells[k] ?? "") !== "");
    if (dotted && /^\d+$/.test(d.label) && !hasValue) continue;
    if (text === "" && !hasValue) continue;
    const cells: ValueCell[] = [];
    if (roles.includes("target")) cells.push({ measure: "target", year: ctx.targetYear ?? ctx.docYear, raw: col(d, "target") });
    if (roles.includes("result")) cells.push({ measure: "actual", year: ctx.resultYear ?? ctx.docYear, raw: col(d, "result") });
    out.push({
      extractor: "table",
      source_line: d.lines[0]!.n,
      source_ref: d.label === "" ? null : restarts && d.group ? `${d.group}.${d.label}` : d.label,
      source_text: d.lines.map((l) => l.raw).join("\n"),
      text,
      unit_hint: unitHint(col(d, "unit")),
      cells,
      // A target written in the text counts when the row has no target of its own ("Có ít nhất 04 …").
      text_measure: col(d, "target") !== "" ? null : "target",
      year: ctx.targetYear ?? ctx.docYear,
      summary: false,
    });
  }
  return out;
}
