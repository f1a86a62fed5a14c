import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AdminUnit } from "@dx-atlas/schema";
import { unitsAfterReform, unitsBeforeReform } from "../gazetteer/import-national.ts";
import { WAREHOUSE_DDL } from "./schema-sql.ts";
import { rollback } from "./warehouse.ts";
import { appendUnits } from "./write-units.ts";
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
      await appendUnits(wh.conn, units);
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
