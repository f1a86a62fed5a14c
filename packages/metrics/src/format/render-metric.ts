import * as aq from "arquero";
import type { Comparison, ComparisonMissing, Completeness, TargetVsActual, TrendProgress } from "@dx-atlas/schema";
import { describeValue, num, shortRef } from "./values.ts";
import { formatTable } from "./table.ts";

const clip = (s: string | null, n: number) => (s === null ? "" : s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The unit as filed, with the unit it is compared under when the reform renamed or merged it. */
export function unitLabel(r: { unit_name: string | null; unit_level: string | null; current_name: string | null; unit_key: string; current_key: string }): string {
  const name = [r.unit_level, r.unit_name].filter(Boolean).join(" ") || r.unit_key;
  return r.current_key !== r.unit_key && r.current_name && r.current_name !== r.unit_name ? `${name} → ${r.current_name}` : name;
}

export function renderTargetVsActual(rows: TargetVsActual[]): string {
  return formatTable(["unit", "indicator", "year", "target", "result", "status", "gap", "attainment", "target at", "result at", "note"],
    rows.map((r) => [
      unitLabel(r), r.indicator_code, r.period_year,
      describeValue({ comparator: r.target_comparator, value: r.target_value, value_max: r.target_value_max, unit: r.target_unit }),
      describeValue({ comparator: null, value: r.actual_value, unit: r.actual_unit, status: r.actual_status }),
      r.status, num(r.gap), num(r.attainment, 3), shortRef(r.target_file, r.target_line), shortRef(r.actual_file, r.actual_line),
      clip(r.note?.replace(/[^\s(]*\//g, "") ?? null, 90),
    ]));
}

export function renderTrend(rows: TrendProgress[]): string {
  return formatTable(["unit", "indicator", "series", "CAGR", "target", "ratio", "status"],
    rows.map((r) => [
      unitLabel(r), r.indicator_code, r.series.map((p) => `${p.year}: ${num(p.value)}`).join(" → "),
      r.cagr === null ? "" : `${num(r.cagr * 100, 1)}%/yr`,
      r.target_value === null ? "" : `${describeValue({ comparator: r.target_comparator, value: r.target_value, unit: null })} by ${r.target_year} (${r.target_source})`,
      num(r.ratio, 2), r.status,
    ]));
}

export function renderCompare(rows: Comparison[], missing: ComparisonMissing[]): string {
  const out: string[] = [];
  const groups = new Map<string, Comparison[]>();
  for (const r of rows) {
    const key = `${r.indicator_code} ${r.year} ${r.tier ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, group] of groups) {
    const first = group[0]!;
    const target = first.national_target_value === null ? "no national target in the catalog"
      : `national target ${describeValue({ comparator: first.national_target_comparator, value: first.national_target_value, unit: null })} by ${first.national_target_year}`;
    out.push(`${key}: ${group.length} ${first.tier ?? "unit"}(s) reported; ${first.direction} is better; ${target}`);
    out.push(formatTable(["rank", "unit", "province", "value", "percentile", "province median (n)", "peer median [p25–p75]", "vs national", "source"],
      group.map((r) => [
        r.rank, unitLabel(r), r.current_province ?? "", num(r.value), num(r.percentile, 1),
        `${num(r.province_median)} (${r.province_n})`, `${num(r.peer_median)} [${num(r.peer_p25)}–${num(r.peer_p75)}]`,
        r.distance_to_national_target === null ? "" : `${r.distance_to_national_target >= 0 ? "+" : ""}${num(r.distance_to_national_target)}`,
        shortRef(r.source_file, r.source_line),
      ])));
    const absent = missing.filter((m) => m.indicator_code === first.indicator_code && m.year === first.year && m.tier === first.tier);
    out.push(absent.length === 0 ? "Did not report it: none of the other units with documents for the year." :
      `Did not report it (${absent.length}): ${absent.map((m) => `${unitLabel(m)} (${m.reason})`).join(", ")}`);
    out.push("");
  }
  return out.join("\n").trimEnd();
}

/** Unit × year grid: P = plans, R = reports, then indicators with a value / catalog size. Reshaped with arquero. */
export function renderCompleteness(rows: Completeness[]): string {
  if (rows.length === 0) return "";
  const cells = rows.map((r) => ({
    unit: unitLabel(r),
    year: String(r.year),
    cell: `${r.plans ? `${r.plans}P ` : ""}${r.reports ? `${r.reports}R ` : ""}${r.indicators_reported}/${r.catalog_size}`,
  }));
  const grid = aq.from(cells).orderby("year").groupby("unit").pivot("year", "cell").orderby("unit");
  const years = grid.columnNames().filter((c) => c !== "unit").sort();
  const table = formatTable(["unit", ...years], grid.objects().map((o) => {
    const row = o as Record<string, string | undefined>;
    return [row.unit ?? "", ...years.map((y) => row[y] ?? "·")];
  }));
  return `${table}\nCell: P = plans and R = reports filed for the year, then catalog indicators with a target or result / catalog size; · = nothing.`;
}
