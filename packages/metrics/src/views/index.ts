import { COMPARISON_SQL } from "./comparison.sql.ts";
import { COMPLETENESS_SQL } from "./completeness.sql.ts";
import { TARGET_VS_ACTUAL_SQL } from "./target-vs-actual.sql.ts";
import { TREND_SQL } from "./trend.sql.ts";
import { UNITS_SQL } from "./units.sql.ts";

/**
 * Macros and views the metrics are computed by, in dependency order. They live in the warehouse file,
 * so the DuckDB CLI sees them too. Created after the ETL's tables (they are bound at creation).
 */
export const METRIC_VIEWS_SQL = [UNITS_SQL, TARGET_VS_ACTUAL_SQL, TREND_SQL, COMPARISON_SQL, COMPLETENESS_SQL].join("\n");

/** The views a user queries, by command name. */
export const METRIC_VIEWS = {
  "target-vs-actual": "target_vs_actual",
  trend: "trend_progress",
  "trend-points": "trend_points",
  compare: "comparison",
  "compare-missing": "comparison_missing",
  completeness: "completeness",
} as const;
export type MetricName = keyof typeof METRIC_VIEWS;
