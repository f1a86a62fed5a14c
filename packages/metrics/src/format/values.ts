import type { Comparator, TaskStatus, ValueUnit } from "@dx-atlas/schema";

const SYMBOL: Partial<Record<Comparator, string>> = { gt: "> ", gte: "≥ ", lt: "< ", lte: "≤ ", increase: "+", decrease: "−" };
const STATUS: Record<TaskStatus, string> = { done: "done", in_progress: "in progress", not_started: "not started" };

/** Rounds away float noise for display: 6.799999999999997 → "6.8". */
export const num = (v: number | null | undefined, digits = 2): string =>
  v === null || v === undefined ? "" : String(Math.round(v * 10 ** digits) / 10 ** digits);

/** A target or result as one short cell: "> 75%", "7–8%", "+6%", "in progress". */
export function describeValue(v: { comparator: Comparator | null; value: number | null; value_max?: number | null; unit: ValueUnit | null; status?: TaskStatus | null }): string {
  if (v.value === null) return v.status ? STATUS[v.status] : "";
  const suffix = v.unit === "percent" ? "%" : v.unit === "per100" ? "/100" : v.unit === "mbps" ? " Mbps" : v.unit === "km" ? " km" : "";
  if (v.comparator === "range" && v.value_max !== null && v.value_max !== undefined) return `${num(v.value)}–${num(v.value_max)}${suffix}`;
  if (v.unit === "bool") return v.value >= 1 ? "achieved" : "not achieved";
  return `${(v.comparator && SYMBOL[v.comparator]) ?? ""}${num(v.value)}${suffix}`;
}

/** "data/samples/001_e735b5701492984f.txt" at line 225 → "001_e735b5701492984f.txt:225". */
export const shortRef = (file: string | null, line: number | null): string =>
  file === null ? "" : `${file.split("/").pop()}${line === null ? "" : `:${line}`}`;
