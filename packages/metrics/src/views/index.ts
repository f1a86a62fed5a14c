import { COMPARISON_TABLES } from "./comparison.sql.ts";
import { COMPLETENESS_TABLES } from "./completeness.sql.ts";
import { TARGET_VS_ACTUAL_MACROS, TARGET_VS_ACTUAL_TABLES } from "./target-vs-actual.sql.ts";
import { TREND_TABLES } from "./trend.sql.ts";
import type { MetricTable } from "./metric-table.ts";
import { REFERENCE_TABLES, REFRESH_INPUTS, UNIT_MACROS_SQL, UNIT_TABLES, UNITS_SQL } from "./units.sql.ts";

/**
 * Macros, then tables computed from the catalog and units alone (re-computed only when those change),
 * then views the metrics are computed from. They live in the warehouse file, so the DuckDB CLI sees them
 * too. Created after the ETL's tables, in this order (views are bound at creation).
 */
export const METRIC_MACROS_SQL = [UNIT_MACROS_SQL, TARGET_VS_ACTUAL_MACROS].join("\n");
export { REFERENCE_TABLES };
export const METRIC_VIEWS_SQL = UNITS_SQL;

/**
 * The metric tables, in dependency order: each is a query over the views above and the steps before
 * it, materialised whenever what it is computed from changes (see refresh-metrics.ts), so a user's
 * query is a scan of one table and not the whole computation.
 */
export const METRIC_TABLES: MetricTable[] = [
  ...REFRESH_INPUTS, ...UNIT_TABLES, ...TARGET_VS_ACTUAL_TABLES, ...TREND_TABLES, ...COMPARISON_TABLES, ...COMPLETENESS_TABLES,
];

/** The metric tables a user queries, by command name. */
export const METRIC_VIEWS = {
  "target-vs-actual": "target_vs_actual",
  trend: "trend_progress",
  "trend-points": "trend_points",
  compare: "comparison",
  "compare-missing": "comparison_missing",
  completeness: "completeness",
} as const;
export type MetricName = keyof typeof METRIC_VIEWS;
