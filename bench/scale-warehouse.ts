import type { Warehouse } from "../packages/metrics/src/warehouse/connection.ts";

type DuckDBConnection = Warehouse["conn"];

/** Copies of the province tree the grown communes are spread over (Viet Nam has 34 provinces since 2025). */
const PROVINCE_GROUPS = 12;

/**
 * Grows a loaded warehouse to about `target` observations by copying its units, submissions and
 * observations k times: copy k is a new set of communes (codes shifted by k × 100,000, names suffixed)
 * with values moved by a few points so that rankings and trends have something to sort. Copies are
 * spread over PROVINCE_GROUPS copies of the province and district tree (codes suffixed '-g'), so a
 * province holds a national warehouse's share of the units, not all of them. What the metrics queries
 * then meet is the shape of a national warehouse; what the ETL read is unchanged.
 */
export async function scaleWarehouse(conn: DuckDBConnection, target: number): Promise<{ copies: number; observations: number }> {
  const base = Number((await conn.runAndReadAll("SELECT count(*) FROM observation_facts")).getRows()[0]![0]);
  const copies = Math.max(0, Math.ceil(target / Math.max(1, base)) - 1);
  if (copies === 0) return { copies, observations: base };
  await conn.run("BEGIN TRANSACTION");
  await conn.run(`CREATE TEMP TABLE copies AS SELECT range AS k FROM range(1, ${copies + 1})`);
  const commune = "level IN ('xã', 'phường', 'thị trấn')";
  const g = `(k % ${PROVINCE_GROUPS})`;
  const inGroup = (code: string) => `CASE WHEN ${g} = 0 OR ${code} IS NULL THEN ${code} ELSE ${code} || '-' || ${g} END`;
  const named = (name: string) => `CASE WHEN ${g} = 0 OR ${name} IS NULL THEN ${name} ELSE ${name} || ' ' || ${g} END`;
  await conn.run(`INSERT INTO units SELECT code || '-' || k, name || ' ' || k, level, ${inGroup("parent_code")}, era, list_transform(successor_codes, c -> c || '-' || k), source
    FROM units, copies WHERE NOT ${commune} AND source NOT LIKE 'import:%' AND k < ${PROVINCE_GROUPS}`);
  await conn.run(`INSERT INTO units SELECT CAST(CAST(code AS BIGINT) + k * 100000 AS VARCHAR), name || ' ' || k, level, ${inGroup("parent_code")}, era,
      list_transform(successor_codes, c -> CAST(CAST(c AS BIGINT) + k * 100000 AS VARCHAR)), source
    FROM units, copies WHERE ${commune} AND source NOT LIKE 'import:%'`);
  await conn.run(`INSERT INTO submissions SELECT submission_id || '-' || k, 'copy' || k || '/' || source_file, content_hash, encoding, doc_kind, title, doc_number,
      issue_date, doc_year, period_years, unit_name || ' ' || k, unit_level, ${named("district")}, ${named("province")}, CAST(CAST(unit_code AS BIGINT) + k * 100000 AS VARCHAR),
      unit_era, unit_confidence, rows_found, rows_mapped, rows_unmapped, format
    FROM submissions, copies`);
  await conn.run(`INSERT INTO observation_facts SELECT submission_id || '-' || k, period_year, measure, indicator_code, indicator_text, comparator,
      CASE WHEN value IS NULL OR unit <> 'percent' THEN value ELSE least(100, greatest(0, value + (hash(submission_id, k, indicator_code) % 11) - 5)) END,
      value_max, unit, status, numerator, denominator, raw_value, source_ref, source_line, source_text, confidence, extractor, source_location, corrected, ocr_confidence
    FROM observation_facts, copies`);
  await conn.run("INSERT INTO files SELECT 'copy' || k || '/' || source_file, content_hash, ruleset_hash, status, submission_id || '-' || k, loaded_at FROM files, copies WHERE submission_id IS NOT NULL");
  await conn.run("DROP TABLE copies");
  await conn.run("COMMIT");
  await conn.run("CHECKPOINT");
  const observations = Number((await conn.runAndReadAll("SELECT count(*) FROM observation_facts")).getRows()[0]![0]);
  return { copies, observations };
}
