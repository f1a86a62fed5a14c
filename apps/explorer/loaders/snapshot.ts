// Writes one query's result to stdout as an Arrow IPC file: the form in which the explorer's pages
// receive the warehouse (compact, typed, read in the browser by arquero without a server).
import { DEFAULT_WAREHOUSE, openWarehouse } from "@dx-atlas/metrics";
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from "apache-arrow";

/** The warehouse the explorer is built from: DX_WAREHOUSE (set by `pnpm explorer`), else data/warehouse.duckdb. */
export const warehousePath = () => process.env.DX_WAREHOUSE || DEFAULT_WAREHOUSE;

function arrowType(duckType: string): DataType {
  if (/^(DOUBLE|FLOAT|DECIMAL)/.test(duckType)) return new Float64();
  if (/^(INTEGER|SMALLINT|TINYINT|BIGINT|UINTEGER|USMALLINT|UTINYINT)$/.test(duckType)) return new Int32();
  if (duckType === "BOOLEAN") return new Bool();
  return new Utf8();
}

/** Runs `sql` against the warehouse (read-only) and writes the rows to stdout as Arrow IPC. */
export async function writeSnapshot(sql: string): Promise<void> {
  const wh = await openWarehouse(warehousePath(), { readOnly: true });
  try {
    const reader = await wh.conn.runAndReadAll(sql);
    const names = reader.columnNames();
    const types = reader.columnTypes().map((t) => t.toString());
    const columns = reader.getColumnsJS();
    const vectors: Record<string, Vector> = {};
    names.forEach((name, i) => {
      const type = arrowType(types[i]!);
      // An empty result has its columns' names and types but no column arrays.
      const values = (columns[i] ?? []).map((v) => (v === null || v === undefined ? null
        : type instanceof Utf8 ? (typeof v === "object" ? JSON.stringify(v) : String(v))
        : type instanceof Bool ? Boolean(v) : Number(v)));
      vectors[name] = vectorFromArray(values, type);
    });
    process.stdout.write(tableToIPC(new Table(vectors), "file"));
  } finally {
    wh.close();
  }
}
