import type { LogicalLine } from "../normalise/logical-lines.ts";
import type { SourceLine } from "../normalise/lines.ts";
import { findCountsInText, findValuesInText } from "../values/find-values.ts";
import { findTargetTallies } from "../values/target-tallies.ts";
import { assignSections } from "./sections.ts";
import type { ExtractContext, RowCandidate } from "./row-candidate.ts";

const SUMMARY = /((?<!\d)\d+\s*\/\s*\d+|\b(có|còn|cả)\s+\d+)\s+chỉ tiêu/iu;

/**
 * Targets and results written as sentences or bullets ("- Tỷ lệ … đạt trên 75%.", "… 4371/4864 đạt
 * 89,9%"), anywhere in a document but under headings of tasks, budget or addressees ("Nhiệm vụ",
 * "Kinh phí": a percentage there is a task or a budget rule, not an indicator value). A heading
 * about targets or results ("Mục tiêu", "Kết quả") decides a row's measure; without one (a post, an
 * article, a plan's opening) each clause's own words do (map/clause-measure.ts), else the document's kind.
 */
export function extractProse(lines: LogicalLine[], source: SourceLine[], ctx: ExtractContext, consumed: Set<number>): RowCandidate[] {
  const sections = assignSections(lines, ctx.docKind);
  const raw = new Map(source.map((l) => [l.n, l.raw]));
  const out: RowCandidate[] = [];
  lines.forEach((line, i) => {
    const { section, isHeading } = sections[i]!;
    if (isHeading || consumed.has(line.first) || line.text.includes("\t")) return;
    if (section.mode === "other") return;
    const text = line.text.replace(/^[-–—+•▪●*]\s*/, "").trim();
    const summary = SUMMARY.test(text) || findTargetTallies(text).length > 0;
    // A line with only counts in it ("đã thành lập 18 Tổ công nghệ số cộng đồng") is a row too: its
    // counts are kept where their clause names an indicator that counts things.
    const countsOnly = !summary && findValuesInText(text).length === 0;
    if (countsOnly && findCountsInText(text).length === 0) return;
    const sourceText: string[] = [];
    for (let n = line.first; n <= line.last; n++) if ((raw.get(n) ?? "").trim() !== "") sourceText.push(raw.get(n)!);
    out.push({
      extractor: "prose", source_line: line.first, source_ref: null, source_text: sourceText.join("\n"), text,
      unit_hint: null, cells: [], text_measure: section.mode === "target" ? "target" : section.mode === "result" ? "actual" : ctx.docKind === "plan" ? "target" : "actual",
      measure_from_heading: section.heading !== null && (section.mode === "target" || section.mode === "result"),
      year: section.year ?? ctx.docYear, summary, counts_only: countsOnly, context_before: i > 0 ? lines[i - 1]!.text : null,
    });
  });
  return out;
}
