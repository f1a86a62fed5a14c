import type { Measure, ValueUnit } from "@dx-atlas/schema";

/** A value cell of a row: the target column or the result column. */
export interface ValueCell { measure: Measure; year: number | null; raw: string }

/** One indicator row found in a document, before its values are parsed and mapped to the catalog. */
export interface RowCandidate {
  extractor: "table" | "flat-table" | "prose";
  source_line: number;
  source_ref: string | null;
  /** The original text of the row's lines, for provenance. */
  source_text: string;
  /** The indicator wording (may hold a target: "… đạt trên 80%"). */
  text: string;
  unit_hint: ValueUnit | null;
  cells: ValueCell[];
  /** When values written inside `text` count, and as what; null when the row has its own target column. */
  text_measure: Measure | null;
  /** True when a heading ("Mục tiêu …", "Kết quả …") set text_measure: its clauses' own words do not override it. */
  measure_from_heading?: boolean;
  year: number | null;
  /** "Có 03/08 chỉ tiêu đã hoàn thành": counts of the plan's own targets, not an indicator. */
  summary: boolean;
  /** A prose line whose only values are counts ("thành lập 18 Tổ công nghệ số"): no value clause, so no "no_value" reject when none maps. */
  counts_only?: boolean;
  /** Prose: the line before, for a sentence that goes on from it ("Khi đó, 100% hồ sơ …"). */
  context_before?: string | null;
}

/** Context every extractor needs. */
export interface ExtractContext { docKind: "plan" | "report"; docYear: number | null }

export const UNIT_HINTS: [RegExp, ValueUnit][] = [[/^%$|phần trăm|tỷ lệ/iu, "percent"], [/^đạt$/iu, "bool"], [/\/\s*100\s*dân/iu, "per100"]];
export function unitHint(cell: string | undefined): ValueUnit | null {
  const c = (cell ?? "").trim();
  if (c === "") return null;
  return UNIT_HINTS.find(([re]) => re.test(c))?.[1] ?? null;
}
export const yearIn = (text: string): number | null => {
  const m = /(?:năm|đến hết năm|đến năm)\s+(20\d\d)/iu.exec(text) ?? /\b(20\d\d)\b/u.exec(text);
  return m ? Number(m[1]) : null;
};
