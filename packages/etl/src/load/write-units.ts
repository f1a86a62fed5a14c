import type { DuckDBConnection } from "@duckdb/node-api";
import type { AdminUnit } from "@dx-atlas/schema";

/** Appends units to the `units` table (inside the caller's transaction): ~15,000 rows in well under a second. */
export async function appendUnits(conn: DuckDBConnection, units: AdminUnit[]): Promise<void> {
  const appender = await conn.createAppender("units");
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
  await conn.run("CREATE OR REPLACE TEMP TABLE unit_successors (era VARCHAR, code VARCHAR, s VARCHAR)");
  const sa = await conn.createAppender("unit_successors");
  for (const u of units) { if (u.successor_codes.length === 0) continue; sa.appendVarchar(u.era); sa.appendVarchar(u.code); sa.appendVarchar(u.successor_codes.join(",")); sa.endRow(); }
  sa.closeSync();
  await conn.run("UPDATE units SET successor_codes = list_filter(string_split(x.s, ','), c -> c <> '') FROM unit_successors x WHERE units.era = x.era AND units.code = x.code AND units.successor_codes IS NULL");
  await conn.run("UPDATE units SET successor_codes = [] WHERE successor_codes IS NULL");
  await conn.run("DROP TABLE unit_successors");
}
