import type { MetricTable } from "./metric-table.ts";

/** The unit a submission (alias `s`) is credited to, as filed: submission_history.unit_key. */
export const unitKeyOf = (s: string) => `dx_unit_key(${s}.unit_era, ${s}.unit_code, ${s}.unit_name, ${s}.province)`;

/**
 * The submissions of a relation (all of them, or those of some units: versions are ranked within a
 * unit, so a unit's history needs only its own submissions) placed across the reform, with versions.
 */
function submissionHistoryOf(submissions: string): string {
  return `
WITH placed AS (
SELECT s.*, ${unitKeyOf("s")} AS unit_key,
       coalesce(l.current_key, ${unitKeyOf("s")}) AS current_key,
       coalesce(l.current_name, s.unit_name) AS current_name,
       l.current_province_code,
       coalesce(l.current_province, s.province) AS current_province,
       dx_tier(coalesce(l.current_level, s.unit_level)) AS tier
FROM ${submissions} s
LEFT JOIN unit_lineage l ON l.era = s.unit_era AND l.code = s.unit_code),
versioned AS (
  SELECT p.*, f.loaded_at,
         row_number() OVER w AS version_rank,
         CAST(count(*) OVER (PARTITION BY p.unit_key, p.doc_kind, p.doc_year) AS INTEGER) AS versions,
         first_value(p.source_file) OVER w AS current_file
  FROM placed p LEFT JOIN files f ON f.source_file = p.source_file
  WINDOW w AS (PARTITION BY p.unit_key, p.doc_kind, p.doc_year ORDER BY p.issue_date DESC NULLS LAST, f.loaded_at DESC, p.source_file DESC))
SELECT * EXCLUDE (version_rank), version_rank = 1 AS is_current,
       CASE WHEN version_rank > 1 THEN current_file END AS superseded_by
FROM versioned`;
}

/** The current versions of a submission history. */
const currentOf = (history: string) => `SELECT * EXCLUDE (loaded_at, versions, current_file, is_current, superseded_by) FROM ${history} WHERE is_current`;

/** Every value of a current submission with its unit, document and indicator: what the metrics read. */
function observationsOf(submissions: string): string {
  return `
SELECT o.*, o.rowid AS fact_id, su.source_file, su.doc_kind, su.doc_year, su.unit_key, su.unit_name, su.unit_level, su.unit_code,
       su.unit_era, su.province, su.current_key, su.current_name, su.current_province_code, su.current_province, su.tier,
       i.name_vi AS indicator_name, coalesce(i.direction, 'higher') AS direction, i.unit AS indicator_unit
FROM observation_facts o
JOIN ${submissions} su USING (submission_id)
LEFT JOIN indicators i ON i.code = o.indicator_code
-- A value of an unknown year stays in the warehouse (observations) but out of every metric.
WHERE o.period_year IS NOT NULL`;
}

/** Every unit and year a current submission is about or carries values for. */
function unitYearsOf(submissions: string): string {
  return `
SELECT unit_key, year, any_value(unit_name) AS unit_name, any_value(unit_level) AS unit_level,
       any_value(unit_code) AS unit_code, any_value(unit_era) AS unit_era, any_value(province) AS province,
       any_value(current_key) AS current_key, any_value(current_name) AS current_name,
       any_value(current_province_code) AS current_province_code, any_value(current_province) AS current_province,
       any_value(tier) AS tier
FROM (SELECT *, unnest(list_distinct(list_filter(list_append(period_years, doc_year), y -> y IS NOT NULL))) AS year FROM ${submissions})
GROUP BY unit_key, year`;
}

/** Macros the metrics and users' queries share. */
export const UNIT_MACROS_SQL = `
CREATE OR REPLACE MACRO dx_tier(level) AS CASE
  WHEN level IN ('xã', 'phường', 'thị trấn') THEN 'commune'
  WHEN level IN ('huyện', 'quận', 'thị xã', 'thành phố') THEN 'district'
  WHEN level IN ('tỉnh', 'thành phố trực thuộc trung ương') THEN 'province' END;

-- Case- and accent-insensitive form for matching names typed by a user ('ha tan' finds 'Hà Tân').
CREATE OR REPLACE MACRO dx_fold(s) AS replace(lower(strip_accents(s)), 'đ', 'd');

CREATE OR REPLACE MACRO dx_unit_key(era, code, name, province) AS
  coalesce(era || ':' || code, 'unresolved:' || coalesce(name, '?') || '|' || coalesce(province, '?'));
`;

