import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGazetteer, resolveUnit } from "../packages/etl/src/gazetteer/index.ts";
import { readNationalLists } from "../packages/etl/src/load/import-units.ts";
import { repo } from "./helpers.ts";

// The national lists live beside the project (../shared/gazetteer) and are not committed.
const SHARED = repo("../shared/gazetteer");
const present = existsSync(`${SHARED}/before-2025-07/dvhcvn.json`);

describe.runIf(present)("national gazetteer import", () => {
  // Read in beforeAll: a skipped describe's body still runs while tests are collected.
  let units: ReturnType<typeof readNationalLists> = [];
  beforeAll(() => { units = readNationalLists(SHARED); });
  const count = (era: string, levels: string[]) => units.filter((u) => u.era === era && levels.includes(u.level)).length;

  it("reads 63 provinces, 696 districts and 10,047 communes before the reform; 34 and 3,321 after", () => {
    expect(count("before-2025-07", ["tỉnh", "thành phố trực thuộc trung ương"])).toBe(63);
    expect(count("before-2025-07", ["huyện", "quận", "thị xã", "thành phố"])).toBe(696);
    expect(count("before-2025-07", ["xã", "phường", "thị trấn"])).toBe(10047);
    expect(count("after-2025-07", ["tỉnh", "thành phố trực thuộc trung ương"])).toBe(34);
    expect(count("after-2025-07", ["xã", "phường", "thị trấn", "đặc khu"])).toBe(3321);
  });

  it("records what each sample commune became in the reform", () => {
    const succ = (code: string) => units.find((u) => u.era === "before-2025-07" && u.code === code)?.successor_codes;
    expect(succ("30307")).toEqual(["30307"]); // Mỹ Hòa → phường Long Xuyên
    expect(succ("15322")).toEqual(["15316"]); // Hà Tân → xã Tống Sơn
    expect(succ("25408")).toEqual(["25396"]); // xã Minh Hưng (Bù Đăng) → xã Bù Đăng
    expect(succ("70")).toEqual(["75"]); // Bình Phước → Đồng Nai
  });

  it("with the full list, same-named units are still told apart by their district", () => {
    const g = buildGazetteer(units);
    const minhHung = (district: string) => resolveUnit(g, [
      { level: "xã", words: ["Minh", "Hưng"], weight: 4, line: 1 },
      { level: "huyện", words: district.split(" "), weight: 2, line: 2 },
    ], 2024);
    const code = (r: ReturnType<typeof resolveUnit>) => (r && "unit" in r ? r.unit.code : null);
    expect(code(minhHung("Bù Đăng"))).toBe("25408");
    const ward = resolveUnit(g, [{ level: "phường", words: ["Minh", "Hưng"], weight: 4, line: 1 }, { level: "thị xã", words: ["Chơn", "Thành"], weight: 2, line: 2 }], 2024);
    expect(code(ward)).toBe("25441");
  });
});
