// Trends, progress statuses and comparisons on invented multi-year submissions (test/fixtures), loaded
// with the five samples through the real ETL. Expected values are worked out by hand in the comments.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare, compareMissing, openWarehouse, queryRows, targetVsActual, trendPoints, trends, type Warehouse } from "../packages/metrics/src/index.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { writeFixtureInbox } from "./fixtures/inbox.ts";
import { SAMPLES, tempDir } from "./helpers.ts";

let wh: Warehouse;

beforeAll(async () => {
  const dir = tempDir();
  const { inbox } = writeFixtureInbox(dir);
  const db = join(dir, "w.duckdb");
  const report = await runEtl({ inputs: [inbox], db, cwd: dir, keepResults: true });
  // Every invented document must load whole: a fixture the extractor misreads would test nothing.
  for (const f of report.results.filter((x) => !SAMPLES.some((s) => x.source_file.includes(s)))) {
    expect(f.rejects, f.source_file).toEqual([]);
    expect(f.submission?.unit_code, f.source_file).not.toBeNull();
  }
  wh = await openWarehouse(db, { readOnly: true });
});
afterAll(() => wh?.close());

const progress = async (indicator: string, unit = "Yên Trường") => {
  const rows = await trends(wh.conn, { unit, indicator });
  expect(rows, `${unit} ${indicator}`).toHaveLength(1);
  return rows[0]!;
};

describe("Open SDG progress status, Yên Trường 2021 → 2023 against its 2025 targets", () => {
  it("on track: 40 → 60 against 80 by 2025 — observed 22.5%/yr vs required 18.9%/yr, R = 1.19", async () => {
    const r = await progress("xhs.ehealth_record");
    expect(r).toMatchObject({ status: "on_track", n_points: 2, base_year: 2021, base_value: 40, last_year: 2023, last_value: 60, target_source: "unit", target_year: 2025, target_value: 80 });
    expect(r.cagr).toBeCloseTo(Math.sqrt(1.5) - 1, 5);
    expect(r.required_cagr).toBeCloseTo(2 ** 0.25 - 1, 5);
    expect(r.ratio).toBeCloseTo((Math.sqrt(1.5) - 1) / (2 ** 0.25 - 1), 3);
    expect(r.series).toEqual([{ year: 2021, value: 40 }, { year: 2023, value: 60 }]);
  });

  it("acceleration needed: 40 → 50, R = 0.62", async () => {
    const r = await progress("xhs.adult_smartphone");
    expect(r.status).toBe("acceleration_needed");
    expect(r.ratio).toBeCloseTo((Math.sqrt(1.25) - 1) / (2 ** 0.25 - 1), 3);
  });

  it("limited progress: 40 → 44, R = 0.26", async () => {
    const r = await progress("xhs.bank_account_15plus");
    expect(r).toMatchObject({ status: "limited_progress", target_comparator: "gte", target_value: 80 });
    expect(r.ratio).toBeCloseTo((Math.sqrt(1.1) - 1) / (2 ** 0.25 - 1), 3);
  });

  it("deterioration: 40 → 35, R < 0", async () => {
    const r = await progress("xhs.adult_esignature");
    expect(r.status).toBe("deterioration");
    expect(r.ratio!).toBeLessThan(0);
  });

  it("target already met overrides the growth test: 40 → 85 against 'trên 80%'", async () => {
    expect(await progress("hts.household_fiber_broadband")).toMatchObject({ status: "target_achieved", last_value: 85, target_comparator: "gt", target_value: 80 });
  });

  it("lower is better (catalog direction): overdue dossiers 10% → 6% against 'dưới 5%' is on track, not deterioration", async () => {
    const r = await progress("cqs.overdue_dossiers");
    expect(r).toMatchObject({ direction: "lower", status: "on_track", target_comparator: "lt", target_value: 5 });
    // d = −1: R = −(0.6^(1/2) − 1) / |0.5^(1/4) − 1| = 1.417
    expect(r.ratio).toBeCloseTo(-(Math.sqrt(0.6) - 1) / Math.abs(0.5 ** 0.25 - 1), 3);
  });

  it("no target anywhere (eID accounts have no national target in the catalog): fixed thresholds, 40 → 41 is +1.2%/yr → acceleration needed", async () => {
    const r = await progress("xhs.eid_account");
    expect(r).toMatchObject({ status: "acceleration_needed", target_source: null, target_value: null, ratio: null });
    expect(r.cagr).toBeCloseTo(Math.sqrt(41 / 40) - 1, 5);
  });

  it("one year of data is not enough, whatever the value", async () => {
    expect(await progress("kts.ecommerce_retail_share")).toMatchObject({ status: "not_enough_data", n_points: 1, cagr: null });
  });

  it("year-on-year points carry the change and the annualised growth since the previous point", async () => {
    const points = await trendPoints(wh.conn, { unit: "Yên Trường", indicator: "xhs.ehealth_record" });
    expect(points.map((p) => [p.year, p.value, p.prev_year, p.change])).toEqual([[2021, 40, null, null], [2023, 60, 2021, 20]]);
    expect(points[1]!.annual_growth).toBeCloseTo(Math.sqrt(1.5) - 1, 5);
  });
});

