import type { MetricTable } from "./metric-table.ts";
import { sqlNotes } from "./message.sql.ts";
import { UNIT_COLUMNS, unitColumnsOf } from "./units.sql.ts";

// Why a status is what it is, when that is not obvious: English in `note`, catalog messages in `notes`.
const COMPARABLE_NUMBER = "status = 'not_comparable' AND av IS NOT NULL";
const NOTES = sqlNotes([
  { when: "status = 'no_result' AND placeholder", code: "note.placeholder" },
  { when: "actuals_disagree", code: "note.results_disagree", params: { values: "actual_values" }, json: { values: "actual_values_json" } },
  { when: "targets_disagree", code: "note.targets_disagree", params: { values: "target_values" }, json: { values: "target_values_json" } },
  // Why a pair cannot be compared: the first of these that holds.
  { when: "status = 'not_comparable' AND av IS NULL", code: "note.status_vs_number" },
  { when: `${COMPARABLE_NUMBER} AND coalesce(t_qualitative, false)`, code: "note.qualitative_vs_number" },
  { when: `${COMPARABLE_NUMBER} AND NOT coalesce(t_qualitative, false) AND coalesce(tc IN ('increase', 'decrease'), false)`, code: "note.change_vs_level" },
  { when: `${COMPARABLE_NUMBER} AND NOT coalesce(t_qualitative, false) AND NOT coalesce(tc IN ('increase', 'decrease'), false) AND coalesce(ac IN ('increase', 'decrease'), false)`, code: "note.level_vs_change" },
  { when: `${COMPARABLE_NUMBER} AND NOT coalesce(t_qualitative, false) AND NOT coalesce(tc IN ('increase', 'decrease'), false) AND NOT coalesce(ac IN ('increase', 'decrease'), false)`, code: "note.units_differ", params: { target_unit: "tu", result_unit: "au" } },
  { when: "status = 'met' AND tc = 'range' AND tmax IS NOT NULL AND NOT (av BETWEEN tv AND tmax)", code: "note.beyond_range" },
  { when: "tc = 'approx' OR ac = 'approx'", code: "note.approx" },
]);

// One of the disagreeing values a note quotes, as a message: a result's value or status, a target's
// text as written, with where it is.
const AT = "'file', x.source_file, 'line', x.source_line";
const VALUE_AT = `CASE WHEN x.value IS NOT NULL
  THEN json_object('code', 'note.value_at', 'params', json_object('value', x.value, 'suffix', CASE WHEN x.unit = 'percent' THEN '%' ELSE '' END, ${AT}))
  ELSE json_object('code', 'note.status_at', 'params', json_object('status', json_object('code', coalesce('task.' || x.status, 'term.none')), ${AT})) END`;
const RAW_AT = `json_object('code', 'note.raw_at', 'params', json_object('raw', x.raw_value, ${AT}))`;

// Target vs actual. A (unit, indicator, year) may be named by several documents — a report's appendix
// holds both target and result on one row, a prose paragraph repeats the result, a next-year plan
// restates last year's results. One result and one target are chosen by fixed rules (below), the
// others are counted so disagreement stays visible.
export const TARGET_VS_ACTUAL_MACROS = `
-- Does result a meet target (comparator c, value t, upper bound tmax) for an indicator whose better
-- direction is d? "trên 80%" (gt) is missed by 80; "≥ 95%" (gte) is met by 95; "đạt 90%" (eq) is a level
-- to reach; a range is met inside it (and beyond it on the better side).
CREATE OR REPLACE MACRO dx_meets(c, t, tmax, a, d) AS CASE
  WHEN a IS NULL OR t IS NULL THEN NULL
  WHEN c = 'gt' THEN a > t
  WHEN c = 'gte' THEN a >= t
  WHEN c = 'lt' THEN a < t
  WHEN c = 'lte' THEN a <= t
  WHEN c = 'range' AND d = 'lower' THEN a <= coalesce(tmax, t)
  WHEN c = 'range' THEN a >= t
  WHEN c = 'eq' OR c = 'approx' OR c IS NULL THEN CASE WHEN d = 'lower' THEN a <= t ELSE a >= t END
  END;

-- The bound a result is measured from: the target, or for a range the end that must be reached.
CREATE OR REPLACE MACRO dx_bound(c, t, tmax, d) AS CASE WHEN c = 'range' AND d = 'lower' THEN coalesce(tmax, t) ELSE t END;

CREATE OR REPLACE MACRO dx_value_label(value, unit, status) AS
  CASE WHEN value IS NOT NULL THEN CAST(value AS VARCHAR) || CASE WHEN unit = 'percent' THEN '%' ELSE '' END ELSE status END;
`;

