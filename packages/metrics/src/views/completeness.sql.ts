import type { MetricTable } from "./metric-table.ts";
import { unitColumnsOf } from "./units.sql.ts";

// Completeness: per unit and year, the plans and reports filed and how much of the catalog they cover.
// A year counts when a document is about it or carries values for it (a 2025 plan with 2024 results).
export const COMPLETENESS_TABLES: MetricTable[] = [{
  name: "completeness", kind: "table", keyedBy: "unit",
  sql: () => `
WITH docs AS (
  SELECT unit_key, doc_year AS year,
         CAST(count(*) FILTER (WHERE doc_kind = 'plan') AS INTEGER) AS plans,
         CAST(count(*) FILTER (WHERE doc_kind = 'report') AS INTEGER) AS reports,
         coalesce(list(source_file ORDER BY source_file) FILTER (WHERE doc_kind = 'plan'), []) AS plan_files,
         coalesce(list(source_file ORDER BY source_file) FILTER (WHERE doc_kind = 'report'), []) AS report_files
  FROM refresh_submissions WHERE doc_year IS NOT NULL GROUP BY unit_key, doc_year),
cover AS (
  SELECT unit_key, period_year AS year,
         CAST(count(DISTINCT indicator_code) FILTER (WHERE measure = 'target') AS INTEGER) AS indicators_with_target,
         CAST(count(DISTINCT indicator_code) FILTER (WHERE measure = 'actual') AS INTEGER) AS indicators_with_result,
         CAST(count(DISTINCT indicator_code) AS INTEGER) AS indicators_reported
  FROM refresh_observations GROUP BY unit_key, period_year),
catalog AS (SELECT CAST(count(*) AS INTEGER) AS n FROM indicators WHERE scope_of IS NULL)
SELECT ${unitColumnsOf("u")}, u.year,
       coalesce(d.plans, 0) AS plans, coalesce(d.reports, 0) AS reports,
       coalesce(d.plan_files, []) AS plan_files, coalesce(d.report_files, []) AS report_files,
       coalesce(c.indicators_with_target, 0) AS indicators_with_target,
       coalesce(c.indicators_with_result, 0) AS indicators_with_result,
       coalesce(c.indicators_reported, 0) AS indicators_reported,
       catalog.n AS catalog_size,
       CAST(CASE WHEN catalog.n > 0 THEN round(coalesce(c.indicators_reported, 0) / catalog.n, 4) ELSE 0 END AS DOUBLE) AS catalog_share
FROM refresh_unit_years u
LEFT JOIN docs d ON d.unit_key = u.unit_key AND d.year = u.year
LEFT JOIN cover c ON c.unit_key = u.unit_key AND c.year = u.year
CROSS JOIN catalog`,
}];
