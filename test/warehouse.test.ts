import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { repo, SAMPLES, tempDir, warehouseFingerprint } from "./helpers.ts";

const fixedNow = () => new Date("2026-11-23T00:00:00Z");
const fingerprint = warehouseFingerprint;

function inbox(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "in"));
  for (const s of SAMPLES) copyFileSync(repo(`data/samples/${s}.txt`), join(dir, "in", `${s}.txt`));
  return dir;
}

describe("warehouse", () => {
  it("pnpm etl on the samples gives the contract's views with provenance and the known conflicts", async () => {
    const dir = inbox();
    const db = join(dir, "w.duckdb");
    const report = await runEtl({ inputs: ["in"], db, cwd: dir, now: fixedNow });
    expect(report.load).toMatchObject({ loaded: 5, replaced: 0, unchanged: 0, rejected: 0, duplicates: 0 });
    const wh = await openWarehouse(db);
    try {
      const cols = (await queryRows(wh.conn, "SELECT column_name FROM information_schema.columns WHERE table_name = 'observations'")).map((r) => r.column_name);
      expect(cols).toEqual(expect.arrayContaining(["submission_id", "source_file", "doc_kind", "unit_name", "unit_level", "district", "province", "unit_code", "period_year", "measure", "indicator_code", "indicator_text", "comparator", "value", "value_max", "unit", "status", "numerator", "denominator", "raw_value", "source_ref", "source_line", "confidence"]));
      const haTan = await queryRows(wh.conn, "SELECT measure, comparator, value, source_ref, source_line, raw_value FROM observations WHERE unit_name = 'Hà Tân' AND indicator_code = 'xhs.ehealth_record' ORDER BY source_line, measure");
      expect(haTan).toEqual([
        { measure: "actual", comparator: "eq", value: 89.9, source_ref: null, source_line: 128, raw_value: "4371/4864 đạt 89,9%" },
        { measure: "actual", comparator: "eq", value: 96.8, source_ref: "38", source_line: 225, raw_value: "(Ghi rõ bao nhiêu/ bao nhiêu, đạt 96,8%)" },
        { measure: "target", comparator: "eq", value: 90, source_ref: "38", source_line: 225, raw_value: "đạt 90%" },
      ]);
      const conflicts = await queryRows(wh.conn, "SELECT unit_name, period_year, indicator_code, measure, n_distinct FROM conflicts ORDER BY ALL");
      expect(conflicts).toEqual(expect.arrayContaining([
        { unit_name: "Hà Tân", period_year: 2023, indicator_code: "xhs.ehealth_record", measure: "actual", n_distinct: 2 },
        { unit_name: "Yên Hùng", period_year: 2025, indicator_code: "xhs.bank_account_15plus", measure: "target", n_distinct: 2 },
      ]));
      const placeholder = await queryRows(wh.conn, "SELECT source_line FROM warnings WHERE code = 'placeholder_unfilled'");
      expect(placeholder).toEqual([{ source_line: 221 }]);
      const noDigitalSignatureResult = await queryRows(wh.conn, "SELECT count(*)::INTEGER AS n FROM observations WHERE unit_name = 'Hà Tân' AND indicator_code = 'xhs.adult_esignature' AND measure = 'actual'");
      expect(noDigitalSignatureResult).toEqual([{ n: 0 }]);
      const units = await queryRows(wh.conn, "SELECT DISTINCT unit_code, unit_level FROM observations ORDER BY 1");
      expect(units).toEqual([{ unit_code: "15322", unit_level: "xã" }, { unit_code: "15433", unit_level: "xã" }, { unit_code: "213", unit_level: "thành phố" }, { unit_code: "25441", unit_level: "phường" }, { unit_code: "30307", unit_level: "phường" }]);
    } finally {
      wh.close();
    }
  });

  it("loading the same files twice changes nothing (idempotent)", async () => {
    const dir = inbox();
    const db = join(dir, "w.duckdb");
    await runEtl({ inputs: ["in"], db, cwd: dir, now: fixedNow });
    const first = await fingerprint(db);
    const again = await runEtl({ inputs: ["in"], db, cwd: dir, now: () => new Date("2027-01-01T00:00:00Z") });
    expect(again.load).toMatchObject({ loaded: 0, replaced: 0, unchanged: 5, rejected: 0, duplicates: 0 });
    expect(await fingerprint(db)).toEqual(first);
    expect(first.observation_facts).toMatch(/^2\d\d:/);
    expect(again.load.metrics.refreshed).toBe(false);
  });

  it("metric tables are re-computed when their inputs change, and replace the views older warehouses hold", async () => {
    const dir = inbox();
    const db = join(dir, "w.duckdb");
    const first = await runEtl({ inputs: [`in/${SAMPLES[0]}.txt`], db, cwd: dir, now: fixedNow });
    expect(first.load.metrics.refreshed).toBe(true);
    const count = async () => {
      const wh = await openWarehouse(db);
      try { return (await queryRows(wh.conn, "SELECT count(DISTINCT unit_key)::INTEGER AS n FROM target_vs_actual"))[0]!.n; } finally { wh.close(); }
    };
    expect(await count()).toBe(1);
    // A warehouse written before the metrics were materialised (a view where a table is now), and one
    // from before the ranking became a view (a table where a view is now).
    const wh = await openWarehouse(db);
    try {
      await wh.conn.run("DROP VIEW comparison_missing; DROP VIEW comparison; DROP TABLE target_vs_actual; DROP TABLE unit_lineage; DELETE FROM metrics_state");
      await wh.conn.run("CREATE VIEW target_vs_actual AS SELECT 1 AS stale; CREATE TABLE comparison AS SELECT 1 AS stale; CREATE VIEW unit_lineage AS SELECT 1 AS stale");
    } finally { wh.close(); }
    const next = await runEtl({ inputs: ["in"], db, cwd: dir, now: fixedNow });
    expect(next.load).toMatchObject({ loaded: 4, unchanged: 1, metrics: { refreshed: true } });
    expect(await count()).toBe(5);
  });

  it("a failure in the middle of a load leaves the warehouse as it was (atomic)", async () => {
    const dir = inbox();
    const db = join(dir, "w.duckdb");
    await runEtl({ inputs: [`in/${SAMPLES[0]}.txt`], db, cwd: dir, now: fixedNow });
    const before = await fingerprint(db);
    let written = 0;
    await expect(runEtl({ inputs: ["in"], db, cwd: dir, now: fixedNow, hooks: { afterFile: () => { if (++written === 3) throw new Error("injected fault after the third file"); } } }))
      .rejects.toThrow(/injected fault/);
    expect(written).toBe(3);
    expect(await fingerprint(db)).toEqual(before);
    const retry = await runEtl({ inputs: ["in"], db, cwd: dir, now: fixedNow });
    expect(retry.load).toMatchObject({ loaded: 4, replaced: 0, unchanged: 1, rejected: 0, duplicates: 0 });
  });

  it("bad files are recorded as rejected with the reason and the good files still load", async () => {
    const dir = inbox();
    writeFileSync(join(dir, "in", "empty.txt"), "");
    writeFileSync(join(dir, "in", "garbage.bin"), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 1, 2, 3, 0xff, 0xfe]));
    writeFileSync(join(dir, "in", "notes.txt"), "Biên bản họp chi bộ tháng 3\n\nNội dung: bầu bí thư.\n");
    writeFileSync(join(dir, "in", "unknown.txt"), "KẾ HOẠCH\n\nChuyển đổi số xã Không Có Thật năm 2024\n");
    const db = join(dir, "w.duckdb");
    const report = await runEtl({ inputs: ["in"], db, cwd: dir, now: fixedNow });
    expect(report.load).toMatchObject({ loaded: 5, replaced: 0, unchanged: 0, rejected: 4, duplicates: 0 });
    const wh = await openWarehouse(db);
    try {
      expect(await queryRows(wh.conn, "SELECT source_file, reason_code FROM rejects WHERE scope = 'file' ORDER BY 1")).toEqual([
        { source_file: "in/empty.txt", reason_code: "empty" },
        { source_file: "in/garbage.bin", reason_code: "unreadable" },
        { source_file: "in/notes.txt", reason_code: "not_dx_document" },
        { source_file: "in/unknown.txt", reason_code: "unknown_unit" },
      ]);
    } finally {
      wh.close();
    }
  });
});

