import * as aq from "arquero";
import { msg, render, say, type Comparison, type ComparisonMissing, type Completeness, type Lang, type Message, type MessageCode, type Param, type TargetVsActual, type TrendProgress } from "@dx-atlas/schema";
import { describeValue, num, shortRef } from "./values.ts";
import { formatTable } from "./table.ts";

const clip = (s: string | null, n: number) => (s === null ? "" : s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The unit as filed, with the unit it is compared under when the reform renamed or merged it. */
export function unitLabel(r: { unit_name: string | null; unit_level: string | null; current_name: string | null; unit_key: string; current_key: string }): string {
  const name = [r.unit_level, r.unit_name].filter(Boolean).join(" ") || r.unit_key;
  return r.current_key !== r.unit_key && r.current_name && r.current_name !== r.unit_name ? `${name} → ${r.current_name}` : name;
}

/** The notes of a target-vs-actual row in the reader's language (the English `note` when it has no codes). */
export function notesText(r: { note: string | null; notes?: string | null }, lang: Lang): string | null {
  if (!r.notes) return r.note;
  return (JSON.parse(r.notes) as Message[]).map((m) => render(m, lang)).join("; ");
}

export function renderTargetVsActual(rows: TargetVsActual[], lang: Lang = "en"): string {
  const t = (c: MessageCode) => say(lang, c);
  return formatTable((["unit", "indicator", "year", "target", "result", "status", "gap", "attainment", "target_at", "result_at", "note"] as const).map((c) => t(`metrics.col.${c}`)),
    rows.map((r) => [
      unitLabel(r), r.indicator_code, r.period_year,
      describeValue({ comparator: r.target_comparator, value: r.target_value, value_max: r.target_value_max, unit: r.target_unit }, lang),
      describeValue({ comparator: null, value: r.actual_value, unit: r.actual_unit, status: r.actual_status }, lang),
      t(`status.${r.status}`), num(r.gap, 2, lang), num(r.attainment, 3, lang), shortRef(r.target_file, r.target_line), shortRef(r.actual_file, r.actual_line),
      clip(notesText(r, lang)?.replace(/[^\s(]*\//g, "") ?? null, 90),
    ]));
}

export function renderTrend(rows: TrendProgress[], lang: Lang = "en"): string {
  const t = (c: MessageCode, p?: Record<string, Param>) => say(lang, c, p);
  return formatTable((["unit", "indicator", "series", "cagr", "target", "ratio", "status"] as const).map((c) => t(`metrics.col.${c}`)),
    rows.map((r) => [
      unitLabel(r), r.indicator_code, r.series.map((p) => `${p.year}: ${num(p.value, 2, lang)}`).join(" → "),
      r.cagr === null ? "" : t("metrics.per_year", { value: num(r.cagr * 100, 1, lang) }),
      r.target_value === null ? "" : t("metrics.target_by", { target: describeValue({ comparator: r.target_comparator, value: r.target_value, unit: null }, lang), year: r.target_year, source: r.target_source ? msg(`target_source.${r.target_source}`) : "" }),
      num(r.ratio, 2, lang), t(`progress.${r.status}`),
    ]));
}

export function renderCompare(rows: Comparison[], missing: ComparisonMissing[], lang: Lang = "en"): string {
  const t = (c: MessageCode, p?: Record<string, Param>) => say(lang, c, p);
  const n = (v: number | null, d = 2) => num(v, d, lang);
  const out: string[] = [];
  const groups = new Map<string, Comparison[]>();
  for (const r of rows) {
    const key = `${r.indicator_code} ${r.year} ${r.tier ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, group] of groups) {
    const first = group[0]!;
    const target = first.national_target_value === null ? msg("metrics.no_national_target")
      : msg("metrics.national_target", { target: describeValue({ comparator: first.national_target_comparator, value: first.national_target_value, unit: null }, lang), year: first.national_target_year });
    out.push(t("metrics.group", { key, n: group.length, tier: msg(first.tier ? `tier.${first.tier}` : "metrics.tier_unit"), direction: msg(first.direction === "lower" ? "metrics.lower_better" : "metrics.higher_better"), target }));
    out.push(formatTable((["rank", "unit", "province", "value", "percentile", "province_median", "peer_median", "vs_national", "source"] as const).map((c) => t(`metrics.col.${c}`)),
      group.map((r) => [
        r.rank, unitLabel(r), r.current_province ?? "", n(r.value), n(r.percentile, 1),
        `${n(r.province_median)} (${r.province_n})`, `${n(r.peer_median)} [${n(r.peer_p25)}–${n(r.peer_p75)}]`,
        r.distance_to_national_target === null ? "" : `${r.distance_to_national_target >= 0 ? "+" : ""}${n(r.distance_to_national_target)}`,
        shortRef(r.source_file, r.source_line),
      ])));
    const absent = missing.filter((m) => m.indicator_code === first.indicator_code && m.year === first.year && m.tier === first.tier);
    out.push(absent.length === 0 ? t("metrics.none_missing") :
      t("metrics.missing", { n: absent.length, units: absent.map((m) => `${unitLabel(m)} (${t(`missing.${m.reason}`)})`).join(", ") }));
    out.push("");
  }
  return out.join("\n").trimEnd();
}

/** Unit × year grid: P = plans, R = reports, then indicators with a value / catalog size. Reshaped with arquero. */
export function renderCompleteness(rows: Completeness[], lang: Lang = "en"): string {
  if (rows.length === 0) return "";
  const cells = rows.map((r) => ({
    unit: unitLabel(r),
    year: String(r.year),
    cell: `${r.plans ? `${r.plans}${say(lang, "metrics.plans_letter")} ` : ""}${r.reports ? `${r.reports}${say(lang, "metrics.reports_letter")} ` : ""}${r.indicators_reported}/${r.catalog_size}`,
  }));
  const grid = aq.from(cells).orderby("year").groupby("unit").pivot("year", "cell").orderby("unit");
  const years = grid.columnNames().filter((c) => c !== "unit").sort();
  const table = formatTable([say(lang, "metrics.col.unit"), ...years], grid.objects().map((o) => {
    const row = o as Record<string, string | undefined>;
    return [row.unit ?? "", ...years.map((y) => row[y] ?? "·")];
  }));
  return `${table}\n${say(lang, "metrics.completeness_legend")}`;
}
