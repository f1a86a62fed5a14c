import { existsSync } from "node:fs";
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";

export interface Warehouse { instance: DuckDBInstance; conn: DuckDBConnection; close(): void }

/**
 * Opens (or, for writing, creates) the DuckDB file with extension downloads off: nothing may download
 * here. Read-only opens refuse a missing file instead of creating an empty one.
 */
export async function openWarehouse(path: string, opts: { readOnly?: boolean } = {}): Promise<Warehouse> {
  if (opts.readOnly && !existsSync(path)) throw new Error(`no warehouse at ${path}: run \`pnpm etl\` first`);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, {
      autoinstall_known_extensions: "false", autoload_known_extensions: "false",
      ...(opts.readOnly ? { access_mode: "READ_ONLY" } : {}),
    });
  } catch (err) {
    throw new WarehouseError(explainWarehouseError(err as Error, path));
  }
  const conn = await instance.connect();
  return { instance, conn, close: () => { conn.closeSync(); instance.closeSync(); } };
}

/** A warehouse fault already said in the user's terms. */
export class WarehouseError extends Error {}

/**
 * DuckDB's message for the faults a user meets, said in their terms: another run holds the file, the
 * file or its folder cannot be written, the disk is full. Other messages pass through unchanged.
 */
export function explainWarehouseError(err: Error, path: string): string {
  if (err instanceof WarehouseError) return err.message;
  const m = err.message;
  const w = path ? `the warehouse ${path}` : "the warehouse";
  const holder = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(m);
  if (/Could not set lock on file/.test(m)) {
    return `${w} is in use by another process${holder ? ` (PID ${holder[2]}, ${holder[1]})` : ""}: another pnpm etl may be loading it. ` +
      "Wait for that run to finish and try again; nothing was changed.";
  }
  if (/Read-only file system|Permission denied|cannot open file .* for writing/i.test(m)) {
    return `cannot write ${w}: ${m.includes("Read-only") ? "it is on a read-only file system" : "permission denied"} (${m.split("\n")[0]}). ` +
      "pnpm etl needs to write it (pnpm metrics, query and export only read); check the file and folder permissions or choose another --db.";
  }
  if (/No space left on device|ENOSPC|disk is full|Could not write all bytes/i.test(m)) {
    return `the disk holding ${w} is full (${m.split("\n")[0]}). Free some space and run again; nothing was changed.`;
  }
  return m;
}

/** Reads all rows of a query as plain JSON-safe objects (cast BIGINT to INTEGER in SQL to get numbers). */
export async function queryRows(conn: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}
