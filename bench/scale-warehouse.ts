import type { Warehouse } from "../packages/metrics/src/warehouse/connection.ts";

type DuckDBConnection = Warehouse["conn"];

/**
 * Grows a loaded warehouse to about `target` observations by copying its units, submissions and
 * observations k times: copy i is a new set of communes (codes shifted by i × 100,000, names suffixed)
 * under the same districts and provinces, with values moved by a few points so that rankings and
 * trends have something to sort. What the metrics queries then meet is the shape of a national
 * warehouse; what the ETL read is unchanged.
 */
export async function scaleWarehouse(conn: DuckDBConnection, target: number): Promise<{ copies: number; observations: number }> {
  const base = Number((await conn.runAndReadAll("SELECT count(*) FROM observation_facts")).getRows()[0]![0]);
  const copies = Math.max(0, Math.ceil(target / Math.max(1, base)) - 1);
  if (copies === 0) return { copies, observations: base };
  await conn.run("BEGIN TRANSACTION");
  await conn.run(`CREATE TEMP TABLE copies AS SELECT range AS k FROM range(1, ${copies + 1})`);
  const commune = "level IN ('xã', 'phường', 'thị trấn')";
  await conn.run(`INSERT INTO units SELECT CAST(CAST(code AS BIGINT) + k * 100000 AS VARCHAR), name || ' ' || k, level, parent_code, era,
      list_transform(successor_codes, c -> CAST(CAST(c AS BIGINT) + k * 100000 AS VARCHAR)), source
    FROM units, copies WHERE ${commune} AND source NOT LIKE 'import:%'`);
  await conn.run(`INSERT INTO submissions SELECT submission_id || '-' || k, 'copy' || k || '/' || source_file, content_hash, encoding, doc_kind, title, doc_number,
      issue_date, doc_year, period_years, unit_name || ' ' || k, unit_level, district, province, CAST(CAST(unit_code AS BIGINT) + k * 100000 AS VARCHAR),
      unit_era, unit_confidence, rows_found, rows_mapped, rows_unmapped, format
    FROM submissions, copies`);
  await conn.run(`INSERT INTO observation_facts SELECT submission_id || '-' || k, period_year, measure, indicator_code, indicator_text, comparator,
      CASE WHEN value IS NULL OR unit <> 'percent' THEN value ELSE least(100, greatest(0, value + (hash(submission_id, k, indicator_code) % 11) - 5)) END,
      value_max, unit, status, numerator, denominator, raw_value, source_ref, source_line, source_text, confidence, extractor, source_location
    FROM observation_facts, copies`);
  await conn.run("INSERT INTO files SELECT 'copy' || k || '/' || source_file, content_hash, ruleset_hash, status, submission_id || '-' || k, loaded_at FROM files, copies WHERE submission_id IS NOT NULL");
  await conn.run("DROP TABLE copies");
  await conn.run("COMMIT");
  await conn.run("CHECKPOINT");
  const observations = Number((await conn.runAndReadAll("SELECT count(*) FROM observation_facts")).getRows()[0]![0]);
  return { copies, observations };
}
