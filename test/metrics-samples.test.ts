// Metrics on the five bundled samples, with expected values worked out by hand from the documents.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeness, openWarehouse, queryRows, readMetric, targetVsActual, type Warehouse } from "../packages/metrics/src/index.ts";
import { runQuery } from "../packages/metrics/src/query/run-query.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { repo, tempDir } from "./helpers.ts";

const HA_TAN = { unit: "Hà Tân", year: 2023 };
let db: string;
let wh: Warehouse;

beforeAll(async () => {
  db = join(tempDir(), "w.duckdb");
  await runEtl({ inputs: [repo("data/samples")], db, cwd: repo("") });
  wh = await openWarehouse(db, { readOnly: true });
});
afterAll(() => wh?.close());

const one = async (indicator: string) => {
  const rows = await targetVsActual(wh.conn, { ...HA_TAN, indicator });
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

describe("target vs actual, Hà Tân 2023 report (sample 001)", () => {
  it("e-health records: 96,8% on the appendix row against 'đạt 90%' → met, +6.8 points", async () => {
    const r = await one("xhs.ehealth_record");
    expect(r).toMatchObject({ status: "met", gap: 6.8, target_comparator: "eq", target_value: 90, actual_value: 96.8, target_line: 225, actual_line: 225, target_ref: "38" });
    expect(r.attainment).toBeCloseTo(96.8 / 90, 4);
    // The prose section says 89,9% (4371/4864): kept visible, not silently dropped.
    expect(r).toMatchObject({ n_actuals: 2, actuals_disagree: true });
    expect(r.note).toContain("89.9%");
  });

  it("bank accounts: 46% against 'trên 75%' → not met, gap −29 points", async () => {
    const r = await one("xhs.bank_account_15plus");
    expect(r).toMatchObject({ status: "not_met", gap: -29, target_comparator: "gt", target_value: 75, actual_value: 46, actual_line: 222 });
    expect(r.attainment).toBeCloseTo(46 / 75, 4);
  });

  it("digital signatures: result left as the form's placeholder → no result, and the note says so", async () => {
    const r = await one("xhs.adult_esignature");
    expect(r).toMatchObject({ status: "no_result", target_value: 30, target_comparator: "gt", target_line: 221, actual_value: null, gap: null, n_actuals: 0 });
    expect(r.note).toMatch(/placeholder/);
  });

  it("'trên 80%' is met by 81 (smartphone subscribers), 'tối thiểu 90%' by 98", async () => {
    expect(await one("hts.smartphone_subscriber_share")).toMatchObject({ status: "met", gap: 1, target_comparator: "gt" });
    expect(await one("cqs.satisfaction_tthc")).toMatchObject({ status: "met", gap: 8, target_comparator: "gte" });
  });

  it("status-only results: 'Đang thực hiện' → in progress, 'Đã ban hành' against a 100% task → met", async () => {
    expect(await one("attt.portal_trust_label")).toMatchObject({ status: "in_progress", actual_status: "in_progress", gap: null });
    expect(await one("tcs.de_ds_plan_issued")).toMatchObject({ status: "met", actual_status: "done" });
  });

  it("a result with no target in any document → no target", async () => {
    expect(await one("hts.public_wifi")).toMatchObject({ status: "no_target", actual_value: 100, target_value: null });
  });

  it("tallies every pairing of the report", async () => {
    const rows = await targetVsActual(wh.conn, HA_TAN);
    const by = (s: string) => rows.filter((r) => r.status === s).length;
    expect({ met: by("met"), not_met: by("not_met"), in_progress: by("in_progress"), no_result: by("no_result"), no_target: by("no_target") })
      .toEqual({ met: 15, not_met: 10, in_progress: 4, no_result: 8, no_target: 11 });
  });
});

describe("target vs actual elsewhere in the samples", () => {
  it("Yên Hùng 2025 plan: two bank-account targets (table 75, prose 85) → the table's is used, the disagreement flagged", async () => {
    const [r] = await targetVsActual(wh.conn, { unit: "Yên Hùng", year: 2025, indicator: "xhs.bank_account_15plus" });
    expect(r).toMatchObject({ status: "no_result", target_value: 75, n_targets: 2, targets_disagree: true });
    expect(r!.note).toContain("85");
  });

  it("Yên Hùng's 2024 results inside its 2025 plan have no 2024 target → no target", async () => {
    const rows = await targetVsActual(wh.conn, { unit: "Yên Hùng", year: 2024 });
    expect(rows.length).toBe(18);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["no_target"]));
  });
});

