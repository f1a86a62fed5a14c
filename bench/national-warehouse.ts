// A national-size warehouse for the explorer's tests and bench: a warehouse loaded by the real ETL, whose
// communes' submissions are then copied onto real communes of the gazetteer (names, districts, provinces
// and 2025 successors as they are), so that every province holds communes, the search meets the country's
// 15,000 names, and the metrics are re-computed by the real refresh.
import { openWarehouse, refreshMetrics } from "../packages/metrics/src/index.ts";

const COMMUNE = "('xã', 'phường', 'thị trấn')";

/**
 * Copies the submissions (with their observations, rejects, warnings and file rows) of each commune the
 * warehouse at `db` holds onto other real communes of the same era, until about `units` communes have
 * documents; values in percent move by up to ±5 points (a hash of file, unit and indicator), so that the
 * rankings have something to sort. Returns the counts the bench reports.
 */
export async function spreadOverGazetteer(db: string, opts: { units: number; seed?: number }): Promise<{ units: number; observations: number; submissions: number }> {
  const wh = await openWarehouse(db);
  const n = async (sql: string) => Number((await wh.conn.runAndReadAll(sql)).getRows()[0]![0]);
  try {
    const seed = opts.seed ?? 1;
    await wh.conn.run("BEGIN TRANSACTION");
    await wh.conn.run(`CREATE TEMP TABLE tmpl AS
      SELECT unit_era, unit_code, row_number() OVER (PARTITION BY unit_era ORDER BY unit_code) - 1 AS t, count(*) OVER (PARTITION BY unit_era) AS nt
      FROM (SELECT DISTINCT unit_era, unit_code FROM submissions WHERE unit_code IS NOT NULL AND unit_level IN ${COMMUNE})`);
    const templates = await n("SELECT count(*) FROM tmpl");
    if (templates === 0) throw new Error(`${db}: no commune with documents to copy`);
    // Each era gets its share of the communes asked for, in proportion to its templates.
    await wh.conn.run(`CREATE TEMP TABLE assign AS
      WITH pool AS (
        SELECT u.era, u.code, u.name, u.level,
          CASE WHEN u.era = 'before-2025-07' THEN p1.name END AS district,
          CASE WHEN u.era = 'before-2025-07' THEN p2.name ELSE p1.name END AS province,
          row_number() OVER (PARTITION BY u.era ORDER BY hash(u.code, ${seed})) - 1 AS i
        FROM units u
        LEFT JOIN units p1 ON p1.code = u.parent_code AND p1.era = u.era
        LEFT JOIN units p2 ON p2.code = p1.parent_code AND p2.era = u.era
        WHERE u.level IN ${COMMUNE} AND u.source NOT LIKE 'import:%'
          AND (u.era, u.code) NOT IN (SELECT (unit_era, unit_code) FROM submissions WHERE unit_code IS NOT NULL))
      SELECT pool.*, tmpl.unit_code AS template
      FROM pool JOIN tmpl ON tmpl.unit_era = pool.era AND tmpl.t = pool.i % tmpl.nt
      WHERE pool.i < ceil(${opts.units} * tmpl.nt / ${templates})`);
    const from = `FROM submissions s JOIN assign a ON a.era = s.unit_era AND a.template = s.unit_code`;
    const id = "s.submission_id || '~' || a.code";
    const file = "'toan-quoc/' || a.code || '/' || s.source_file";
    await wh.conn.run(`CREATE TEMP TABLE copied AS SELECT s.submission_id AS old_id, s.source_file AS old_file, ${id} AS id, ${file} AS file, a.code ${from}`);
    await wh.conn.run(`INSERT INTO submissions SELECT ${id}, ${file}, s.content_hash, s.encoding, s.doc_kind, s.title, s.doc_number,
        s.issue_date, s.doc_year, s.period_years, a.name, a.level, a.district, a.province, a.code, s.unit_era, s.unit_confidence,
        s.rows_found, s.rows_mapped, s.rows_unmapped, s.format ${from}`);
    await wh.conn.run(`INSERT INTO observation_facts SELECT c.id, period_year, measure, indicator_code, indicator_text, comparator,
        CASE WHEN value IS NULL OR unit <> 'percent' THEN value ELSE least(100, greatest(0, value + (hash(c.id, indicator_code) % 11) - 5)) END,
        value_max, unit, status, numerator, denominator, raw_value, source_ref, source_line, source_text, confidence, extractor, source_location, corrected, ocr_confidence
      FROM observation_facts o JOIN copied c ON c.old_id = o.submission_id`);
    await wh.conn.run(`INSERT INTO rejects SELECT c.file, c.id, scope, reason_code, reason, source_line, source_ref, raw_text, best_code, best_confidence, source_location, match_text, message_code, message_params
      FROM rejects r JOIN copied c ON c.old_id = r.submission_id`);
    await wh.conn.run(`INSERT INTO warnings SELECT c.file, c.id, w.code, w.message, w.source_line, w.raw_text, w.message_code, w.message_params FROM warnings w JOIN copied c ON c.old_id = w.submission_id`);
    await wh.conn.run(`INSERT INTO files SELECT c.file, f.content_hash, f.ruleset_hash, f.status, c.id, f.loaded_at FROM files f JOIN copied c ON c.old_id = f.submission_id`);
    await wh.conn.run("DROP TABLE copied; DROP TABLE assign; DROP TABLE tmpl");
    await wh.conn.run("COMMIT");
    const refreshed = await refreshMetrics(wh.conn, { force: true });
    if (!refreshed.refreshed) throw new Error("the spread warehouse's metric tables were not re-computed");
    await wh.conn.run("CHECKPOINT");
    return {
      units: await n("SELECT count(DISTINCT unit_key) FROM submission_units"),
      observations: await n("SELECT count(*) FROM observation_facts"),
      submissions: await n("SELECT count(*) FROM submissions"),
    };
  } finally {
    wh.close();
  }
}
