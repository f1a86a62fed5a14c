// Export round trip: Parquet written by DuckDB, read back by DuckDB and by hyparquet (an independent
// pure-JavaScript reader that knows nothing of this project), plus CSV, dictionary and JSON Schemas.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWarehouse, queryRows, type Warehouse } from "../packages/metrics/src/index.ts";
import { exportWarehouse } from "../packages/metrics/src/export/export-warehouse.ts";
import { EXPORT_TABLES } from "../packages/metrics/src/export/export-tables.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { repo, tempDir } from "./helpers.ts";

let wh: Warehouse;
let out: string;
let dir: string;

const files = (root: string, ext: string): string[] =>
  readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(ext)).map((f) => join(root, f)).sort();

beforeAll(async () => {
  dir = tempDir();
  const db = join(dir, "w.duckdb");
  await runEtl({ inputs: [repo("data/samples")], db, cwd: repo("") });
  wh = await openWarehouse(db, { readOnly: true });
  out = join(dir, "export");
  await exportWarehouse(wh.conn, out, "parquet", { with: ["comparison_missing"] });
});
afterAll(() => wh?.close());

describe("Parquet export", () => {
  it("is partitioned Hive-style by current province and year", () => {
    const dirs = readdirSync(join(out, "observations"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".parquet")).sort();
    expect(dirs).toEqual([
      "province_code=24/year=2024/data_0.parquet", "province_code=38/year=2023/data_0.parquet", "province_code=38/year=2024/data_0.parquet",
      "province_code=38/year=2025/data_0.parquet", "province_code=75/year=2026/data_0.parquet", "province_code=91/year=2024/data_0.parquet",
    ]);
  });

  it.each(EXPORT_TABLES.map((t) => t.name))("%s reads back in DuckDB identical to the warehouse", async (name) => {
    const table = EXPORT_TABLES.find((t) => t.name === name)!;
    const glob = `'${join(out, name)}/**/*.parquet'`;
    const [counts] = await queryRows(wh.conn, `SELECT (SELECT CAST(count(*) AS INTEGER) FROM (${table.sql})) AS source,
      (SELECT CAST(count(*) AS INTEGER) FROM read_parquet(${glob}, hive_partitioning = false)) AS exported,
      (SELECT CAST(count(*) AS INTEGER) FROM ((${table.sql}) EXCEPT ALL SELECT * FROM read_parquet(${glob}, hive_partitioning = false))) AS missing,
      (SELECT CAST(count(*) AS INTEGER) FROM (SELECT * FROM read_parquet(${glob}, hive_partitioning = false) EXCEPT ALL (${table.sql}))) AS extra`);
    expect(counts!.exported).toBe(counts!.source);
    expect(counts!.source).toBeGreaterThan(0);
    expect({ missing: counts!.missing, extra: counts!.extra }).toEqual({ missing: 0, extra: 0 });
  });

  it("reads with DuckDB's Hive partitioning, which a statistics office would use", async () => {
    const rows = await queryRows(wh.conn, `SELECT CAST(province_code AS VARCHAR) AS p, CAST(year AS INTEGER) AS y, CAST(count(*) AS INTEGER) AS n
      FROM read_parquet('${join(out, "observations")}/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY p, y`);
    expect(rows).toEqual([{ p: "24", y: 2024, n: 37 }, { p: "38", y: 2023, n: 80 }, { p: "38", y: 2024, n: 21 }, { p: "38", y: 2025, n: 33 }, { p: "75", y: 2026, n: 29 }, { p: "91", y: 2024, n: 31 }]);
  });

  it("reads with hyparquet, file by file, with provenance intact", async () => {
    const rows: Record<string, unknown>[] = [];
    for (const f of files(join(out, "observations"), ".parquet")) rows.push(...await parquetReadObjects({ file: await asyncBufferFromFile(f) }));
    expect(rows).toHaveLength(231);
    const ehealth = rows.filter((r) => r.unit_name === "Hà Tân" && r.indicator_code === "xhs.ehealth_record" && r.measure === "actual");
    expect(ehealth.map((r) => [r.value, r.source_line, r.raw_value, r.province_code, r.year]).sort()).toEqual([
      [89.9, 128, "4371/4864 đạt 89,9%", "38", 2023],
      [96.8, 225, "(Ghi rõ bao nhiêu/ bao nhiêu, đạt 96,8%)", "38", 2023],
    ]);
    expect(ehealth[0]!.source_file).toBe("data/samples/001_e735b5701492984f.txt");
  });

  it("metrics read with hyparquet give the same answers: Hà Tân bank accounts not met, −29", async () => {
    const [file] = files(join(out, "target_vs_actual", "province_code=38", "year=2023"), ".parquet");
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(file!) });
    expect(rows.find((r) => r.indicator_code === "xhs.bank_account_15plus")).toMatchObject({ status: "not_met", gap: -29, target_value: 75, actual_value: 46 });
    const trend = await parquetReadObjects({ file: await asyncBufferFromFile(files(join(out, "trend_progress"), ".parquet")[0]!) });
    expect(JSON.parse(trend[0]!.series as string)).toEqual([expect.objectContaining({ year: expect.any(Number), value: expect.any(Number) })]);
  });

  it("by default leaves out comparison_missing (on request: --with), and the dictionary says so", async () => {
    const lean = join(dir, "lean");
    const summary = await exportWarehouse(wh.conn, lean, "parquet");
    expect(summary.tables.map((t) => t.table)).toEqual(["observations", "target_vs_actual", "trend_points", "trend_progress", "comparison", "completeness"]);
    expect(existsSync(join(lean, "comparison_missing"))).toBe(false);
    expect(readFileSync(join(lean, "data-dictionary.md"), "utf8")).toMatch(/Not in this export \(ask with `pnpm export --with NAME`\): comparison_missing/);
    await expect(exportWarehouse(wh.conn, join(dir, "nope"), "parquet", { with: ["comparisons"] })).rejects.toThrow(/no table "comparisons" to export; the tables are: observations, /);
  });

  it("ships a data dictionary that explains every column, and the JSON Schemas", () => {
    const dict = JSON.parse(readFileSync(join(out, "data-dictionary.json"), "utf8")) as { tables: { table: string; columns: { column: string; type: string; meaning: string; allowed_values: string[] | null }[] }[] };
    expect(dict.tables.map((t) => t.table)).toEqual(EXPORT_TABLES.map((t) => t.name));
    for (const t of dict.tables) for (const c of t.columns) expect(c.meaning.length, `${t.table}.${c.column}`).toBeGreaterThan(10);
    const status = dict.tables.find((t) => t.table === "target_vs_actual")!.columns.find((c) => c.column === "status")!;
    expect(status.allowed_values).toEqual(["met", "not_met", "in_progress", "no_result", "no_target", "not_comparable"]);
    expect(readFileSync(join(out, "data-dictionary.md"), "utf8")).toContain("| gap | DOUBLE, may be empty | Result minus target");
    expect(readdirSync(join(out, "schemas")).sort()).toContain("TargetVsActual.schema.json");
    expect(readdirSync(join(out, "schemas"))).toHaveLength(12);
  });
});