describe("unit identity across the 2025 reform", () => {
  it("Hà Tân is compared under Tống Sơn, Mỹ Hòa under Long Xuyên; TP Bắc Giang (split in 8) keeps its own key", async () => {
    const rows = await queryRows(wh.conn, "SELECT DISTINCT unit_name, unit_key, current_key, current_name, current_province_code, current_province, tier FROM submission_units ORDER BY unit_key");
    expect(rows).toEqual(expect.arrayContaining([
      { unit_name: "Hà Tân", unit_key: "before-2025-07:15322", current_key: "after-2025-07:15316", current_name: "Tống Sơn", current_province_code: "38", current_province: "Thanh Hoá", tier: "commune" },
      { unit_name: "Mỹ Hòa", unit_key: "before-2025-07:30307", current_key: "after-2025-07:30307", current_name: "Long Xuyên", current_province_code: "91", current_province: "An Giang", tier: "commune" },
      { unit_name: "Bắc Giang", unit_key: "before-2025-07:213", current_key: "before-2025-07:213", current_name: "Bắc Giang", current_province_code: "24", current_province: "Bắc Ninh", tier: "district" },
      { unit_name: "Minh Hưng", unit_key: "after-2025-07:25441", current_key: "after-2025-07:25441", current_name: "Minh Hưng", current_province_code: "75", current_province: "Đồng Nai", tier: "commune" },
    ]));
  });

  it("a unit can be named as filed, folded, with its level, by code, or by the unit it became", async () => {
    const keys = async (unit: string) => [...new Set((await targetVsActual(wh.conn, { unit })).map((r) => r.unit_key))];
    for (const name of ["Hà Tân", "ha tan", "xã Hà Tân", "15322", "Tống Sơn", "after-2025-07:15316"]) expect(await keys(name)).toEqual(["before-2025-07:15322"]);
  });
});

describe("completeness", () => {
  it("lists each unit's documents per year and how much of the catalog they cover", async () => {
    const rows = await completeness(wh.conn);
    const catalogSize = (await queryRows(wh.conn, "SELECT CAST(count(*) AS INTEGER) AS n FROM indicators WHERE scope_of IS NULL"))[0]!.n;
    // Tier-derived indicators ("… (cấp xã)") are concepts scoped, not more of the catalog.
    const cell = (unit: string, year: number) => rows.find((r) => r.unit_name === unit && r.year === year);
    expect(cell("Hà Tân", 2023)).toMatchObject({ plans: 0, reports: 1, indicators_with_target: 37, indicators_with_result: 40, indicators_reported: 48, catalog_size: catalogSize });
    // Yên Hùng filed no document about 2024, but its 2025 plan states 18 indicators' 2024 results.
    expect(cell("Yên Hùng", 2024)).toMatchObject({ plans: 0, reports: 0, indicators_with_result: 18 });
    expect(cell("Yên Hùng", 2025)).toMatchObject({ plans: 1, reports: 0, plan_files: ["data/samples/002_d48d77757f9ad9ed.txt"] });
    expect(rows.length).toBe(6);
  });
});

describe("every metric view matches its zod schema on the samples", () => {
  it.each(["target-vs-actual", "trend", "trend-points", "compare", "compare-missing", "completeness"] as const)("%s", async (name) => {
    const rows = await readMetric(wh.conn, name);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("with one year per unit in the samples, every trend says 'not enough data'", async () => {
    const rows = await readMetric(wh.conn, "trend");
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["not_enough_data"]));
  });
});

describe("pnpm query", () => {
  it("reads, with counts as numbers", async () => {
    const r = await runQuery(wh.conn, "SELECT status, count(*) AS n FROM target_vs_actual WHERE unit_name = 'Hà Tân' GROUP BY status ORDER BY n DESC, status");
    expect(r.columns.map((c) => c.name)).toEqual(["status", "n"]);
    expect(r.rows[0]).toEqual({ status: "met", n: 15 });
  });

  it("cannot write: the warehouse is opened read-only", async () => {
    await expect(runQuery(wh.conn, "DELETE FROM observation_facts")).rejects.toThrow(/read-only/i);
    expect((await runQuery(wh.conn, "SELECT count(*) AS n FROM observation_facts")).rows[0]).toEqual({ n: 231 });
  });
});

describe("the command line", () => {
  const tsx = repo("node_modules/.bin/tsx");
  const run = (script: string, args: string[]) =>
    execFileSync(tsx, [repo(`packages/metrics/src/cli/${script}.ts`), ...args, "--db", db], { encoding: "utf8", env: { ...process.env, INIT_CWD: repo("") } });

  it("pnpm metrics target-vs-actual prints a readable table", () => {
    const out = run("metrics", ["target-vs-actual", "--unit", "Hà Tân", "--indicator", "xhs.ehealth_record"]);
    expect(out).toMatch(/xã Hà Tân → Tống Sơn\s+xhs\.ehealth_record\s+2023\s+90%\s+96\.8%\s+met\s+6\.8/);
    expect(out).toContain("1 row: 1 met.");
  });

  it("--csv and --json carry every column", () => {
    const csv = run("metrics", ["target-vs-actual", "--unit", "Hà Tân", "--indicator", "xhs.bank_account_15plus", "--csv"]).trim().split("\n");
    expect(csv).toHaveLength(2);
    const header = csv[0]!.split(",");
    expect(header).toContain("gap");
    expect(csv[1]!.split(",")[header.indexOf("gap")]).toBe("-29");
    const json = JSON.parse(run("metrics", ["completeness", "--unit", "Hà Tân", "--json"]));
    expect(json).toMatchObject([{ unit_name: "Hà Tân", year: 2023, reports: 1 }]);
  });

  it("pnpm query prints JSON, and refuses to write with a clear message", () => {
    expect(JSON.parse(run("query", ["SELECT count(*) AS n FROM observations", "--json"]))).toEqual([{ n: 231 }]);
    let stderr = "";
    try { run("query", ["DROP TABLE observation_facts"]); } catch (err) { stderr = String((err as { stderr: string }).stderr); }
    expect(stderr).toMatch(/read-only/);
  });
});