/**
 * The per-key picks, as queries the warehouse materialises (see refresh-metrics.ts). A key's values are
 * grouped once: the chosen row is found by arg_min over the preference order, and every value of the
 * key is listed only where they disagree (the note quotes them). Windows over all observations and
 * correlated subqueries, which these replaced, took 54 s for 2 M observations.
 */
const pickedBy = (rows: string, order: string, label: string, listed: string, listedMessage: string) => `
g AS (
  SELECT unit_key, indicator_code, period_year, arg_min(fact_id, (${order}, fact_id)) AS pick_id,
         CAST(count(*) AS INTEGER) AS n_values, CAST(count(DISTINCT ${label}) AS INTEGER) AS n_distinct
  FROM ${rows} GROUP BY unit_key, indicator_code, period_year),
listed AS (
  SELECT x.unit_key, x.indicator_code, x.period_year, string_agg(${listed} || ' (' || x.source_file || ':' || x.source_line || ')', ', '
         ORDER BY x.source_file, x.source_line) AS all_values,
         CAST(to_json(list(${listedMessage} ORDER BY x.source_file, x.source_line)) AS VARCHAR) AS all_values_json
  FROM ${rows} x SEMI JOIN g ON g.n_distinct > 1 AND g.unit_key = x.unit_key AND g.indicator_code = x.indicator_code AND g.period_year = x.period_year
  GROUP BY x.unit_key, x.indicator_code, x.period_year)
SELECT r.submission_id, r.period_year, r.measure, r.indicator_code, r.comparator, r.value, r.value_max, r.unit, r.status,
       r.raw_value, r.source_ref, r.source_line, r.extractor, r.source_file, r.doc_kind, r.doc_year, ${unitColumnsOf("r")},
       r.indicator_name, r.direction, r.indicator_unit, g.n_values, g.n_distinct, listed.all_values, listed.all_values_json
FROM g JOIN ${rows} r ON r.fact_id = g.pick_id
LEFT JOIN listed ON listed.unit_key = g.unit_key AND listed.indicator_code = g.indicator_code AND listed.period_year = g.period_year`;