describe("target vs actual with invented rows", () => {
  it("lower is better: 6% against 'dưới 8%' → met, attainment target ÷ result", async () => {
    const [r] = await targetVsActual(wh.conn, { unit: "Yên Trường", year: 2023, indicator: "cqs.overdue_dossiers" });
    expect(r).toMatchObject({ status: "met", gap: -2, direction: "lower" });
    expect(r!.attainment).toBeCloseTo(8 / 6, 4);
  });

  it("'trên 45%' is missed by 44; 'đạt 50%' is met by 60", async () => {
    const rows = await targetVsActual(wh.conn, { unit: "Yên Trường", year: 2023 });
    expect(rows.find((r) => r.indicator_code === "xhs.bank_account_15plus")).toMatchObject({ status: "not_met", gap: -1 });
    expect(rows.find((r) => r.indicator_code === "xhs.ehealth_record")).toMatchObject({ status: "met", gap: 10 });
  });
});

describe("comparison of communes, e-health records 2023", () => {
  it("ranks the four communes that reported a number, with province and peer medians", async () => {
    const rows = await compare(wh.conn, { indicator: "xhs.ehealth_record", year: 2023 });
    expect(rows.map((r) => [r.rank, r.unit_name, r.value, r.percentile, r.current_province_code])).toEqual([
      [1, "Hà Tân", 96.8, 100, "38"], [2, "Yên Hùng", 75, 66.7, "38"], [3, "Yên Trường", 60, 33.3, "38"], [4, "Minh Hưng", 50, 0, "75"],
    ]);
    const haTan = rows[0]!;
    // Thanh Hóa: 60, 75, 96.8 → median 75, p25 67.5, p75 85.9. All four: median 67.5, p25 57.5, p75 80.45.
    expect(haTan).toMatchObject({ n_ranked: 4, province_n: 3, province_median: 75, province_p25: 67.5, peer_n: 4, peer_median: 67.5, peer_p25: 57.5 });
    expect(haTan.province_p75).toBeCloseTo(85.9, 6);
    expect(haTan.peer_p75).toBeCloseTo(80.45, 6);
    // National target: ≥ 90% by 2025.
    expect(haTan).toMatchObject({ national_target_value: 90, national_target_comparator: "gte", distance_to_national_target: 6.8, meets_national_target: true });
    expect(rows[3]).toMatchObject({ unit_name: "Minh Hưng", province_n: 1, province_median: 50, current_province: "Đồng Nai", distance_to_national_target: -40, meets_national_target: false });
  });

  it("names the communes with a 2023 document that gave no number for it, and why", async () => {
    const missing = await compareMissing(wh.conn, { indicator: "xhs.ehealth_record", year: 2023 });
    expect(missing.map((m) => [m.unit_name, m.reason])).toEqual([["Mỹ Hòa", "result_not_numeric"]]);
    const bank = await compareMissing(wh.conn, { indicator: "xhs.bank_account_15plus", year: 2023 });
    expect(bank.map((m) => [m.unit_name, m.reason]).sort()).toEqual([["Minh Hưng", "not_in_documents"], ["Mỹ Hòa", "not_in_documents"], ["Yên Hùng", "target_only"]]);
  });

  it("a merged commune is compared under its successor, and its history stays with it", async () => {
    const [haTan] = await compare(wh.conn, { indicator: "xhs.ehealth_record", year: 2023, unit: "Hà Tân" });
    expect(haTan).toMatchObject({ unit_key: "before-2025-07:15322", current_key: "after-2025-07:15316", current_name: "Tống Sơn" });
    // Asking for Tống Sơn finds its own 2026 result and Hà Tân's 2023 history.
    const history = await queryRows(wh.conn, "SELECT unit_name, unit_key, year, value FROM trend_points WHERE current_key = 'after-2025-07:15316' AND indicator_code = 'xhs.ehealth_record' ORDER BY year");
    expect(history).toEqual([
      { unit_name: "Hà Tân", unit_key: "before-2025-07:15322", year: 2023, value: 96.8 },
      { unit_name: "Tống Sơn", unit_key: "after-2025-07:15316", year: 2026, value: 92 },
    ]);
    const viaSuccessor = await trends(wh.conn, { unit: "Tống Sơn", indicator: "xhs.ehealth_record" });
    expect(viaSuccessor.map((r) => r.unit_name).sort()).toEqual(["Hà Tân", "Tống Sơn"]);
  });
});
