// The warehouse contract: tables and views later work (metrics, explorer, exports) relies on.
export const WAREHOUSE_DDL = `
CREATE TABLE IF NOT EXISTS files (
  source_file VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, ruleset_hash VARCHAR NOT NULL, status VARCHAR NOT NULL,
  submission_id VARCHAR, loaded_at TIMESTAMP NOT NULL, PRIMARY KEY (source_file));
CREATE TABLE IF NOT EXISTS submissions (
  submission_id VARCHAR PRIMARY KEY, source_file VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
  encoding VARCHAR, doc_kind VARCHAR NOT NULL CHECK (doc_kind IN ('plan', 'report')), title VARCHAR,
  doc_number VARCHAR, issue_date VARCHAR, doc_year INTEGER, period_years INTEGER[],
  unit_name VARCHAR, unit_level VARCHAR, district VARCHAR, province VARCHAR, unit_code VARCHAR,
  unit_era VARCHAR, unit_confidence DOUBLE, rows_found INTEGER, rows_mapped INTEGER, rows_unmapped INTEGER, format VARCHAR);
CREATE TABLE IF NOT EXISTS observation_facts (
  submission_id VARCHAR NOT NULL, period_year INTEGER,
  measure VARCHAR NOT NULL CHECK (measure IN ('target', 'actual')), indicator_code VARCHAR NOT NULL,
  indicator_text VARCHAR, comparator VARCHAR, value DOUBLE, value_max DOUBLE, unit VARCHAR, status VARCHAR,
  numerator DOUBLE, denominator DOUBLE, raw_value VARCHAR, source_ref VARCHAR, source_line INTEGER NOT NULL,
  source_text VARCHAR, confidence DOUBLE, extractor VARCHAR, source_location VARCHAR);
CREATE TABLE IF NOT EXISTS rejects (
  source_file VARCHAR NOT NULL, submission_id VARCHAR, scope VARCHAR NOT NULL, reason_code VARCHAR NOT NULL,
  reason VARCHAR NOT NULL, source_line INTEGER, source_ref VARCHAR, raw_text VARCHAR, best_code VARCHAR, best_confidence DOUBLE,
  source_location VARCHAR);
-- Columns added after the first release, for warehouses created before them (always last, so that
-- old and new tables have the same column order).
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS format VARCHAR;
ALTER TABLE submissions ALTER COLUMN doc_year DROP NOT NULL;
ALTER TABLE observation_facts ALTER COLUMN period_year DROP NOT NULL;
ALTER TABLE observation_facts ADD COLUMN IF NOT EXISTS source_location VARCHAR;
ALTER TABLE rejects ADD COLUMN IF NOT EXISTS source_location VARCHAR;
ALTER TABLE rejects ADD COLUMN IF NOT EXISTS match_text VARCHAR;
ALTER TABLE observation_facts ADD COLUMN IF NOT EXISTS corrected VARCHAR;
ALTER TABLE observation_facts ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
-- A reject's reason as the message catalog's code and its parameters (JSON), for any language to render.
ALTER TABLE rejects ADD COLUMN IF NOT EXISTS message_code VARCHAR;
ALTER TABLE rejects ADD COLUMN IF NOT EXISTS message_params VARCHAR;
-- What the catalog and bundled units were when last written (a run that did not change them skips re-writing them).
CREATE TABLE IF NOT EXISTS reference_state (hash VARCHAR NOT NULL);
-- Which of the analyst's corrections (data/corrections.yaml) each file used, and what a unit or value correction changed.
CREATE TABLE IF NOT EXISTS correction_uses (source_file VARCHAR NOT NULL, correction_key VARCHAR NOT NULL);
ALTER TABLE correction_uses ADD COLUMN IF NOT EXISTS detail VARCHAR;
CREATE TABLE IF NOT EXISTS warnings (
  source_file VARCHAR NOT NULL, submission_id VARCHAR, code VARCHAR NOT NULL, message VARCHAR NOT NULL,
  source_line INTEGER, raw_text VARCHAR);
ALTER TABLE warnings ADD COLUMN IF NOT EXISTS message_code VARCHAR;
ALTER TABLE warnings ADD COLUMN IF NOT EXISTS message_params VARCHAR;
CREATE TABLE IF NOT EXISTS indicators (
  code VARCHAR PRIMARY KEY, name_vi VARCHAR NOT NULL, name_en VARCHAR NOT NULL, pillar VARCHAR NOT NULL,
  unit VARCHAR NOT NULL, direction VARCHAR NOT NULL, source VARCHAR, national_target_year INTEGER,
  national_target_comparator VARCHAR, national_target_value DOUBLE, phrasings VARCHAR[]);
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS scope_of VARCHAR;
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS scope_level VARCHAR;
CREATE TABLE IF NOT EXISTS units (
  code VARCHAR NOT NULL, name VARCHAR NOT NULL, level VARCHAR NOT NULL, parent_code VARCHAR,
  era VARCHAR NOT NULL, successor_codes VARCHAR[], source VARCHAR, PRIMARY KEY (era, code));
CREATE OR REPLACE VIEW observations AS
SELECT o.submission_id, s.source_file, s.doc_kind, s.unit_name, s.unit_level, s.district, s.province,
       s.unit_code, s.unit_era, o.period_year, o.measure, o.indicator_code, o.indicator_text, o.comparator,
       o.value, o.value_max, o.unit, o.status, o.numerator, o.denominator, o.raw_value, o.source_ref,
       o.source_line, o.confidence, o.source_text, o.extractor, o.source_location, s.format, o.corrected, o.ocr_confidence
FROM observation_facts o JOIN submissions s USING (submission_id);
-- conflicts (values that disagree) is created with the metric views: it reads the current versions only.
`;
