import { existsSync } from "node:fs";
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";

export interface Warehouse { instance: DuckDBInstance; conn: DuckDBConnection; close(): void }

/**
 * Opens (or, for writing, creates) the DuckDB file with extension downloads off: nothing may download
 * here. Read-only opens refuse a missing file instead of creating an empty one.
 */
export async function openWarehouse(path: string, opts: { readOnly?: boolean } = {}): Promise<Warehouse> {
  if (opts.readOnly && !existsSync(path)) throw new Error(`no warehouse at ${path}: run \`pnpm etl\` first`);
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: "false", autoload_known_extensions: "false",
    ...(opts.readOnly ? { access_mode: "READ_ONLY" } : {}),
  });
  const conn = await instance.connect();
  return { instance, conn, close: () => { conn.closeSync(); instance.closeSync(); } };
}

/** Reads all rows of a query as plain JSON-safe objects (cast BIGINT to INTEGER in SQL to get numbers). */
export async function queryRows(conn: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}
