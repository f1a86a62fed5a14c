// The comparator rules of target vs actual, on a real in-memory DuckDB warehouse holding hand-written
// observation rows (one invented commune, one row per case), so every branch is exercised.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWarehouse, queryRows, refreshMetrics, targetVsActual, type Warehouse } from "../packages/metrics/src/index.ts";
import { WAREHOUSE_DDL } from "../packages/etl/src/load/schema-sql.ts";

let wh: Warehouse;

type Value = { comparator?: string | null; value?: number | null; value_max?: number | null; unit?: string; status?: string | null };
const CASES: { code: string; direction?: "higher" | "lower"; target?: Value; actual?: Value }[] = [
  { code: "t.range_inside", target: { comparator: "range", value: 7, value_max: 8 }, actual: { value: 7.5 } },
  { code: "t.range_below", target: { comparator: "range", value: 7, value_max: 8 }, actual: { value: 6.9 } },
  { code: "t.range_above", target: { comparator: "range", value: 7, value_max: 8 }, actual: { value: 9 } },
  { code: "t.range_lower_above", direction: "lower", target: { comparator: "range", value: 7, value_max: 8 }, actual: { value: 8.5 } },
  { code: "t.eq_lower", direction: "lower", target: { comparator: "eq", value: 5 }, actual: { value: 5 } },
  { code: "t.lte", target: { comparator: "lte", value: 5 }, actual: { value: 5.1 } },
  { code: "t.increase_met", target: { comparator: "increase", value: 6 }, actual: { comparator: "increase", value: 7 } },
  { code: "t.increase_vs_level", target: { comparator: "increase", value: 6 }, actual: { value: 85 } },
  { code: "t.units_differ", target: { value: 80 }, actual: { value: 120, unit: "count" } },
  { code: "t.qualitative_done", target: { value: 1, unit: "bool" }, actual: { value: null, unit: "status", status: "done" } },
  { code: "t.qualitative_not_started", target: { value: 1, unit: "bool" }, actual: { value: null, unit: "status", status: "not_started" } },
  { code: "t.done_vs_number", target: { value: 60 }, actual: { value: null, unit: "status", status: "done" } },
  { code: "t.count", target: { comparator: "gte", value: 4, unit: "count" }, actual: { value: 4, unit: "count" } },
];

beforeAll(async () => {
  wh = await openWarehouse(":memory:");
  await wh.conn.run(WAREHOUSE_DDL);
  await wh.conn.run(`INSERT INTO submissions (submission_id, source_file, content_hash, doc_kind, doc_year, period_years, unit_name, unit_level, province)
                     VALUES ('s1', 'report.txt', 'h', 'report', 2024, [2024], 'Thử Nghiệm', 'xã', 'Thanh Hóa')`);
  let line = 1;
  for (const c of CASES) {
    await wh.conn.run(`INSERT INTO indicators (code, name_vi, name_en, pillar, unit, direction) VALUES ($1, $1, $1, 'xa_hoi_so', 'percent', $2)`, [c.code, c.direction ?? "higher"]);
    for (const [measure, v] of [["target", c.target], ["actual", c.actual]] as const) {
      if (!v) continue;
      await wh.conn.run(`INSERT INTO observation_facts (submission_id, period_year, measure, indicator_code, comparator, value, value_max, unit, status, raw_value, source_line, extractor)
                         VALUES ('s1', 2024, $1, $2, $3, $4, $5, $6, $7, 'x', $8, 'table')`,
        [measure, c.code, v.comparator === undefined ? (v.value === null ? null : "eq") : v.comparator, v.value ?? null, v.value_max ?? null, v.unit ?? "percent", v.status ?? null, line]);
    }
    line++;
  }
  await refreshMetrics(wh.conn, { force: true });
});
afterAll(() => wh?.close());

describe("dx_meets: 'trên' is strict, '≥' is not, direction decides 'đạt'", () => {
  it.each([
    ["gt", 80, 81, "higher", true], ["gt", 80, 80, "higher", false], ["gte", 95, 95, "higher", true], ["gte", 95, 94.9, "higher", false],
    ["eq", 90, 90, "higher", true], ["eq", 90, 89.9, "higher", false], ["eq", 5, 4, "lower", true], ["eq", 5, 6, "lower", false],
    ["lt", 5, 5, "lower", false], ["lt", 5, 4.9, "lower", true], ["lte", 5, 5, "lower", true],
  ] as const)("%s %d with result %d (%s is better) → %s", async (c, t, a, d, expected) => {
    const [r] = await queryRows(wh.conn, "SELECT dx_meets($1, $2, NULL, $3, $4) AS met", [c, t, a, d]);
    expect(r!.met).toBe(expected);
  });
});

describe("target vs actual status for each kind of pairing", () => {
  const status = async () => new Map((await targetVsActual(wh.conn)).map((r) => [r.indicator_code, r]));

  it("a range is met inside it and beyond it on the better side, missed short of it", async () => {
    const s = await status();
    expect(s.get("t.range_inside")).toMatchObject({ status: "met", gap: 0.5, note: null });
    expect(s.get("t.range_below")).toMatchObject({ status: "not_met", gap: -0.1 });
    expect(s.get("t.range_above")).toMatchObject({ status: "met", gap: 2, note: "beyond the target range" });
    expect(s.get("t.range_lower_above")).toMatchObject({ status: "not_met", gap: 0.5 });
  });

  it("lower-is-better 'đạt 5%' is met at 5; '≤ 5' is missed at 5.1", async () => {
    const s = await status();
    expect(s.get("t.eq_lower")).toMatchObject({ status: "met", gap: 0, attainment: 1 });
    expect(s.get("t.lte")).toMatchObject({ status: "not_met" });
  });

  it("a change is compared with a change, never with a level", async () => {
    const s = await status();
    expect(s.get("t.increase_met")).toMatchObject({ status: "met", gap: 1 });
    expect(s.get("t.increase_vs_level")).toMatchObject({ status: "not_comparable", gap: null, note: "the target is a change, the result a level" });
  });

  it("values in different units are not compared", async () => {
    expect((await status()).get("t.units_differ")).toMatchObject({ status: "not_comparable", note: "the target is in percent, the result in count" });
  });

  it("qualitative targets take status results; a 'done' does not prove a number", async () => {
    const s = await status();
    expect(s.get("t.qualitative_done")).toMatchObject({ status: "met" });
    expect(s.get("t.qualitative_not_started")).toMatchObject({ status: "not_met" });
    expect(s.get("t.done_vs_number")).toMatchObject({ status: "not_comparable", note: "the result is a status, the target a number" });
  });

  it("counts compare like any level: 'ít nhất 04' is met by 4", async () => {
    expect((await status()).get("t.count")).toMatchObject({ status: "met", gap: 0 });
  });

  it("an unresolved unit still gets a key of its own", async () => {
    const rows = await targetVsActual(wh.conn);
    expect(new Set(rows.map((r) => r.unit_key))).toEqual(new Set(["unresolved:Thử Nghiệm|Thanh Hóa"]));
    expect(rows.length).toBe(CASES.length);
  });
});
