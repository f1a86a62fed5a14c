import type { MetricTable } from "./metric-table.ts";
import { unitColumnsOf } from "./units.sql.ts";

// Comparisons for an indicator and year. Units are ranked among their tier (communes with communes),
// placed within their current province and among all peers of the tier, and against the national
// target where the catalog has one. Province = the post-reform province, so a 2023 commune is compared
// with the communes its province holds today. The medians and quartiles are grouped once per peer
// group and per province and joined back: as window aggregates they were recomputed per row.
export const COMPARISON_TABLES: MetricTable[] = [
  {
    // The values ranked are the trend points: each unit's chosen result when it is a level in the
    // catalog's unit. Their statistics per peer group and per province are views: any load changes
    // most groups, all of them take 0.3 s to compute at 10 M observations, and one indicator and year
    // (what a query asks for) much less, as the filter reaches trend_points below the grouping.
    name: "comparison_groups", kind: "view", keyedBy: "all",
    sql: () => `
SELECT indicator_code, year, tier, CAST(count(*) AS INTEGER) AS n_ranked, median(value) AS peer_median,
       quantile_cont(value, 0.25) AS peer_p25, quantile_cont(value, 0.75) AS peer_p75
FROM trend_points GROUP BY indicator_code, year, tier`,
  },
  {
    name: "comparison_provinces", kind: "view", keyedBy: "all",
    sql: () => `
SELECT indicator_code, year, tier, coalesce(current_province_code, current_province) AS prov_key,
       CAST(count(*) AS INTEGER) AS province_n, median(value) AS province_median,
       quantile_cont(value, 0.25) AS province_p25, quantile_cont(value, 0.75) AS province_p75
FROM trend_points GROUP BY indicator_code, year, tier, prov_key`,
  },
  {
    // The ranking itself is a view: one unit's new value moves the rank of every unit below it, so a
    // stored ranking would be rewritten whole by any load (33 s at 10 M observations), while ranking one
    // indicator and year when asked takes 0.06 s (the filter reaches trend_points below the window).
    // The rank is computed over the key columns alone and joined back: a window carrying every
    // column took five times as long.
    name: "comparison", kind: "view", keyedBy: "all",
    sql: () => `
WITH ranked AS (
  SELECT indicator_code, year, unit_key,
         CAST(rank() OVER (PARTITION BY indicator_code, year, tier ORDER BY CASE WHEN direction = 'lower' THEN value ELSE -value END) AS INTEGER) AS rank
  FROM trend_points)
SELECT r.indicator_code, r.indicator_name, r.direction, r.year, ${unitColumnsOf("r")},
       r.value, r.raw_value, r.source_file, r.source_line, k.rank, pe.n_ranked,
       CAST(CASE WHEN pe.n_ranked = 1 THEN 100 ELSE round(100 * (pe.n_ranked - k.rank) / (pe.n_ranked - 1), 1) END AS DOUBLE) AS percentile,
       pr.province_n, pr.province_median, pr.province_p25, pr.province_p75,
       pe.n_ranked AS peer_n, pe.peer_median, pe.peer_p25, pe.peer_p75,
       i.national_target_year, i.national_target_comparator, i.national_target_value,
       round(r.value - i.national_target_value, 4) AS distance_to_national_target,
       dx_meets(i.national_target_comparator, i.national_target_value, NULL, r.value, r.direction) AS meets_national_target
FROM trend_points r
JOIN ranked k ON k.indicator_code = r.indicator_code AND k.year = r.year AND k.unit_key = r.unit_key
JOIN comparison_groups pe ON pe.indicator_code = r.indicator_code AND pe.year = r.year AND pe.tier IS NOT DISTINCT FROM r.tier
JOIN comparison_provinces pr ON pr.indicator_code = r.indicator_code AND pr.year = r.year AND pr.tier IS NOT DISTINCT FROM r.tier
            AND pr.prov_key IS NOT DISTINCT FROM coalesce(r.current_province_code, r.current_province)
LEFT JOIN indicators i ON i.code = r.indicator_code`,
  },
  {
    // Units of the same tier with a document for the year that give no rankable result for an indicator
    // other units reported, and why: what target_vs_actual holds for the unit, indicator and year.
    // A view: it is most of units × indicators × years (1.5 rows per observation), and is read for one
    // indicator and year at a time.
    name: "comparison_missing", kind: "view", keyedBy: "all",
    sql: () => `
WITH r AS (SELECT indicator_code, year, tier FROM comparison_groups)
SELECT r.indicator_code, r.year, ${unitColumnsOf("u")},
       CASE WHEN t.n_actuals > 0 THEN 'result_not_numeric' WHEN t.n_targets > 0 THEN 'target_only' ELSE 'not_in_documents' END AS reason
FROM r
JOIN unit_years u ON u.year = r.year AND u.tier IS NOT DISTINCT FROM r.tier
LEFT JOIN target_vs_actual t ON t.unit_key = u.unit_key AND t.indicator_code = r.indicator_code AND t.period_year = r.year
WHERE NOT EXISTS (SELECT 1 FROM trend_points c WHERE c.indicator_code = r.indicator_code AND c.year = r.year AND c.unit_key = u.unit_key)`,
  },
];
