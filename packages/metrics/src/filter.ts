import type { DuckDBValue } from "@duckdb/node-api";

/** What a user narrows a metric to. Every field is optional; unset fields do not filter. */
export interface MetricFilter {
  /** Catalog code, e.g. 'xhs.ehealth_record'. */
  indicator?: string;
  /** A unit by name ('Hà Tân', 'ha tan', 'xã Hà Tân'), code ('15322') or key ('before-2025-07:15322'); matches the unit as filed or its current unit. */
  unit?: string;
  year?: number;
  /** Current province by code ('38') or name ('Thanh Hóa'). */
  province?: string;
}

/** Column that carries the year in each view ('series' = any point of a trend). */
export type YearColumn = "period_year" | "year" | "series";

/** A WHERE clause (possibly empty) with positional parameters for a metric view. */
export function whereClause(filter: MetricFilter, yearColumn: YearColumn): { sql: string; params: DuckDBValue[] } {
  const parts: string[] = [];
  const params: DuckDBValue[] = [];
  const p = (v: DuckDBValue) => { params.push(v); return `$${params.length}`; };
  if (filter.indicator) parts.push(`indicator_code = ${p(filter.indicator)}`);
  if (filter.unit) {
    const raw = p(filter.unit);
    const folded = `dx_fold(${raw})`;
    // Resolved over metric_units (one row per unit as named), not by folding names on every row.
    parts.push(`(unit_key IN (SELECT unit_key FROM metric_units WHERE ${raw} IN (unit_key, unit_code) OR ${folded} IN (name_folded, level_name_folded))
      OR current_key IN (SELECT current_key FROM metric_units WHERE ${raw} = current_key OR ${folded} = current_name_folded))`);
  }
  if (filter.year !== undefined) {
    const y = p(filter.year);
    parts.push(yearColumn === "series" ? `list_contains(list_transform(series, x -> x.year), ${y})` : `${yearColumn} = ${y}`);
  }
  if (filter.province) {
    const v = p(filter.province);
    parts.push(`unit_key IN (SELECT unit_key FROM metric_units WHERE current_province_code = ${v} OR dx_fold(${v}) IN (current_province_folded, province_folded))`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}
