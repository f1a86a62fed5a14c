import { unitColumnsOf } from "./units.sql.ts";

// Comparisons for an indicator and year. Units are ranked among their tier (communes with communes),
// placed within their current province and among all peers of the tier, and against the national
// target where the catalog has one. Province = the post-reform province, so a 2023 commune is compared
// with the communes its province holds today.
export const COMPARISON_SQL = `
CREATE OR REPLACE VIEW comparison AS
WITH v AS (
  SELECT * FROM metric_actuals
  WHERE value IS NOT NULL AND unit = indicator_unit AND coalesce(comparator, 'eq') NOT IN ('increase', 'decrease')),
r AS (
  SELECT v.*,
         CAST(rank() OVER (PARTITION BY indicator_code, period_year, tier
                           ORDER BY CASE WHEN direction = 'lower' THEN value ELSE -value END) AS INTEGER) AS rank,
         CAST(count(*) OVER peers AS INTEGER) AS n_ranked,
         CAST(count(*) OVER prov AS INTEGER) AS province_n, median(value) OVER prov AS province_median,
         quantile_cont(value, 0.25) OVER prov AS province_p25, quantile_cont(value, 0.75) OVER prov AS province_p75,
         median(value) OVER peers AS peer_median,
         quantile_cont(value, 0.25) OVER peers AS peer_p25, quantile_cont(value, 0.75) OVER peers AS peer_p75
  FROM v
  WINDOW peers AS (PARTITION BY indicator_code, period_year, tier),
         prov AS (PARTITION BY indicator_code, period_year, tier, coalesce(current_province_code, current_province)))
SELECT r.indicator_code, r.indicator_name, r.direction, r.period_year AS year, ${unitColumnsOf("r")},
       r.value, r.raw_value, r.source_file, r.source_line, r.rank, r.n_ranked,
       CAST(CASE WHEN r.n_ranked = 1 THEN 100 ELSE round(100 * (r.n_ranked - r.rank) / (r.n_ranked - 1), 1) END AS DOUBLE) AS percentile,
       r.province_n, r.province_median, r.province_p25, r.province_p75,
       r.n_ranked AS peer_n, r.peer_median, r.peer_p25, r.peer_p75,
       i.national_target_year, i.national_target_comparator, i.national_target_value,
       round(r.value - i.national_target_value, 4) AS distance_to_national_target,
       dx_meets(i.national_target_comparator, i.national_target_value, NULL, r.value, r.direction) AS meets_national_target
FROM r LEFT JOIN indicators i ON i.code = r.indicator_code;

-- Units of the same tier with a document for the year that give no rankable result for an indicator
-- other units reported.
CREATE OR REPLACE VIEW comparison_missing AS
SELECT r.indicator_code, r.year, ${unitColumnsOf("u")},
       CASE WHEN EXISTS (SELECT 1 FROM metric_observations m WHERE m.unit_key = u.unit_key AND m.indicator_code = r.indicator_code
                         AND m.period_year = r.year AND m.measure = 'actual') THEN 'result_not_numeric'
            WHEN EXISTS (SELECT 1 FROM metric_observations m WHERE m.unit_key = u.unit_key AND m.indicator_code = r.indicator_code
                         AND m.period_year = r.year AND m.measure = 'target') THEN 'target_only'
            ELSE 'not_in_documents' END AS reason
FROM (SELECT DISTINCT indicator_code, year, tier FROM comparison) r
JOIN unit_years u ON u.year = r.year AND u.tier IS NOT DISTINCT FROM r.tier
WHERE NOT EXISTS (SELECT 1 FROM comparison c WHERE c.indicator_code = r.indicator_code AND c.year = r.year AND c.unit_key = u.unit_key);
`;
