import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AdminUnit } from "@dx-atlas/schema";
import { unitsAfterReform, unitsBeforeReform } from "../gazetteer/import-national.ts";
import { WAREHOUSE_DDL } from "./schema-sql.ts";
import { rollback } from "./warehouse.ts";
import { openWarehouse, queryRows, refreshMetrics } from "@dx-atlas/metrics";

const readJson = (dir: string, file: string): unknown => {
  const path = join(dir, file);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}. Hint: DIR must hold the public lists before-2025-07/dvhcvn.json, reform-2025-07/splits.json and after-2025-07/units.json`);
  }
};

/** Reads the national lists from a folder holding the three public files named in the hint below. */
export function readNationalLists(dir: string): AdminUnit[] {
  const before = unitsBeforeReform(readJson(dir, "before-2025-07/dvhcvn.json") as never, readJson(dir, "reform-2025-07/splits.json") as never);
  const after = unitsAfterReform(readJson(dir, "after-2025-07/units.json") as never);
  return [...before, ...after];
}

/** Replaces the warehouse's imported units with a national list, in one transaction. */
export async function importUnits(db: string, units: AdminUnit[]): Promise<{ before: number; after: number }> {
  const wh = await openWarehouse(db);
  try {
    await wh.conn.run(WAREHOUSE_DDL);
    await wh.conn.run("BEGIN TRANSACTION");
    try {
      await wh.conn.run("DELETE FROM units");
      await wh.conn.run("DELETE FROM reference_state"); // the next run writes the bundled units again
      const appender = await wh.conn.createAppender("units");
      for (const u of units) {
        appender.appendVarchar(u.code); appender.appendVarchar(u.name); appender.appendVarchar(u.level);
        if (u.parent_code === null) appender.appendNull(); else appender.appendVarchar(u.parent_code);
        appender.appendVarchar(u.era);
        appender.appendNull();
        appender.appendVarchar(u.source);
        appender.endRow();
      }
      appender.closeSync();
      // Successor lists go in afterwards by a join: the Appender needs typed list values otherwise.
      await wh.conn.run("CREATE TEMP TABLE succ (era VARCHAR, code VARCHAR, s VARCHAR)");
      const sa = await wh.conn.createAppender("succ");
      for (const u of units) { sa.appendVarchar(u.era); sa.appendVarchar(u.code); sa.appendVarchar(u.successor_codes.join(",")); sa.endRow(); }
      sa.closeSync();
      await wh.conn.run("UPDATE units SET successor_codes = list_filter(string_split(succ.s, ','), x -> x <> '') FROM succ WHERE units.era = succ.era AND units.code = succ.code");
      await wh.conn.run("DROP TABLE succ");
      // Units decide where an observation is placed (its current province, its successor): re-compute.
      await refreshMetrics(wh.conn);
      await wh.conn.run("COMMIT");
    } catch (err) {
      await rollback(wh.conn);
      throw err;
    }
    const counts = await queryRows(wh.conn, "SELECT era, count(*)::INTEGER AS n FROM units GROUP BY era");
    const n = (era: string) => Number(counts.find((c) => c.era === era)?.n ?? 0);
    return { before: n("before-2025-07"), after: n("after-2025-07") };
  } finally {
    wh.close();
  }
}
