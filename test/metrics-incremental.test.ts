// A load that changes a few files re-computes the metrics of the units those files name (and the
// peer groups they rank in), not the whole warehouse. Its tables must equal a full refresh, row for
// row, after any sequence of loads: new files in random batches, a file changed in place, a revision
// that supersedes an earlier version, and an analyst's value correction.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpus, type CorpusFile } from "../bench/corpus/generate-corpus.ts";
import { Random } from "../bench/corpus/random.ts";
import { parseCatalog } from "../packages/etl/src/catalog/index.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { METRIC_TABLES, openWarehouse, queryRows, refreshMetrics } from "../packages/metrics/src/index.ts";
import { repo, tempDir } from "./helpers.ts";

const catalog = parseCatalog(readFileSync(repo("data/catalog/indicators.yaml"), "utf8"), "indicators.yaml");
const STORED = [...METRIC_TABLES.filter((t) => t.kind === "table").map((t) => t.name), "comparison"];

/** Rows of each stored metric table in the warehouse at `db` that a full refresh of a copy does not give, and the reverse. */
async function differenceFromFull(db: string): Promise<Record<string, string>> {
  const full = `${db}.full.duckdb`;
  copyFileSync(db, full);
  const wh = await openWarehouse(full);
  try {
    await refreshMetrics(wh.conn, { force: true });
    await wh.conn.run(`ATTACH '${db}' AS inc (READ_ONLY)`);
    const out: Record<string, string> = {};
    for (const t of STORED) {
      const [r] = await queryRows(wh.conn, `SELECT (SELECT count(*) FROM ${t})::INTEGER AS n,
        (SELECT count(*) FROM (SELECT * FROM inc.${t} EXCEPT ALL SELECT * FROM ${t}))::INTEGER AS extra,
        (SELECT count(*) FROM (SELECT * FROM ${t} EXCEPT ALL SELECT * FROM inc.${t}))::INTEGER AS missing`);
      out[t] = `${r!.n} rows, ${r!.extra} not in full, ${r!.missing} missing`;
    }
    await wh.conn.run("DETACH inc");
    return out;
  } finally { wh.close(); }
}

const same = (diff: Record<string, string>) => Object.values(diff).every((s) => / 0 not in full, 0 missing$/.test(s));

describe("incremental metrics", () => {
  it.each([["at the default limits", undefined], ["always partial (every load re-computes only its units)", "1"]])("equal a full refresh after random loads, an edit, a revision and a correction, %s", async (_, limit) => {
    if (limit) process.env.DX_PARTIAL_LIMIT = limit; else delete process.env.DX_PARTIAL_LIMIT;
    const dir = tempDir();
    const c = corpus({ n: 48, seed: 21, catalog, formats: [["utf-8", 1]] });
    writeFileSync(join(dir, "units.csv"), c.unitsCsv);
    const files = new Random(5).sample([...c.files()], 48);
    const write = (f: CorpusFile, bytes: Uint8Array | string = f.bytes, path = f.path) => {
      mkdirSync(dirname(join(dir, "in", path)), { recursive: true });
      writeFileSync(join(dir, "in", path), bytes);
    };
    const db = join(dir, "w.duckdb");
    const corrections = join(dir, "corrections.yaml");
    const load = async () => (await runEtl({ inputs: ["in"], db, cwd: dir, gazetteerPath: join(dir, "units.csv"), correctionsPath: corrections, workers: 1 })).load;
    const scopes: string[] = [];
    const step = async (what: string) => {
      const l = await load();
      scopes.push(`${what}: ${l.metrics.scope} (${l.metrics.units ?? "all"} units)`);
      const diff = await differenceFromFull(db);
      expect(same(diff), `${what}: ${JSON.stringify(diff, null, 1)}`).toBe(true);
      return l;
    };

    // Most of the inbox first, then the rest in random batches of one to three files.
    for (const f of files.slice(0, 40)) write(f);
    await step("first 40 files");
    const rnd = new Random(9);
    for (let i = 40; i < files.length;) {
      const k = rnd.int(1, 3);
      for (const f of files.slice(i, i + k)) write(f);
      await step(`files ${i + 1}–${Math.min(i + k, files.length)}`);
      i += k;
    }
    // A file changed in place: its values move, so its unit's trends and its peers' ranks move.
    const edited = files.find((f) => f.kind === "report" && /\d+%/.test(Buffer.from(f.bytes).toString("utf8")))!;
    const text = Buffer.from(edited.bytes).toString("utf8");
    write(edited, text.replace(/(\d+)(%)/g, (_, n: string, p: string) => `${Math.max(0, Number(n) - 7)}${p}`));
    expect((await step("a report edited in place")).replaced).toBe(1);
    // A revision under another name supersedes the plan it revises (same unit, kind and year; loaded later).
    const plan = files.find((f) => f.kind === "plan" && f.unit_code !== edited.unit_code && /\d+%/.test(Buffer.from(f.bytes).toString("utf8")))!;
    const revised = plan.path.replace(/\.txt$/, "-sua-doi.txt");
    write(plan, Buffer.from(plan.bytes).toString("utf8").replace(/(\d+)(%)/, (_, n: string, p: string) => `${Number(n) + 3}${p}`), revised);
    await step("a revised plan");
    // A value correction: the corrections are rules, so every file is re-read.
    const t = plan.truth.find((x) => x.measure === "target" && x.value !== null)!;
    writeFileSync(corrections, `values:\n  - { file: ${revised}, indicator: ${t.indicator_code}, measure: target, year: ${t.period_year}, value: "12,5%" }\n`);
    await step("a value correction");

    console.log(scopes.join("\n"));
    // The loads after the first were partial refreshes (the path under test), except the correction's.
    expect(scopes.filter((s) => s.includes(": partial")).length).toBeGreaterThanOrEqual(limit ? 6 : 3);
    expect(scopes.at(-1)).toMatch(limit ? /a value correction: partial/ : /a value correction: full/);
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, "SELECT source_file, indicator_code, period_year, value FROM observations WHERE corrected IS NOT NULL"))
        .toEqual([{ source_file: `in/${revised}`, indicator_code: t.indicator_code, period_year: t.period_year, value: 12.5 }]);
    } finally { wh.close(); delete process.env.DX_PARTIAL_LIMIT; }
  }, 240_000);

  it("an unchanged re-run re-computes nothing", async () => {
    const dir = tempDir();
    const c = corpus({ n: 24, seed: 4, catalog, formats: [["utf-8", 1]] });
    writeFileSync(join(dir, "units.csv"), c.unitsCsv);
    for (const f of c.files()) { mkdirSync(dirname(join(dir, "in", f.path)), { recursive: true }); writeFileSync(join(dir, "in", f.path), f.bytes); }
    const run = async () => (await runEtl({ inputs: ["in"], db: join(dir, "w.duckdb"), cwd: dir, gazetteerPath: join(dir, "units.csv"), workers: 1 })).load;
    expect((await run()).metrics).toMatchObject({ refreshed: true, scope: "full" });
    expect((await run())).toMatchObject({ unchanged: 24, metrics: { refreshed: false } });
  }, 60_000);
});
