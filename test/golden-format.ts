import type { FileResult } from "../packages/etl/src/process-document.ts";

// One line per expected observation or expected row-level reject, tab-separated, sorted by line.
export const goldenHeader = ["line", "ref", "kind", "measure", "year", "code", "comparator", "value", "value_max", "unit", "status", "fraction", "text"].join("\t");

const fmt = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export function toGoldenRows(r: FileResult): string[] {
  const obs = r.observations.map((o) => [o.source_line, o.source_ref, "obs", o.measure, o.period_year, o.indicator_code, o.comparator, o.value, o.value_max, o.unit, o.status, o.numerator !== null ? `${o.numerator}/${o.denominator}` : "", o.indicator_text.slice(0, 80)]);
  const rej = r.rejects.filter((x) => x.scope === "row").map((x) => [x.source_line, x.source_ref, `reject:${x.reason_code}`, "", "", x.best_code, "", "", "", "", "", "", x.raw_text.replace(/\s+/g, " ").slice(0, 80)]);
  return [...obs, ...rej]
    .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[2]).localeCompare(String(b[2])) || String(a[3]).localeCompare(String(b[3])) || String(a[5]).localeCompare(String(b[5])))
    .map((row) => row.map(fmt).join("\t"));
}

/** The fields that must agree for a row to count as correct (the text column is for the reader). */
export const keyOf = (line: string) => line.split("\t").slice(0, 12).join("\t");
