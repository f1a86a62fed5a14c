import type { DuckDBConnection } from "@duckdb/node-api";

export interface QueryResult { columns: { name: string; type: string }[]; rows: Record<string, unknown>[] }

const INTEGERS = /^(BIGINT|UBIGINT|HUGEINT|UHUGEINT)$/;

/**
 * Runs one SQL statement and returns JSON-safe rows: 64-bit integers become numbers when they fit
 * (counts, sums) and stay strings otherwise; dates, decimals and nested values as DuckDB renders them.
 */
export async function runQuery(conn: DuckDBConnection, sql: string): Promise<QueryResult> {
  const reader = await conn.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const rows = (reader.getRowObjectsJson() as Record<string, unknown>[]).map((row) => {
    for (const [i, name] of names.entries()) {
      const v = row[name];
      if (typeof v === "string" && INTEGERS.test(types[i]!)) {
        const n = Number(v);
        if (Number.isSafeInteger(n)) row[name] = n;
      }
    }
    return row;
  });
  return { columns: names.map((name, i) => ({ name, type: types[i]! })), rows };
}
