import { formatNumber, say, type Comparator, type Lang, type TaskStatus, type ValueUnit } from "@dx-atlas/schema";

const SYMBOL: Partial<Record<Comparator, string>> = { gt: "> ", gte: "≥ ", lt: "< ", lte: "≤ ", increase: "+", decrease: "−" };

/** Rounds away float noise for display: 6.799999999999997 → "6.8" (en), "6,8" (vi). No thousands separator. */
export const num = (v: number | null | undefined, digits = 2, lang: Lang = "en"): string =>
  v === null || v === undefined ? "" : lang === "en" ? String(Math.round(v * 10 ** digits) / 10 ** digits) : formatNumber(v, lang, digits, false);

/** A target or result as one short cell: "> 75%", "7–8%", "+6%", "in progress" ("đang thực hiện"). */
export function describeValue(v: { comparator: Comparator | null; value: number | null; value_max?: number | null; unit: ValueUnit | null; status?: TaskStatus | null }, lang: Lang = "en"): string {
  if (v.value === null) return v.status ? say(lang, `task.${v.status}`) : "";
  const suffix = v.unit === "percent" ? "%" : v.unit === "per100" ? "/100" : v.unit === "mbps" ? " Mbps" : v.unit === "km" ? " km" : "";
  if (v.comparator === "range" && v.value_max !== null && v.value_max !== undefined) return `${num(v.value, 2, lang)}–${num(v.value_max, 2, lang)}${suffix}`;
  if (v.unit === "bool") return say(lang, v.value >= 1 ? "value.achieved" : "value.not_achieved");
  return `${(v.comparator && SYMBOL[v.comparator]) ?? ""}${num(v.value, 2, lang)}${suffix}`;
}

/** "data/samples/001_e735b5701492984f.txt" at line 225 → "001_e735b5701492984f.txt:225". */
export const shortRef = (file: string | null, line: number | null): string =>
  file === null ? "" : `${file.split("/").pop()}${line === null ? "" : `:${line}`}`;