describe("re-reading after the rules change", () => {
  it("a changed catalog re-reads unchanged files (the analyst's fix takes effect)", async () => {
    const dir = inbox();
    const db = join(dir, "w.duckdb");
    await runEtl({ inputs: ["in"], db, cwd: dir, now: fixedNow });
    const catalogPath = join(dir, "catalog.yaml");
    writeFileSync(catalogPath, readFileSync(repo("data/catalog/indicators.yaml"), "utf8") + "\n# reviewed\n");
    const again = await runEtl({ inputs: ["in"], db, cwd: dir, now: fixedNow, catalogPath });
    expect(again.load).toMatchObject({ loaded: 5, replaced: 5, unchanged: 0, rejected: 0, duplicates: 0 });
  });
});

describe("copies of a file that changes in the same run", () => {
  it("a new file with the changed file's new content is a duplicate, not a second submission", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    const db = join(dir, "w.duckdb");
    writeFileSync(join(dir, "in/a.txt"), readFileSync(repo(`data/samples/${SAMPLES[0]}.txt`)));
    await runEtl({ inputs: ["in"], db, cwd: dir });
    const next = readFileSync(repo(`data/samples/${SAMPLES[3]}.txt`));
    writeFileSync(join(dir, "in/a.txt"), next);
    writeFileSync(join(dir, "in/b.txt"), next);
    const report = await runEtl({ inputs: ["in"], db, cwd: dir });
    expect(report.load).toMatchObject({ loaded: 1, replaced: 1, unchanged: 0, rejected: 0, duplicates: 1 });
    expect(report.files.map((f) => [f.file, f.action, f.reason])).toEqual([["in/a.txt", "replaced", null], ["in/b.txt", "duplicate", "same content as in/a.txt"]]);
  });
});
