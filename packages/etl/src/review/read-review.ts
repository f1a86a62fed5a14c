import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "@dx-atlas/metrics";
import { LOW_CONFIDENCE, NOT_REVIEWED, OCR_UNSURE, UNIT_UNCERTAIN, type ReviewRows } from "./review-items.ts";

/** Codes (letters and underscores only) as a SQL list. */
const sqlList = (codes: readonly string[]) => codes.map((c) => `'${c.replace(/[^a-z_]/g, "")}'`).join(", ");

/** Reads what the review list is made of from the warehouse (read-only). */
export async function readReviewRows(conn: DuckDBConnection): Promise<ReviewRows> {
  const q = <T>(sql: string, params: (number | string)[] = []) => queryRows(conn, sql, params) as Promise<T[]>;
  return {
    rejects: await q(`SELECT source_file, scope, reason_code, reason, message_code, message_params, source_line, raw_text, match_text, best_code, best_confidence
                      FROM rejects WHERE reason_code NOT IN (${sqlList(NOT_REVIEWED.rejects)}) ORDER BY source_file, source_line`),
    lowConfidence: await q(`SELECT s.source_file, o.source_line, o.indicator_code, o.indicator_text, o.confidence, o.source_text, o.raw_value
                            FROM observation_facts o JOIN submissions s USING (submission_id) WHERE o.confidence < $1
                            ORDER BY s.source_file, o.source_line`, [LOW_CONFIDENCE]),
    // Values read by OCR below the confidence floor, whose digits sit next to letters OCR confuses
    // with them (O/0, l/I/1, S/5), or with a bound ("≥": the OCR model reads it as ">", see ocr.ts):
    // evidence to check against the page image.
    ocr: await q(`SELECT s.source_file, o.source_line, o.indicator_code, o.raw_value, o.ocr_confidence, o.source_location
                  FROM observation_facts o JOIN submissions s USING (submission_id)
                  WHERE o.ocr_confidence IS NOT NULL AND (o.ocr_confidence < $1 OR regexp_matches(o.raw_value, '[0-9][OoIlS]|[OoIlS][0-9]|[0-9][.,][0-9]{1,2}[.,]|[≥≤]'))
                  ORDER BY s.source_file, o.source_line`, [OCR_UNSURE]),
    units: await q(`SELECT source_file, unit_level, unit_name, unit_confidence FROM submissions WHERE unit_confidence < $1`, [UNIT_UNCERTAIN]),
    warnings: await q(`SELECT source_file, code, message, message_code, message_params, source_line, raw_text FROM warnings WHERE code NOT IN (${sqlList(NOT_REVIEWED.warnings)}) ORDER BY source_file, source_line`),
    conflicts: (await q<{ unit_name: string; period_year: number; indicator_code: string; measure: "target" | "actual"; entries: string }>(
      `SELECT unit_name, period_year, indicator_code, measure, CAST(to_json(entries) AS VARCHAR) AS entries FROM conflicts ORDER BY ALL`))
      .map((c) => ({ ...c, entries: JSON.parse(c.entries) as ReviewRows["conflicts"][number]["entries"] })),
  };
}
