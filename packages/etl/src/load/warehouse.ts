import { createHash } from "node:crypto";
import { listValue, type DuckDBConnection } from "@duckdb/node-api";
import { queryRows, refreshMetrics, type RefreshResult } from "@dx-atlas/metrics";
import type { AdminUnit, Indicator } from "@dx-atlas/schema";
import type { FileResult } from "../process-document.ts";
import { RowWriter } from "./append-rows.ts";
import { WAREHOUSE_DDL } from "./schema-sql.ts";
import { appendUnits } from "./write-units.ts";

export interface LoadHooks {
  /** Called inside the transaction after every file's rows are written (tests inject failures here). */
  afterFile?: (sourceFile: string) => void;
  /** Called inside the transaction after the metric tables were re-computed, just before COMMIT. */
  beforeCommit?: () => void;
}

export interface LoadSummary {
  loaded: number; replaced: number; unchanged: number; rejected: number; duplicates: number;
  /** Whether the metric tables were re-computed (only when what they depend on changed), and how long it took. */
  metrics: RefreshResult;
}

/** What a run does with one input file, decided from its content hash before anything is parsed. */
export type FilePlan =
  | { name: string; path: string; action: "parse"; replaces: boolean }
  | { name: string; path: string; action: "unchanged" }
  | { name: string; path: string; action: "duplicate"; contentHash: string; original: string; replaces: boolean };

/** One file's outcome, kept small so a run of any size can report on every file. */
export interface FileOutcome { plan: FilePlan; result: FileResult | null }

/**
 * Writes one run into the warehouse in a single transaction: the catalog and gazetteer are refreshed,
 * the earlier rows of files that changed are deleted, and the parsed results are appended as they
 * arrive (`parse` is called inside the transaction with the plan's files to parse). Unchanged files
 * (same path, same content hash, same rules) were never parsed. Any error rolls the whole run back,
 * leaving the warehouse as it was.
 */
export async function loadRun(
  conn: DuckDBConnection,
  run: { paths: { path: string; name: string }[]; hashOf: (path: string) => string; catalog: Indicator[]; units: AdminUnit[]; now: Date; rulesetHash: string;
    /** Read, resolve and report exactly as a load would, then roll everything back (schema changes too). */
    dryRun?: boolean },
  parse: (files: FilePlan[]) => AsyncIterable<FileResult>,
  onFile: (outcome: FileOutcome) => void,
  hooks: LoadHooks = {},
): Promise<LoadSummary> {
  const summary: LoadSummary = { loaded: 0, replaced: 0, unchanged: 0, rejected: 0, duplicates: 0, metrics: { refreshed: false, seconds: 0 } };
  if (!run.dryRun) await conn.run(WAREHOUSE_DDL);
  await conn.run("BEGIN TRANSACTION");
  try {
    if (run.dryRun) await conn.run(WAREHOUSE_DDL);
    await refreshReference(conn, run.catalog, run.units);
    const plans = await planFiles(conn, run);
    const replaced = plans.filter((p) => p.action !== "unchanged" && p.replaces).map((p) => p.name);
    await deleteFiles(conn, replaced);
    summary.replaced = replaced.length;
    const loadedAt = run.now.toISOString();
    const writer = await RowWriter.open(conn);
    const toParse = plans.filter((p) => p.action === "parse");
    let k = 0;
    for await (const r of parse(toParse)) {
      writer.write(r, loadedAt, run.rulesetHash);
      if (r.submission) summary.loaded++; else summary.rejected++;
      onFile({ plan: toParse[k++]!, result: r });
      hooks.afterFile?.(r.source_file);
    }
    for (const p of plans) {
      if (p.action === "unchanged") { summary.unchanged++; onFile({ plan: p, result: null }); }
      if (p.action === "duplicate") { writer.writeDuplicate(p.name, p.contentHash, p.original, loadedAt, run.rulesetHash); summary.duplicates++; onFile({ plan: p, result: null }); }
    }
    writer.close();
    if (run.dryRun) {
      await rollback(conn);
      return summary;
    }
    summary.metrics = await refreshMetrics(conn);
    hooks.beforeCommit?.();
    await conn.run("COMMIT");
  } catch (err) {
    await rollback(conn);
    throw err;
  }
  return summary;
}

/**
 * Rolls the run back. DuckDB has already aborted a transaction whose COMMIT failed (a full disk, for
 * one); the ROLLBACK then fails with "no transaction is active", which must not hide the real error.
 */
export async function rollback(conn: DuckDBConnection): Promise<void> {
  try {
    await conn.run("ROLLBACK");
  } catch (err) {
    if (!/no transaction is active/i.test((err as Error).message)) throw err;
  }
}

