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
    // catalog's unit. Read from the stored table (not this refresh's results), so that a refresh of a
    // few units re-ranks their peer groups with every other unit's values.
    name: "comparison", kind: "table", keyedBy: "peers",
    sql: (s) => `
WITH v AS MATERIALIZED (
  SELECT *, year AS period_year, coalesce(current_province_code, current_province) AS prov_key FROM trend_points x WHERE TRUE${s.peers("x")}),
peers AS (
  SELECT indicator_code, period_year, tier, CAST(count(*) AS INTEGER) AS n_ranked, median(value) AS peer_median,
         quantile_cont(value, 0.25) AS peer_p25, quantile_cont(value, 0.75) AS peer_p75
  FROM v GROUP BY indicator_code, period_year, tier),
prov AS (
  SELECT indicator_code, period_year, tier, prov_key, CAST(count(*) AS INTEGER) AS province_n, median(value) AS province_median,
         quantile_cont(value, 0.25) AS province_p25, quantile_cont(value, 0.75) AS province_p75
  FROM v GROUP BY indicator_code, period_year, tier, prov_key),
r AS (
  SELECT v.*, CAST(rank() OVER (PARTITION BY indicator_code, period_year, tier
                                ORDER BY CASE WHEN direction = 'lower' THEN value ELSE -value END) AS INTEGER) AS rank
  FROM v)
SELECT r.indicator_code, r.indicator_name, r.direction, r.period_year AS year, ${unitColumnsOf("r")},
       r.value, r.raw_value, r.source_file, r.source_line, r.rank, pe.n_ranked,
       CAST(CASE WHEN pe.n_ranked = 1 THEN 100 ELSE round(100 * (pe.n_ranked - r.rank) / (pe.n_ranked - 1), 1) END AS DOUBLE) AS percentile,
       pr.province_n, pr.province_median, pr.province_p25, pr.province_p75,
       pe.n_ranked AS peer_n, pe.peer_median, pe.peer_p25, pe.peer_p75,
       i.national_target_year, i.national_target_comparator, i.national_target_value,
       round(r.value - i.national_target_value, 4) AS distance_to_national_target,
       dx_meets(i.national_target_comparator, i.national_target_value, NULL, r.value, r.direction) AS meets_national_target
FROM r
JOIN peers pe ON pe.indicator_code = r.indicator_code AND pe.period_year = r.period_year AND pe.tier IS NOT DISTINCT FROM r.tier
JOIN prov pr ON pr.indicator_code = r.indicator_code AND pr.period_year = r.period_year AND pr.tier IS NOT DISTINCT FROM r.tier
            AND pr.prov_key IS NOT DISTINCT FROM r.prov_key
LEFT JOIN indicators i ON i.code = r.indicator_code`,
  },
  {
    // Units of the same tier with a document for the year that give no rankable result for an indicator
    // other units reported, and why: what target_vs_actual holds for the unit, indicator and year.
    // A view: it is most of units × indicators × years (1.5 rows per observation), and is read for one
    // indicator and year at a time.
    name: "comparison_missing", kind: "view", keyedBy: "peers",
    sql: () => `
WITH r AS (SELECT DISTINCT indicator_code, year, tier FROM comparison)
SELECT r.indicator_code, r.year, ${unitColumnsOf("u")},
       CASE WHEN t.n_actuals > 0 THEN 'result_not_numeric' WHEN t.n_targets > 0 THEN 'target_only' ELSE 'not_in_documents' END AS reason
FROM r
JOIN unit_years u ON u.year = r.year AND u.tier IS NOT DISTINCT FROM r.tier
LEFT JOIN target_vs_actual t ON t.unit_key = u.unit_key AND t.indicator_code = r.indicator_code AND t.period_year = r.year
WHERE NOT EXISTS (SELECT 1 FROM comparison c WHERE c.indicator_code = r.indicator_code AND c.year = r.year AND c.unit_key = u.unit_key)`,
  },
];
