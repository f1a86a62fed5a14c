import type { DuckDBConnection } from "@duckdb/node-api";
import {
  comparisonMissingSchema, comparisonSchema, completenessSchema, targetVsActualSchema, trendPointSchema, trendProgressSchema,
  type Comparison, type ComparisonMissing, type Completeness, type TargetVsActual, type TrendPoint, type TrendProgress,
} from "@dx-atlas/schema";
import type { z } from "zod";
import { whereClause, type MetricFilter, type YearColumn } from "./filter.ts";
import { METRIC_VIEWS, type MetricName } from "./views/index.ts";
import { queryRows } from "./warehouse/connection.ts";

interface MetricSpec<T> { schema: z.ZodType<T>; year: YearColumn; order: string }

const SPECS: { [K in MetricName]: MetricSpec<MetricRow<K>> } = {
  "target-vs-actual": { schema: targetVsActualSchema, year: "period_year", order: "unit_key, period_year, indicator_code" },
  trend: { schema: trendProgressSchema, year: "series", order: "unit_key, indicator_code" },
  "trend-points": { schema: trendPointSchema, year: "year", order: "unit_key, indicator_code, year" },
  compare: { schema: comparisonSchema, year: "year", order: "indicator_code, year, tier, rank, unit_key" },
  "compare-missing": { schema: comparisonMissingSchema, year: "year", order: "indicator_code, year, unit_key" },
  completeness: { schema: completenessSchema, year: "year", order: "unit_key, year" },
};

/** Row type of each metric. */
export type MetricRow<K extends MetricName> = {
  "target-vs-actual": TargetVsActual; trend: TrendProgress; "trend-points": TrendPoint;
  compare: Comparison; "compare-missing": ComparisonMissing; completeness: Completeness;
}[K];

/**
 * Reads a metric view, narrowed by the filter, each row checked against its zod schema: a view that
 * drifts from the documented contract fails here, naming the view, the row and the field.
 */
export async function readMetric<K extends MetricName>(conn: DuckDBConnection, name: K, filter: MetricFilter = {}): Promise<MetricRow<K>[]> {
  const spec = SPECS[name];
  const view = METRIC_VIEWS[name];
  const where = whereClause(filter, spec.year);
  let rows: Record<string, unknown>[];
  try {
    rows = await queryRows(conn, `SELECT * FROM ${view} ${where.sql} ORDER BY ${spec.order}`, where.params);
  } catch (err) {
    const msg = (err as Error).message;
    if (/does not exist/i.test(msg)) throw new Error(`the warehouse has no metric table ${view}: run \`pnpm etl\` to (re)compute the metrics (${msg.split("\n")[0]})`);
    throw err;
  }
  return rows.map((row, i) => {
    const parsed = spec.schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${view} row ${i + 1} (${String(row.unit_key ?? "")} ${String(row.indicator_code ?? "")}): ${issue.path.join(".")}: ${issue.message}`);
    }
    return parsed.data as MetricRow<K>;
  });
}

export const targetVsActual = (conn: DuckDBConnection, f: MetricFilter = {}) => readMetric(conn, "target-vs-actual", f);
export const trends = (conn: DuckDBConnection, f: MetricFilter = {}) => readMetric(conn, "trend", f);
export const trendPoints = (conn: DuckDBConnection, f: MetricFilter = {}) => readMetric(conn, "trend-points", f);
export const compare = (conn: DuckDBConnection, f: MetricFilter = {}) => readMetric(conn, "compare", f);
export const compareMissing = (conn: DuckDBConnection, f: MetricFilter = {}) => readMetric(conn, "compare-missing", f);
export const completeness = (conn: DuckDBConnection, f: MetricFilter = {}) => readMetric(conn, "completeness", f);
