import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connection.ts";
import { METRIC_MACROS_SQL, METRIC_TABLES, METRIC_VIEWS_SQL, REFERENCE_TABLES } from "./index.ts";
import { FULL_SCOPE, PARTIAL_SCOPE, type MetricTable } from "./metric-table.ts";
import { unitKeyOf } from "./units.sql.ts";

/** The code that computes the metrics: a change to it makes every stored metric table stale. */
const CODE_HASH = createHash("sha256").update(METRIC_MACROS_SQL).update(METRIC_VIEWS_SQL).update([...REFERENCE_TABLES, ...METRIC_TABLES].map((t) => `${t.name}:${t.kind}:${t.keyedBy}:${t.sql(FULL_SCOPE)}:${t.sql(PARTIAL_SCOPE)}`).join("\n")).digest("hex").slice(0, 16);

/** The unit a submission `s` is credited to, without placing it across the reform. */
const UNIT_KEY = unitKeyOf("s");

/** A file as the metrics last saw it: its path, content, rules, outcome and first load. */
const FILE_SIGNATURE = "hash(f.source_file, f.content_hash, f.ruleset_hash, f.status, f.loaded_at)";

/**
 * What the metric tables were computed from: the metrics code, the catalog and the units (the
 * reference: a change to either re-computes everything), then the files loaded. Order-independent
 * hashes, so the query stays cheap at any size.
 */
const INPUTS_SQL = `SELECT concat_ws('/',
  (SELECT count(*) || ':' || coalesce(bit_xor(hash(i)), 0) FROM indicators i),
  (SELECT count(*) || ':' || coalesce(bit_xor(hash(u)), 0) FROM units u)) AS reference,
  (SELECT count(*) || ':' || coalesce(bit_xor(${FILE_SIGNATURE}), 0) FROM files f) AS files`;

/**
 * Above this share of the units in scope, re-computing everything is as cheap as the bookkeeping.
 * DX_PARTIAL_LIMIT overrides it (1: always partial), so that tests on a small warehouse exercise the
 * partial path.
 */
const partialLimit = () => Number(process.env.DX_PARTIAL_LIMIT ?? 0.3);

export interface RefreshResult {
  refreshed: boolean; seconds: number;
  /** A refresh of the units some files changed, or of everything. */
  scope?: "partial" | "full";
  /** For a partial refresh: the units re-computed, of all units with documents. */
  units?: number; of?: number;
}

/**
 * Re-computes the metric tables when what they are computed from has changed since the last refresh.
 * When only files changed (not the metrics code, catalog or units), only the units those files name,
 * before and after the load, are re-computed: every stored metric row is a function of one unit's
 * submissions (the ranking and its peer statistics are views). The result equals a full refresh row
 * for row (test/metrics-incremental.test.ts). `force` re-computes
 * everything, for callers that wrote observations by hand. Runs inside the caller's transaction when
 * there is one, so a load and its metrics commit or roll back together.
 */
export async function refreshMetrics(conn: DuckDBConnection, opts: { force?: boolean } = {}): Promise<RefreshResult> {
  const started = performance.now();
  await conn.run("CREATE TABLE IF NOT EXISTS metrics_state (fingerprint VARCHAR NOT NULL, refreshed_at TIMESTAMP NOT NULL, seconds DOUBLE NOT NULL)");
  await conn.run("CREATE TABLE IF NOT EXISTS metrics_files (source_file VARCHAR NOT NULL, signature UBIGINT NOT NULL, unit_key VARCHAR)");
  const [{ reference, files }] = (await queryRows(conn, INPUTS_SQL)) as [{ reference: string; files: string }];
  const fingerprint = `${CODE_HASH}/${reference}//${files}`;
  const stored = (await queryRows(conn, "SELECT fingerprint FROM metrics_state"))[0]?.fingerprint as string | undefined;
  const complete = (await missingTables(conn)).length === 0;
  if (!opts.force && stored === fingerprint && complete) return { refreshed: false, seconds: (performance.now() - started) / 1000 };

  const sameReference = !opts.force && complete && stored?.split("//")[0] === fingerprint.split("//")[0];
  const partial = sameReference ? await scopeUnits(conn) : undefined;
  if (partial) {
    await refreshPartial(conn);
    await conn.run("DROP TABLE dx_scope_units");
  } else {
    await refreshFull(conn);
  }
  await conn.run(`DELETE FROM metrics_files; INSERT INTO metrics_files
    SELECT f.source_file, ${FILE_SIGNATURE}, ${UNIT_KEY} FROM files f LEFT JOIN submissions s USING (source_file)`);
  const seconds = (performance.now() - started) / 1000;
  await conn.run("DELETE FROM metrics_state");
  await conn.run("INSERT INTO metrics_state VALUES ($1, now()::TIMESTAMP, $2)", [fingerprint, seconds]);
  return { refreshed: true, seconds, scope: partial ? "partial" : "full", ...(partial ?? {}) };
}

