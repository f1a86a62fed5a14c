import type { DuckDBConnection } from "@duckdb/node-api";
import { METRIC_VIEWS_SQL, queryRows } from "@dx-atlas/metrics";
import type { AdminUnit, Indicator } from "@dx-atlas/schema";
import type { FileResult } from "../process-document.ts";
import { WAREHOUSE_DDL } from "./schema-sql.ts";

export interface LoadHooks {
  /** Called inside the transaction after every file's rows are written (tests inject failures here). */
  afterFile?: (sourceFile: string) => void;
}

export interface LoadSummary { loaded: number; replaced: number; unchanged: number; rejected: number }

const LIST = (param: string, type: string) => `list_transform(list_filter(string_split(${param}, ','), x -> x <> ''), x -> CAST(x AS ${type}))`;

/**
 * Writes one run into the warehouse in a single transaction: the catalog and gazetteer are refreshed,
 * each changed file's earlier rows are replaced, unchanged files (same path, same content hash) are
 * skipped. Any error rolls the whole run back, leaving the warehouse as it was.
 */
export async function loadRun(conn: DuckDBConnection, run: { results: FileResult[]; catalog: Indicator[]; units: AdminUnit[]; now: Date; rulesetHash: string }, hooks: LoadHooks = {}): Promise<LoadSummary> {
  const summary: LoadSummary = { loaded: 0, replaced: 0, unchanged: 0, rejected: 0 };
  await conn.run(WAREHOUSE_DDL);
  await conn.run("BEGIN TRANSACTION");
  try {
    await conn.run(METRIC_VIEWS_SQL);
    await refreshReference(conn, run.catalog, run.units);
    // A file is unchanged when its bytes and the rules that read it (catalog, gazetteer, extractor
    // version) are: an analyst who fixes the catalog gets the flagged rows re-read on the next run.
    const known = new Map((await queryRows(conn, "SELECT source_file, content_hash || '|' || ruleset_hash AS k FROM files")).map((r) => [r.source_file as string, r.k as string]));
    for (const r of run.results) {
      const previous = known.get(r.source_file);
      if (previous === `${r.content_hash}|${run.rulesetHash}`) { summary.unchanged++; continue; }
      if (previous !== undefined) { await deleteFile(conn, r.source_file); summary.replaced++; }
      await writeFile(conn, r, run.now, run.rulesetHash);
      if (r.submission) summary.loaded++; else summary.rejected++;
      hooks.afterFile?.(r.source_file);
    }
    await conn.run("COMMIT");
  } catch (err) {
    await conn.run("ROLLBACK");
    throw err;
  }
  return summary;
}

async function refreshReference(conn: DuckDBConnection, catalog: Indicator[], units: AdminUnit[]): Promise<void> {
  await conn.run("DELETE FROM indicators");
  for (const i of catalog) {
    await conn.run(`INSERT INTO indicators VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${LIST("$11", "VARCHAR")})`, [
      i.code, i.name_vi, i.name_en, i.pillar, i.unit, i.direction, i.source ?? null,
      i.national_target?.year ?? null, i.national_target?.comparator ?? null, i.national_target?.value ?? null, i.phrasings.join(","),
    ]);
  }
  // Imported national lists stay; bundled rows are re-written so edits to units.csv take effect.
  await conn.run("DELETE FROM units WHERE source NOT LIKE 'import:%'");
  const imported = new Set((await queryRows(conn, "SELECT era || ':' || code AS k FROM units")).map((r) => r.k as string));
  for (const u of units) {
    if (imported.has(`${u.era}:${u.code}`)) continue;
    await conn.run(`INSERT INTO units VALUES ($1, $2, $3, $4, $5, ${LIST("$6", "VARCHAR")}, $7)`, [u.code, u.name, u.level, u.parent_code, u.era, u.successor_codes.join(","), u.source]);
  }
}

async function deleteFile(conn: DuckDBConnection, sourceFile: string): Promise<void> {
  await conn.run("DELETE FROM observation_facts WHERE submission_id IN (SELECT submission_id FROM submissions WHERE source_file = $1)", [sourceFile]);
  for (const table of ["submissions", "rejects", "warnings", "files"]) await conn.run(`DELETE FROM ${table} WHERE source_file = $1`, [sourceFile]);
}

async function writeFile(conn: DuckDBConnection, r: FileResult, now: Date, ruleset: string): Promise<void> {
  const s = r.submission;
  if (s) {
    // The same bytes under another name are the same submission: keep the first path, note the copy.
    const dup = await queryRows(conn, "SELECT source_file FROM submissions WHERE submission_id = $1", [s.submission_id]);
    if (dup.length > 0) {
      await conn.run("INSERT INTO warnings VALUES ($1, $2, 'duplicate_file', $3, NULL, '')", [r.source_file, s.submission_id, `same content as ${dup[0]!.source_file as string}: not loaded twice`]);
      await conn.run("INSERT INTO files VALUES ($1, $2, $3, 'duplicate', $4, $5)", [r.source_file, r.content_hash, ruleset, s.submission_id, now.toISOString()]);
      return;
    }
    await conn.run(`INSERT INTO submissions VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,${LIST("$10", "INTEGER")},$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)`, [
      s.submission_id, s.source_file, s.content_hash, s.encoding, s.doc_kind, s.title, s.doc_number, s.issue_date, s.doc_year,
      s.period_years.join(","), s.unit_name, s.unit_level, s.district, s.province, s.unit_code, s.unit_era, s.unit_confidence,
      r.stats.rows, r.stats.mapped, r.stats.unmapped, s.format,
    ]);
    for (const o of r.observations) {
      await conn.run("INSERT INTO observation_facts VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)", [
        o.submission_id, o.period_year, o.measure, o.indicator_code, o.indicator_text, o.comparator, o.value, o.value_max,
        o.unit, o.status, o.numerator, o.denominator, o.raw_value, o.source_ref, o.source_line, o.source_text, o.confidence, o.extractor, o.source_location,
      ]);
    }
  }
  for (const x of r.rejects) {
    await conn.run("INSERT INTO rejects VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)", [x.source_file, x.submission_id, x.scope, x.reason_code, x.reason, x.source_line, x.source_ref, x.raw_text, x.best_code, x.best_confidence, x.source_location]);
  }
  for (const w of r.warnings) {
    await conn.run("INSERT INTO warnings VALUES ($1,$2,$3,$4,$5,$6)", [w.source_file, w.submission_id, w.code, w.message, w.source_line, w.raw_text]);
  }
  await conn.run("INSERT INTO files VALUES ($1, $2, $3, $4, $5, $6)", [r.source_file, r.content_hash, ruleset, s ? "loaded" : "rejected", s?.submission_id ?? null, now.toISOString()]);
}