describe("CSV export and safety", () => {
  it("writes CSV that DuckDB reads back with the same row counts", async () => {
    const csvOut = join(dir, "csv");
    const summary = await exportWarehouse(wh.conn, csvOut, "csv");
    // Every file starts with a UTF-8 byte-order mark, so Excel shows Vietnamese; then the header.
    for (const f of files(csvOut, ".csv")) expect([...readFileSync(f).subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(files(join(csvOut, "observations"), ".csv")[0]!, "utf8").slice(1)).toMatch(/^submission_id,source_file,/);
    // DuckDB skips the mark: the first column keeps its name.
    const [ha] = await queryRows(wh.conn, `SELECT CAST(count(DISTINCT submission_id) AS INTEGER) AS n, CAST(count(*) FILTER (WHERE unit_name = 'Hà Tân') AS INTEGER) AS ha
      FROM read_csv('${join(csvOut, "observations", "province_code=38", "year=2023", "data_0.csv")}', header = true)`);
    expect(ha!.n).toBeGreaterThan(0);
    expect(ha!.ha).toBeGreaterThan(0);
    for (const t of summary.tables) {
      const [r] = await queryRows(wh.conn, `SELECT CAST(count(*) AS INTEGER) AS n FROM read_csv('${join(csvOut, t.table)}/**/*.csv', header = true, quote = '"', escape = '"')`);
      expect(r!.n, t.table).toBe(t.rows);
    }
    expect(relative(csvOut, files(join(csvOut, "observations"), ".csv")[0]!)).toBe("observations/province_code=24/year=2024/data_0.csv");
  });

  it("replaces an earlier export, and refuses a folder that is not one", async () => {
    await exportWarehouse(wh.conn, out, "parquet");
    expect(files(join(out, "observations"), ".parquet")).toHaveLength(6);
    expect(readdirSync(dir).filter((f) => f.includes(".partial-") || f.includes(".old-"))).toEqual([]);
    const foreign = join(dir, "my-documents");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "notes.txt"), "keep me");
    await expect(exportWarehouse(wh.conn, foreign, "parquet")).rejects.toThrow(/is not a DX Atlas export/);
    expect(existsSync(join(foreign, "notes.txt"))).toBe(true);
  });
});
