import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { jsonSchemas } from "@dx-atlas/schema";
import { queryRows } from "../warehouse/connection.ts";
import { dictionaryFor, dictionaryMarkdown, type DictionaryTable } from "./dictionary.ts";
import { EXPORT_TABLES } from "./export-tables.ts";

export type ExportFormat = "parquet" | "csv";
export interface ExportSummary { out: string; format: ExportFormat; tables: { table: string; rows: number; files: number }[] }

const MARKER = "data-dictionary.json";
const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Writes observations and every metric as Parquet (or CSV), partitioned Hive-style by current province
 * and year (<table>/province_code=38/year=2023/data_0.parquet, partition columns also kept inside the
 * files so a reader that ignores folder names still sees them), plus a data dictionary and the JSON
 * Schemas. Written to a sibling folder first and swapped in at the end: a failed export leaves the
 * previous one as it was. Refuses to replace a folder that is not an earlier export.
 */
/** The tables an export writes: those statistics offices use, plus any asked for by name (`with`). */
export function exportTables(withTables: string[] = []): typeof EXPORT_TABLES {
  for (const name of withTables) {
    if (!EXPORT_TABLES.some((t) => t.name === name)) throw new Error(`no table "${name}" to export; the tables are: ${EXPORT_TABLES.map((t) => t.name).join(", ")}`);
  }
  return EXPORT_TABLES.filter((t) => !t.onRequest || withTables.includes(t.name));
}

/** A CSV file rewritten to start with a UTF-8 byte-order mark: without it, Excel shows Vietnamese as mojibake. */
function addBom(file: string): void {
  const body = readFileSync(file);
  const fd = openSync(file, "w");
  try {
    writeSync(fd, Buffer.from([0xef, 0xbb, 0xbf]));
    writeSync(fd, body);
  } finally {
    closeSync(fd);
  }
}

export async function exportWarehouse(conn: DuckDBConnection, out: string, format: ExportFormat, opts: { with?: string[] } = {}): Promise<ExportSummary> {
  const tables = exportTables(opts.with);
  if (existsSync(out) && !existsSync(join(out, MARKER))) {
    throw new Error(`${out} exists and is not a DX Atlas export (no ${MARKER}): choose a new or empty folder`);
  }
  const staging = `${out}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const summary: ExportSummary = { out, format, tables: [] };
    const dictionary: DictionaryTable[] = [];
    for (const table of tables) {
      const columns = (await queryRows(conn, `DESCRIBE (${table.sql})`)).map((r) => ({ name: r.column_name as string, type: r.column_type as string }));
      dictionary.push(dictionaryFor(table, columns));
      const dir = join(staging, table.name);
      const options = format === "parquet"
        ? "FORMAT parquet, COMPRESSION snappy, PARTITION_BY (province_code, year), WRITE_PARTITION_COLUMNS true"
        : "FORMAT csv, HEADER true, PARTITION_BY (province_code, year), WRITE_PARTITION_COLUMNS true";
      // COPY answers with the number of rows it wrote: no second pass to count them.
      const copied = await conn.runAndReadAll(`COPY (${table.sql}) TO ${sqlString(dir)} (${options})`);
      const rows = Number(copied.getRows()[0]?.[0] ?? 0);
      if (!existsSync(dir)) mkdirSync(dir);
      const written = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(`.${format}`));
      if (format === "csv") for (const f of written) addBom(join(dir, f));
      const files = written.length;
      summary.tables.push({ table: table.name, rows, files });
    }
    const schemaDir = join(staging, "schemas");
    mkdirSync(schemaDir);
    for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(join(schemaDir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + "\n");
    writeFileSync(join(staging, MARKER), JSON.stringify({ format, partitioning: ["province_code", "year"], tables: dictionary }, null, 2) + "\n");
    writeFileSync(join(staging, "data-dictionary.md"), dictionaryMarkdown(dictionary, [
      "# DX Atlas export — data dictionary",
      "",
      `Format: ${format}. Each table is a folder of files partitioned Hive-style: \`<table>/province_code=<code>/year=<year>/data_0.${format}\`;`,
      "the partition columns are also stored inside every file. Lists are written as JSON text. JSON Schemas of the record types are in `schemas/`.",
      ...(format === "csv" ? ["CSV files are UTF-8 with a byte-order mark (so Excel shows Vietnamese), comma-separated, RFC 4180 quoting (a quote inside a field is doubled); text fields such as source_text may hold line breaks."] : []),
      ...(tables.length < EXPORT_TABLES.length ? [`Not in this export (ask with \`pnpm export --with NAME\`): ${EXPORT_TABLES.filter((t) => !tables.includes(t)).map((t) => `${t.name} (${t.description})`).join("; ")}.`] : []),
      "Read it with any Parquet reader, e.g. DuckDB: `SELECT * FROM read_parquet('observations/**/*.parquet', hive_partitioning = true)`.",
    ].join("\n")));
    if (existsSync(out)) {
      const old = `${out}.old-${process.pid}`;
      renameSync(out, old);
      renameSync(staging, out);
      rmSync(old, { recursive: true, force: true });
    } else {
      mkdirSync(dirname(out), { recursive: true });
      renameSync(staging, out);
    }
    return summary;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
