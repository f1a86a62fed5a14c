import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connection.ts";
import { METRIC_TABLES, METRIC_VIEWS_SQL } from "./index.ts";

/** The code that computes the metrics: a change to it makes every stored metric table stale. */
const CODE_HASH = createHash("sha256").update(METRIC_VIEWS_SQL).update(JSON.stringify(METRIC_TABLES)).digest("hex").slice(0, 16);

/**
 * What the metric tables were computed from: the metrics code, the files loaded (path, content and
 * rules), the catalog and the units. Order-independent hashes, so the query stays cheap at any size.
 */
const INPUTS_SQL = `SELECT concat_ws('/',
  (SELECT count(*) || ':' || coalesce(bit_xor(hash(source_file, content_hash, ruleset_hash, status)), 0) FROM files),
  (SELECT count(*) || ':' || coalesce(bit_xor(hash(i)), 0) FROM indicators i),
  (SELECT count(*) || ':' || coalesce(bit_xor(hash(u)), 0) FROM units u)) AS inputs`;

export interface RefreshResult { refreshed: boolean; seconds: number }

/**
 * Re-computes the metric tables when what they are computed from has changed since the last refresh
 * (or always, with `force`, for callers that wrote observations by hand). Runs inside the caller's
 * transaction when there is one, so a load and its metrics commit or roll back together.
 */
export async function refreshMetrics(conn: DuckDBConnection, opts: { force?: boolean } = {}): Promise<RefreshResult> {
  const started = performance.now();
  await conn.run("CREATE TABLE IF NOT EXISTS metrics_state (fingerprint VARCHAR NOT NULL, refreshed_at TIMESTAMP NOT NULL, seconds DOUBLE NOT NULL)");
  const [{ inputs }] = (await queryRows(conn, INPUTS_SQL)) as [{ inputs: string }];
  const fingerprint = `${CODE_HASH}/${inputs}`;
  const stored = await queryRows(conn, "SELECT fingerprint FROM metrics_state");
  if (!opts.force && stored[0]?.fingerprint === fingerprint && (await missingTables(conn)).length === 0) {
    return { refreshed: false, seconds: (performance.now() - started) / 1000 };
  }
  // A step that changed kind since the warehouse was written (the metrics were all views once).
  const views = new Set((await queryRows(conn, "SELECT view_name FROM duckdb_views() WHERE NOT internal")).map((r) => r.view_name as string));
  const tables = new Set((await queryRows(conn, "SELECT table_name FROM duckdb_tables() WHERE NOT temporary")).map((r) => r.table_name as string));
  for (const t of [...METRIC_TABLES].reverse()) {
    if (t.kind !== "view" && views.has(t.name)) await conn.run(`DROP VIEW ${t.name}`);
    if (t.kind !== "table" && tables.has(t.name)) await conn.run(`DROP TABLE ${t.name}`);
  }
  await conn.run(METRIC_VIEWS_SQL);
  for (const t of METRIC_TABLES) {
    const what = { table: "TABLE", temp: "TEMP TABLE", view: "VIEW" }[t.kind];
    await conn.run(`CREATE OR REPLACE ${what} ${t.name} AS ${t.sql}`);
  }
  for (const t of METRIC_TABLES) if (t.kind === "temp") await conn.run(`DROP TABLE ${t.name}`);
  const seconds = (performance.now() - started) / 1000;
  await conn.run("DELETE FROM metrics_state");
  await conn.run("INSERT INTO metrics_state VALUES ($1, now()::TIMESTAMP, $2)", [fingerprint, seconds]);
  return { refreshed: true, seconds };
}

async function missingTables(conn: DuckDBConnection): Promise<string[]> {
  const have = new Set((await queryRows(conn, "SELECT table_name AS n FROM duckdb_tables() WHERE NOT temporary UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal")).map((r) => r.n as string));
  return METRIC_TABLES.filter((t) => t.kind !== "temp" && !have.has(t.name)).map((t) => t.name);
}