/**
 * The units the files changed since the last refresh can change: those their earlier rows named (kept
 * in metrics_files) and those their rows name now. Written to dx_scope_units; undefined (refresh
 * everything) when they are too many for a partial refresh to pay.
 */
async function scopeUnits(conn: DuckDBConnection): Promise<{ units: number; of: number } | undefined> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE dx_changed_files AS
    SELECT source_file FROM (
      (SELECT f.source_file, ${FILE_SIGNATURE} AS signature FROM files f EXCEPT SELECT source_file, signature FROM metrics_files)
      UNION (SELECT source_file, signature FROM metrics_files EXCEPT SELECT f.source_file, ${FILE_SIGNATURE} FROM files f))`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE dx_scope_units AS
    SELECT unit_key FROM metrics_files WHERE unit_key IS NOT NULL AND source_file IN (SELECT source_file FROM dx_changed_files)
    UNION SELECT ${UNIT_KEY} FROM submissions s WHERE source_file IN (SELECT source_file FROM dx_changed_files)`);
  await conn.run("DROP TABLE dx_changed_files");
  const [{ units, of }] = (await queryRows(conn, `SELECT (SELECT count(*) FROM dx_scope_units)::INTEGER AS units,
    (SELECT count(DISTINCT unit_key) FROM (SELECT unit_key FROM metrics_files UNION ALL SELECT ${UNIT_KEY} FROM submissions s))::INTEGER AS of`)) as [{ units: number; of: number }];
  if (units > partialLimit() * of) {
    await conn.run("DROP TABLE dx_scope_units");
    return undefined;
  }
  return { units, of };
}

async function refreshFull(conn: DuckDBConnection): Promise<void> {
  // A step that changed kind since the warehouse was written (the metrics were all views once).
  const views = new Set((await queryRows(conn, "SELECT view_name FROM duckdb_views() WHERE NOT internal")).map((r) => r.view_name as string));
  const tables = new Set((await queryRows(conn, "SELECT table_name FROM duckdb_tables() WHERE NOT temporary")).map((r) => r.table_name as string));
  for (const t of [...REFERENCE_TABLES, ...METRIC_TABLES].reverse()) {
    if (t.kind !== "view" && views.has(t.name)) await conn.run(`DROP VIEW ${t.name}`);
    if (t.kind !== "table" && tables.has(t.name)) await conn.run(`DROP TABLE ${t.name}`);
  }
  await conn.run(METRIC_MACROS_SQL);
  for (const t of REFERENCE_TABLES) await conn.run(`CREATE OR REPLACE TABLE ${t.name} AS ${t.sql(FULL_SCOPE)}`);
  await conn.run(METRIC_VIEWS_SQL);
  for (const t of METRIC_TABLES) await conn.run(`CREATE OR REPLACE ${KEYWORD[t.kind]} ${t.name} AS ${t.sql(FULL_SCOPE)}`);
  await dropScratch(conn);
}

/**
 * Re-computes the rows of the units in dx_scope_units: a step keyed by unit deletes and re-inserts its
 * rows for those units (a temporary step holds only them); a step over all units is written whole.
 */
async function refreshPartial(conn: DuckDBConnection): Promise<void> {
  for (const t of METRIC_TABLES) {
    if (t.kind === "view") continue;
    if (t.kind !== "table" || t.keyedBy === "all") { await conn.run(`CREATE OR REPLACE ${KEYWORD[t.kind]} ${t.name} AS ${t.sql(PARTIAL_SCOPE)}`); continue; }
    await conn.run(`DELETE FROM ${t.name} WHERE unit_key IN (SELECT unit_key FROM dx_scope_units)`);
    await conn.run(`INSERT INTO ${t.name} ${t.sql(PARTIAL_SCOPE)}`);
  }
  await dropScratch(conn);
}

/** The refresh's own steps, dropped when it ends (latest first: a view may read a table before it). */
async function dropScratch(conn: DuckDBConnection): Promise<void> {
  for (const t of [...METRIC_TABLES].reverse()) {
    if (t.kind === "temp_view") await conn.run(`DROP VIEW ${t.name}`);
    if (t.kind === "temp") await conn.run(`DROP TABLE ${t.name}`);
  }
}

const KEYWORD: Record<MetricTable["kind"], string> = { table: "TABLE", temp: "TEMP TABLE", temp_view: "TEMP VIEW", view: "VIEW" };

async function missingTables(conn: DuckDBConnection): Promise<string[]> {
  const have = new Set((await queryRows(conn, "SELECT table_name AS n FROM duckdb_tables() WHERE NOT temporary UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal")).map((r) => r.n as string));
  return [...REFERENCE_TABLES, ...METRIC_TABLES].filter((t) => (t.kind === "table" || t.kind === "view") && !have.has(t.name)).map((t) => t.name);
}
