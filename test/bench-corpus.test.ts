import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareWithTruth } from "../bench/accuracy.ts";
import { corpus } from "../bench/corpus/generate-corpus.ts";
import { scaleWarehouse } from "../bench/scale-warehouse.ts";
import { parseCatalog } from "../packages/etl/src/catalog/index.ts";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { repo, tempDir } from "./helpers.ts";

const catalog = parseCatalog(readFileSync(repo("data/catalog/indicators.yaml"), "utf8"), "indicators.yaml");

describe("benchmark corpus", () => {
  it("is the same for the same seed, and file k does not depend on n", () => {
    const digest = (n: number, seed: number) => [...corpus({ n, seed, catalog }).files()].map((f) => `${f.path}:${Buffer.from(f.bytes).toString("base64").length}:${f.truth.length}`);
    const a = digest(24, 7);
    expect(digest(24, 7)).toEqual(a);
    expect(digest(12, 7)).toEqual(a.slice(0, 12));
    expect(digest(24, 8)).not.toEqual(a);
  });

  it("varies formats, shapes and values like an inbox, and the ETL on parser threads reads it back exactly", async () => {
    const dir = tempDir();
    const c = corpus({ n: 48, seed: 3, catalog });
    writeFileSync(join(dir, "units.csv"), c.unitsCsv);
    const files = [...c.files()];
    for (const f of files) { mkdirSync(dirname(join(dir, "in", f.path)), { recursive: true }); writeFileSync(join(dir, "in", f.path), f.bytes); }
    expect(new Set(files.map((f) => f.format)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(files.map((f) => f.shape.replace(/\+wrapped$/, ""))).size).toBeGreaterThanOrEqual(6);
    const truths = files.flatMap((f) => f.truth);
    expect(new Set(truths.map((t) => t.comparator))).toEqual(new Set(["gt", "gte", "eq", "range", null]));
    expect(truths.some((t) => t.status === "in_progress")).toBe(true);

    // 48 files on 2 threads: results come back out of order and are written in file order.
    const db = join(dir, "w.duckdb");
    const report = await runEtl({ inputs: ["in"], db, cwd: dir, gazetteerPath: join(dir, "units.csv"), workers: 2 });
    expect(report.workers).toBe(2);
    expect(report.load).toMatchObject({ loaded: 48, rejected: 0 });
    expect(report.files.map((f) => f.file)).toEqual(files.map((f) => `in/${f.path}`).sort());
    const wh = await openWarehouse(db, { readOnly: true });
    const rows = await queryRows(wh.conn, "SELECT source_file, indicator_code, measure, period_year, comparator, value, value_max, status FROM observations");
    wh.close();
    let agreed = 0; let total = 0;
    for (const f of files) {
      const a = compareWithTruth(f.truth, rows.filter((r) => r.source_file === `in/${f.path}`) as never);
      agreed += a.agreed; total += a.total;
      if (process.env.DX_DEBUG && a.agreed < a.total) console.log(f.path, a.missing, a.extra);
    }
    expect(total).toBe(truths.length);
    expect(agreed).toBe(total);

    const again = await runEtl({ inputs: ["in"], db, cwd: dir, gazetteerPath: join(dir, "units.csv"), workers: 2 });
    expect(again.load).toMatchObject({ loaded: 0, unchanged: 48 });
    expect(again.workers).toBe(0);

    // The bench grows this warehouse by copying rows column for column: it must follow the schema.
    const grown = await openWarehouse(db);
    try {
      const before = Number((await queryRows(grown.conn, "SELECT count(*) AS n FROM observation_facts"))[0]!.n);
      const { copies, observations } = await scaleWarehouse(grown.conn, before * 3);
      expect(copies).toBeGreaterThanOrEqual(2);
      expect(observations).toBe(before * (copies + 1));
    } finally { grown.close(); }
  }, 60_000);
});
