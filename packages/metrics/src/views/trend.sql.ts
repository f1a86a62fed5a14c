import type { MetricTable } from "./metric-table.ts";
import { UNIT_COLUMNS } from "./units.sql.ts";

// Trends: one numeric result per unit, indicator and year (the result target_vs_actual chose), and
// the Open SDG progress measure (Statistics Canada's method as used by open-sdg/sdg-build): observed
// compound growth since the base year against the growth needed to reach the target by its year.
// Direction comes from the catalog. A series belongs to the unit as filed: a commune merged in 2025
// keeps its own history and is linked to its successor through current_key.
export const TREND_TABLES: MetricTable[] = [
  {
    // Levels only: a status, a change ("tăng 6%") or a value in another unit than the catalog's is not a point.
    name: "trend_points", kind: "table", keyedBy: "unit",
    sql: () => `
SELECT ${UNIT_COLUMNS}, indicator_code, indicator_name, direction, unit, period_year AS year, value,
       lag(period_year) OVER w AS prev_year, lag(value) OVER w AS prev_value,
       round(value - lag(value) OVER w, 4) AS change,
       CASE WHEN lag(value) OVER w > 0
            THEN round(pow(value / lag(value) OVER w, 1.0 / (period_year - lag(period_year) OVER w)) - 1, 6) END AS annual_growth,
       source_file, source_line, raw_value
FROM metric_actuals
WHERE value IS NOT NULL AND unit = indicator_unit AND coalesce(comparator, 'eq') NOT IN ('increase', 'decrease')
WINDOW w AS (PARTITION BY unit_key, indicator_code ORDER BY period_year)`,
  },
  {
    name: "trend_progress", kind: "table", keyedBy: "unit",
    sql: (sc) => `
WITH s AS (
  SELECT unit_key, indicator_code, any_value(unit_name) AS unit_name, any_value(unit_level) AS unit_level,
         any_value(unit_code) AS unit_code, any_value(unit_era) AS unit_era, any_value(province) AS province,
         any_value(current_key) AS current_key, any_value(current_name) AS current_name,
         any_value(current_province_code) AS current_province_code, any_value(current_province) AS current_province,
         any_value(tier) AS tier, any_value(indicator_name) AS indicator_name, any_value(direction) AS direction,
         CAST(count(*) AS INTEGER) AS n_points, min(year) AS base_year, arg_min(value, year) AS base_value,
         max(year) AS last_year, arg_max(value, year) AS last_value,
         list(struct_pack(year := year, value := value) ORDER BY year) AS series
  FROM trend_points x WHERE TRUE${sc.units("x.unit_key")} GROUP BY unit_key, indicator_code),
-- The unit's own target: its latest numeric level target for a year after the base year.
own AS (
  SELECT s.unit_key, s.indicator_code, t.period_year AS target_year, t.comparator, t.value, t.value_max,
         row_number() OVER (PARTITION BY s.unit_key, s.indicator_code ORDER BY t.period_year DESC) AS pick
  FROM s JOIN metric_targets t ON t.unit_key = s.unit_key AND t.indicator_code = s.indicator_code
  WHERE t.period_year > s.base_year AND t.value IS NOT NULL AND t.unit = t.indicator_unit
    AND coalesce(t.comparator, 'eq') NOT IN ('increase', 'decrease')),
g AS (
  SELECT s.*, CASE WHEN s.direction = 'lower' THEN -1 ELSE 1 END AS d,
         CASE WHEN o.target_year IS NOT NULL THEN 'unit'
              WHEN i.national_target_value IS NOT NULL AND i.national_target_year > s.base_year THEN 'national' END AS target_source,
         CASE WHEN o.target_year IS NOT NULL THEN o.target_year WHEN i.national_target_year > s.base_year THEN i.national_target_year END AS target_year,
         CASE WHEN o.target_year IS NOT NULL THEN o.comparator WHEN i.national_target_year > s.base_year THEN i.national_target_comparator END AS target_comparator,
         CASE WHEN o.target_year IS NOT NULL THEN dx_bound(o.comparator, o.value, o.value_max, s.direction)
              WHEN i.national_target_year > s.base_year THEN i.national_target_value END AS target_value,
         CASE WHEN s.n_points >= 2
              THEN pow(greatest(s.last_value, 0.001) / greatest(s.base_value, 0.001), 1.0 / (s.last_year - s.base_year)) - 1 END AS cagr
  FROM s
  LEFT JOIN own o ON o.unit_key = s.unit_key AND o.indicator_code = s.indicator_code AND o.pick = 1
  LEFT JOIN indicators i ON i.code = s.indicator_code),
r AS (
  SELECT g.*, CASE WHEN target_value IS NOT NULL
              THEN pow(greatest(target_value, 0.001) / greatest(base_value, 0.001), 1.0 / (target_year - base_year)) - 1 END AS required_cagr
  FROM g),
q AS (
  SELECT r.*, CASE WHEN required_cagr <> 0 THEN d * cagr / abs(required_cagr) END AS ratio FROM r)
SELECT ${UNIT_COLUMNS}, indicator_code, indicator_name, direction, n_points, base_year, base_value, last_year, last_value,
       round(cagr, 6) AS cagr, target_source, target_year, target_comparator, target_value,
       round(required_cagr, 6) AS required_cagr, round(ratio, 4) AS ratio,
       CASE WHEN n_points < 2 THEN 'not_enough_data'
            WHEN target_value IS NOT NULL AND dx_meets(coalesce(target_comparator, 'eq'), target_value, NULL, last_value, direction) THEN 'target_achieved'
            WHEN target_value IS NOT NULL AND required_cagr = 0 THEN CASE WHEN d * cagr < 0 THEN 'deterioration' ELSE 'limited_progress' END
            WHEN target_value IS NOT NULL THEN CASE WHEN ratio >= 0.95 THEN 'on_track' WHEN ratio >= 0.6 THEN 'acceleration_needed'
                                                    WHEN ratio >= 0 THEN 'limited_progress' ELSE 'deterioration' END
            WHEN d * cagr >= 0.015 THEN 'on_track' WHEN d * cagr >= 0.005 THEN 'acceleration_needed'
            WHEN d * cagr >= 0 THEN 'limited_progress' ELSE 'deterioration' END AS status,
       series
FROM q`,
  },
];