export const TARGET_VS_ACTUAL_TABLES: MetricTable[] = [
  {
    // One result per (unit, indicator, year): the one on a row that also holds the target (an appendix
    // row), then one from a report about that year, then a number over a status, then a table over prose.
    name: "metric_actuals", kind: "temp", keyedBy: "unit",
    sql: () => `
WITH a AS MATERIALIZED (
  SELECT m.*, tr.submission_id IS NOT NULL AS target_on_row
  FROM refresh_observations m
  LEFT JOIN (SELECT DISTINCT submission_id, source_line, indicator_code, period_year FROM refresh_observations WHERE measure = 'target') tr
         USING (submission_id, source_line, indicator_code, period_year)
  WHERE m.measure = 'actual'),
${pickedBy("a", "NOT target_on_row, NOT (doc_kind = 'report' AND doc_year = period_year), value IS NULL, extractor = 'prose', source_file, source_line",
    "dx_value_label(value, unit, status)", "dx_value_label(x.value, x.unit, x.status)", VALUE_AT)}`,
  },
  {
    // One target per (unit, indicator, year): the one on the chosen result's row, then the plan for that
    // year, then a number over words, then a table over prose.
    name: "metric_targets", kind: "temp", keyedBy: "unit",
    sql: () => `
WITH t AS MATERIALIZED (
  SELECT m.*, (a.submission_id IS NOT NULL) AS on_result_row
  FROM refresh_observations m
  LEFT JOIN metric_actuals a ON a.unit_key = m.unit_key AND a.indicator_code = m.indicator_code AND a.period_year = m.period_year
                            AND a.submission_id = m.submission_id AND a.source_line = m.source_line
  WHERE m.measure = 'target'),
${pickedBy("t", "NOT on_result_row, NOT (doc_kind = 'plan' AND doc_year = period_year), value IS NULL, extractor = 'prose', source_file, source_line",
    "concat_ws('|', comparator, value, value_max, status)", "x.raw_value", RAW_AT)}`,
  },
  {
    name: "target_vs_actual", kind: "table", keyedBy: "unit",
    sql: () => `
WITH keys AS (
  SELECT unit_key, indicator_code, period_year, any_value(unit_name) AS unit_name, any_value(unit_level) AS unit_level,
         any_value(unit_code) AS unit_code, any_value(unit_era) AS unit_era, any_value(province) AS province,
         any_value(current_key) AS current_key, any_value(current_name) AS current_name,
         any_value(current_province_code) AS current_province_code, any_value(current_province) AS current_province,
         any_value(tier) AS tier, any_value(indicator_name) AS indicator_name, any_value(direction) AS direction
  FROM refresh_observations GROUP BY unit_key, indicator_code, period_year),
p AS (
  SELECT k.*, t.submission_id IS NOT NULL AS has_target, a.submission_id IS NOT NULL AS has_actual,
         t.comparator AS tc, t.value AS tv, t.value_max AS tmax, t.unit AS tu, t.raw_value AS target_raw,
         t.source_file AS target_file, t.source_line AS target_line, t.source_ref AS target_ref,
         (t.value IS NULL OR t.unit IN ('bool', 'status')) AS t_qualitative,
         a.comparator AS ac, a.value AS av, a.unit AS au, a.status AS astatus, a.raw_value AS actual_raw,
         a.source_file AS actual_file, a.source_line AS actual_line, a.source_ref AS actual_ref,
         coalesce(t.n_values, 0) AS n_targets, coalesce(a.n_values, 0) AS n_actuals,
         coalesce(t.n_distinct, 0) > 1 AS targets_disagree, coalesce(a.n_distinct, 0) > 1 AS actuals_disagree,
         t.all_values AS target_values, a.all_values AS actual_values,
         CAST(t.all_values_json AS JSON) AS target_values_json, CAST(a.all_values_json AS JSON) AS actual_values_json,
         ph.source_file IS NOT NULL AS placeholder
  FROM keys k
  LEFT JOIN metric_targets t USING (unit_key, indicator_code, period_year)
  LEFT JOIN metric_actuals a USING (unit_key, indicator_code, period_year)
  LEFT JOIN (SELECT DISTINCT source_file, source_line FROM warnings WHERE code = 'placeholder_unfilled') ph
         ON ph.source_file = t.source_file AND ph.source_line = t.source_line),
s AS (
  SELECT p.*, CASE
    WHEN NOT has_target THEN 'no_target'
    WHEN NOT has_actual THEN 'no_result'
    WHEN av IS NULL THEN CASE astatus
      WHEN 'in_progress' THEN 'in_progress'
      WHEN 'not_started' THEN 'not_met'
      ELSE CASE WHEN t_qualitative OR (tu = 'percent' AND tv = 100 AND coalesce(tc, 'eq') IN ('eq', 'approx', 'gte')) THEN 'met' ELSE 'not_comparable' END END
    WHEN t_qualitative THEN CASE WHEN au = 'bool' THEN CASE WHEN av >= 1 THEN 'met' ELSE 'not_met' END ELSE 'not_comparable' END
    WHEN tc IN ('increase', 'decrease') OR ac IN ('increase', 'decrease') THEN
      CASE WHEN tc IS NOT DISTINCT FROM ac THEN CASE WHEN av >= tv THEN 'met' ELSE 'not_met' END ELSE 'not_comparable' END
    WHEN tu IS DISTINCT FROM au THEN 'not_comparable'
    WHEN dx_meets(tc, tv, tmax, av, direction) THEN 'met'
    ELSE 'not_met' END AS status
  FROM p)
SELECT ${UNIT_COLUMNS}, indicator_code, indicator_name, direction, period_year, status,
       CASE WHEN status IN ('met', 'not_met') AND av IS NOT NULL AND NOT t_qualitative
            THEN round(av - dx_bound(tc, tv, tmax, direction), 4) END AS gap,
       CASE WHEN status IN ('met', 'not_met') AND av IS NOT NULL AND NOT t_qualitative THEN round(CASE
            WHEN direction = 'lower' THEN dx_bound(tc, tv, tmax, direction) / nullif(av, 0)
            ELSE av / nullif(dx_bound(tc, tv, tmax, direction), 0) END, 4) END AS attainment,
       tc AS target_comparator, tv AS target_value, tmax AS target_value_max, tu AS target_unit, target_raw,
       target_file, target_line, target_ref,
       av AS actual_value, au AS actual_unit, astatus AS actual_status, actual_raw, actual_file, actual_line, actual_ref,
       n_targets, n_actuals, targets_disagree, actuals_disagree,
       ${NOTES.text} AS note, ${NOTES.json} AS notes
FROM s`,
  },
];
