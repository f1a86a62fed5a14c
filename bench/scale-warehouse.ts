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

/**
 * Adds `n` documents as a load of revisions writes them: each a copy of an existing submission under a
 * new file name under `tag`/ (same unit, kind and year; loaded now, so it supersedes the original), its percent
 * values moved by a few points. Picks spread over units by hash. Returns how many were added.
 */
export async function addRevisions(conn: DuckDBConnection, n: number, tag = "sua-doi"): Promise<number> {
  await conn.run("BEGIN TRANSACTION");
  await conn.run(`CREATE TEMP TABLE revised AS SELECT submission_id AS old_id, submission_id || '~${tag}' AS id, '${tag}/' || source_file AS file
    FROM submissions WHERE source_file NOT LIKE '${tag}/%' ORDER BY hash(submission_id, '${tag}') LIMIT ${n}`);
  await conn.run(`INSERT INTO submissions SELECT r.id, r.file, s.content_hash || '~', s.encoding, s.doc_kind, s.title, s.doc_number, s.issue_date, s.doc_year,
      s.period_years, s.unit_name, s.unit_level, s.district, s.province, s.unit_code, s.unit_era, s.unit_confidence, s.rows_found, s.rows_mapped, s.rows_unmapped, s.format
    FROM submissions s JOIN revised r ON r.old_id = s.submission_id`);
  await conn.run(`INSERT INTO observation_facts SELECT r.id, period_year, measure, indicator_code, indicator_text, comparator,
      CASE WHEN value IS NULL OR unit <> 'percent' THEN value ELSE least(100, greatest(0, value + (hash(r.id, indicator_code) % 7) - 3)) END,
      value_max, unit, status, numerator, denominator, raw_value, source_ref, source_line, source_text, confidence, extractor, source_location, corrected, ocr_confidence
    FROM observation_facts o JOIN revised r ON r.old_id = o.submission_id`);
  await conn.run(`INSERT INTO files SELECT r.file, f.content_hash || '~', f.ruleset_hash, f.status, r.id, now()::TIMESTAMP FROM files f JOIN revised r ON r.old_id = f.submission_id`);
  const added = Number((await conn.runAndReadAll("SELECT count(*) FROM revised")).getRows()[0]![0]);
  await conn.run("DROP TABLE revised");
  await conn.run("COMMIT");
  return added;
}