// Unit identity across the 1 July 2025 reform. Documents name a unit of their own time
// ('before-2025-07:15322' Hà Tân); metrics compare it under the unit it became ('after-2025-07:15316'
// Tống Sơn) when it went to exactly one successor. A unit split between several keeps its own key.
// Computed over every unit of the gazetteer, so it is a table re-computed when the units change (a
// view would compute it again for every query that places a submission).
export const REFERENCE_TABLES: MetricTable[] = [{
  name: "unit_lineage", kind: "table", keyedBy: "reference",
  sql: () => `
WITH placed AS (
  SELECT u.era, u.code, u.name, u.level, u.successor_codes,
         CASE WHEN dx_tier(u.level) = 'province' THEN u.code
              WHEN dx_tier(p1.level) = 'province' THEN p1.code
              ELSE p2.code END AS province_code
  FROM units u
  LEFT JOIN units p1 ON p1.era = u.era AND p1.code = u.parent_code
  LEFT JOIN units p2 ON p2.era = p1.era AND p2.code = p1.parent_code),
linked AS (
  SELECT p.*, CASE WHEN p.era = 'after-2025-07' THEN p.code
                   WHEN len(p.successor_codes) = 1 THEN p.successor_codes[1] END AS current_code
  FROM placed p),
resolved AS (
  SELECT l.era, l.code, l.name, l.level, l.era || ':' || l.code AS unit_key,
         coalesce(n.era || ':' || n.code, l.era || ':' || l.code) AS current_key,
         coalesce(n.name, l.name) AS current_name,
         coalesce(n.level, l.level) AS current_level,
         CASE WHEN n.code IS NOT NULL THEN n.province_code
              WHEN l.era = 'after-2025-07' THEN l.province_code
              WHEN len(op.successor_codes) = 1 THEN op.successor_codes[1] END AS current_province_code
  FROM linked l
  LEFT JOIN placed n ON n.era = 'after-2025-07' AND n.code = l.current_code
  LEFT JOIN units op ON op.era = l.era AND op.code = l.province_code)
SELECT r.*, pr.name AS current_province
FROM resolved r LEFT JOIN units pr ON pr.era = 'after-2025-07' AND pr.code = r.current_province_code`,
}];

export const UNITS_SQL = `
-- Every submission with its unit placed across the reform, and its version: a later submission for
-- the same unit, kind and year supersedes an earlier one ("later" = the document's own date, then the
-- time the file was first loaded, then the file name). The earlier stays here as history.
CREATE OR REPLACE VIEW submission_history AS ${submissionHistoryOf("submissions")};

-- The current version of each unit's plan and report per year: what every metric is computed from.
CREATE OR REPLACE VIEW submission_units AS ${currentOf("submission_history")};

-- The same unit / year / indicator / measure given different values by the current documents (a
-- revision's values are not in conflict with the version it superseded).
CREATE OR REPLACE VIEW conflicts AS
SELECT coalesce(unit_era || ':' || unit_code, unit_name) AS unit_key, any_value(unit_name) AS unit_name,
       period_year, indicator_code, measure, CAST(count(*) AS INTEGER) AS n_values,
       CAST(count(DISTINCT concat_ws('|', coalesce(comparator, '-'), coalesce(CAST(value AS VARCHAR), '-'),
             coalesce(CAST(value_max AS VARCHAR), '-'), coalesce(status, '-'))) AS INTEGER) AS n_distinct,
       list(struct_pack(value := value, comparator := comparator, raw_value := raw_value, source_file := source_file,
            source_ref := source_ref, source_line := source_line) ORDER BY source_file, source_line) AS entries
FROM observations WHERE submission_id IN (SELECT submission_id FROM submission_units) AND period_year IS NOT NULL
GROUP BY unit_key, period_year, indicator_code, measure
HAVING n_distinct > 1;

CREATE OR REPLACE VIEW metric_observations AS ${observationsOf("submission_units")};

CREATE OR REPLACE VIEW unit_years AS ${unitYearsOf("submission_units")};
`;

/** The unit columns every metric view carries, in order (see unitColumns in @dx-atlas/schema). */
export const UNIT_COLUMNS = "unit_key, unit_name, unit_level, unit_code, unit_era, province, current_key, current_name, current_province_code, current_province, tier";

/** The same columns qualified by a table alias ('r.unit_key, r.unit_name, …'). */
export const unitColumnsOf = (alias: string) => UNIT_COLUMNS.split(", ").map((c) => `${alias}.${c}`).join(", ");

/**
 * The first steps of every refresh: the current submissions of the units in scope, placed and
 * versioned once, and their values and unit-years over them. Later steps read these, not the views of
 * the same content users query (each of which would place and version every submission again).
 */
export const REFRESH_INPUTS: MetricTable[] = [
  {
    // The units in scope are chosen before their versions are ranked (a filter on the view would be
    // applied after ranking every submission of the warehouse).
    name: "refresh_submissions", kind: "temp", keyedBy: "unit",
    sql: (s) => currentOf(`(${submissionHistoryOf(`(SELECT * FROM submissions x WHERE TRUE${s.units(unitKeyOf("x"))})`)})`),
  },
  { name: "refresh_observations", kind: "temp_view", keyedBy: "unit", sql: () => observationsOf("refresh_submissions") },
  { name: "refresh_unit_years", kind: "temp_view", keyedBy: "unit", sql: () => unitYearsOf("refresh_submissions") },
];

/**
 * Every unit documents name, with the folded forms a user's filter is matched against, so a filter
 * ('ha tan', 'Thanh Hóa') is resolved over the units once instead of folding names on every row.
 */
export const UNIT_TABLES: MetricTable[] = [{
  name: "metric_units", kind: "table", keyedBy: "unit",
  sql: () => `
SELECT DISTINCT unit_key, unit_code, current_key, current_province_code,
       dx_fold(unit_name) AS name_folded, dx_fold(unit_level || ' ' || unit_name) AS level_name_folded,
       dx_fold(current_name) AS current_name_folded, dx_fold(current_province) AS current_province_folded,
       dx_fold(province) AS province_folded
FROM refresh_submissions`,
}];