/**
 * Decides per file, by its content hash: unchanged (same path, bytes and rules as loaded before),
 * a copy of a file already loaded or named earlier in this run, or to be parsed.
 */
async function planFiles(conn: DuckDBConnection, run: { paths: { path: string; name: string }[]; hashOf: (path: string) => string; rulesetHash: string }): Promise<FilePlan[]> {
  const known = new Map((await queryRows(conn, "SELECT source_file, content_hash, ruleset_hash FROM files")).map((r) => [r.source_file as string, { hash: r.content_hash as string, ruleset: r.ruleset_hash as string }]));
  const hashes = run.paths.map((p) => run.hashOf(p.path));
  const changed = new Set(run.paths.filter((p, i) => { const k = known.get(p.name); return k !== undefined && !(k.hash === hashes[i] && k.ruleset === run.rulesetHash); }).map((p) => p.name));
  // Who holds each content already: loaded submissions whose file is not being replaced now.
  const holder = new Map<string, string>();
  for (const r of await queryRows(conn, "SELECT content_hash, source_file FROM submissions")) {
    if (!changed.has(r.source_file as string)) holder.set(r.content_hash as string, r.source_file as string);
  }
  return run.paths.map((p, i): FilePlan => {
    const hash = hashes[i]!;
    const k = known.get(p.name);
    if (k && k.hash === hash && k.ruleset === run.rulesetHash) return { ...p, action: "unchanged" };
    const original = hash === "" ? undefined : holder.get(hash);
    if (original !== undefined && original !== p.name) return { ...p, action: "duplicate", contentHash: hash, original, replaces: k !== undefined };
    if (hash !== "" && original === undefined) holder.set(hash, p.name);
    return { ...p, action: "parse", replaces: k !== undefined };
  });
}

const LIST = (param: string, type: string) => `list_transform(list_filter(string_split(${param}, ','), x -> x <> ''), x -> CAST(x AS ${type}))`;

async function refreshReference(conn: DuckDBConnection, catalog: Indicator[], units: AdminUnit[]): Promise<void> {
  // Skipped when the catalog and units are those written last time (an unchanged inbox re-runs in well under a second).
  const hash = createHash("sha256").update(JSON.stringify([catalog, units])).digest("hex");
  const nImported = (await queryRows(conn, "SELECT count(*)::INTEGER AS n FROM units WHERE source LIKE 'import:%'"))[0]!.n as number;
  const key = `${hash}/${nImported}`;
  if ((await queryRows(conn, "SELECT hash FROM reference_state"))[0]?.hash === key) return;
  await conn.run("DELETE FROM reference_state");
  await conn.run("INSERT INTO reference_state VALUES ($1)", [key]);
  await conn.run("DELETE FROM indicators");
  // One statement for the whole catalog: a round trip per entry cost ~1 s at 200 entries.
  const params: (string | number | null)[] = [];
  const rows = catalog.map((i) => {
    const at = params.length;
    params.push(i.code, i.name_vi, i.name_en, i.pillar, i.unit, i.direction, i.source ?? null,
      i.national_target?.year ?? null, i.national_target?.comparator ?? null, i.national_target?.value ?? null, i.phrasings.join(","),
      i.scope_of?.code ?? null, i.scope_of?.level ?? null);
    const p = (k: number) => `$${at + k}`;
    return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, CAST(${p(8)} AS INTEGER), ${p(9)}, CAST(${p(10)} AS DOUBLE), ${LIST(p(11), "VARCHAR")}, ${p(12)}, ${p(13)})`;
  });
  if (rows.length > 0) {
    await conn.run(`INSERT INTO indicators (code, name_vi, name_en, pillar, unit, direction, source, national_target_year, national_target_comparator, national_target_value, phrasings, scope_of, scope_level)
      VALUES ${rows.join(",\n")}`, params);
  }
  // Imported lists stay; the shipped national list and the bundled rows are re-written so an upgrade or an edit takes effect.
  await conn.run("DELETE FROM units WHERE source NOT LIKE 'import:%'");
  const imported = new Set((await queryRows(conn, "SELECT era || ':' || code AS k FROM units")).map((r) => r.k as string));
  await appendUnits(conn, units.filter((u) => !imported.has(`${u.era}:${u.code}`)));
}

/** Deletes every row of the named files (earlier versions about to be replaced), one statement per table. */
async function deleteFiles(conn: DuckDBConnection, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const list = [listValue(names)];
  await conn.run("DELETE FROM observation_facts WHERE submission_id IN (SELECT submission_id FROM submissions WHERE source_file IN (SELECT unnest($1::VARCHAR[])))", list);
  for (const table of ["submissions", "rejects", "warnings", "correction_uses", "files"]) await conn.run(`DELETE FROM ${table} WHERE source_file IN (SELECT unnest($1::VARCHAR[]))`, list);
}
