import { readFileSync } from "node:fs";
import type { AdminUnit } from "../packages/schema/src/index.ts";
import { describe, expect, it } from "vitest";
import { ancestors, buildGazetteer } from "../packages/etl/src/gazetteer/index.ts";
import { nationalUnits } from "../packages/etl/src/gazetteer/national-lists.ts";
import { processDocument } from "../packages/etl/src/process-document.ts";
import { catalogIndex, repo } from "./helpers.ts";

// The samples moved to real communes of both eras (commune, district and province replaced together,
// numbered wards and names shared by many communes among them, names broken across lines): every file
// is credited to the commune it names or rejected with a reason; none to another unit.
const units = nationalUnits();
const g = buildGazetteer(units);
const sample = (n: string) => readFileSync(repo(`data/samples/${n}.txt`), "utf8");

/** A seeded pick of n units, the same on every run. */
function pick(list: AdminUnit[], n: number, seed: number): AdminUnit[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out = new Set<AdminUnit>();
  while (out.size < Math.min(n, list.length)) out.add(list[Math.floor(next() * list.length)]!);
  return [...out];
}

const replaceAll = (text: string, pairs: [string, string][]) => pairs.reduce((t, [a, b]) => t.split(a).join(b), text);

async function credit(name: string, text: string) {
  const r = await processDocument(name, new TextEncoder().encode(text), { catalog: catalogIndex, gazetteer: g });
  return { code: r.submission?.unit_code ?? null, era: r.submission?.unit_era ?? null, reason: r.rejects.find((x) => x.scope === "file")?.reason_code ?? null };
}

describe("issuer attribution on the national lists", () => {
  it("ships both eras: 63 provinces and ~10,000 communes before the reform, 34 and 3,321 after", () => {
    const n = (era: string, depth: "p" | "c") => units.filter((u) => u.era === era && (depth === "p" ? u.parent_code === null : ["xã", "phường", "thị trấn", "đặc khu"].includes(u.level))).length;
    expect(n("before-2025-07", "p")).toBe(63);
    expect(n("after-2025-07", "p")).toBe(34);
    expect(n("after-2025-07", "c")).toBe(3321);
    expect(n("before-2025-07", "c")).toBeGreaterThan(10000);
    // The reform's crosswalk: Hà Tân became xã Tống Sơn; a split commune has several successors.
    expect(units.find((u) => u.era === "before-2025-07" && u.code === "15322")?.successor_codes).toEqual(["15316"]);
    expect(units.some((u) => u.era === "before-2025-07" && u.successor_codes.length > 1)).toBe(true);
  });

  it("sample 001 moved to 100 communes before the reform (district and province replaced): none credited to another unit", async () => {
    const communes = units.filter((u) => u.era === "before-2025-07" && u.level === "xã" && !/\d/.test(u.name));
    const text = sample("001_e735b5701492984f");
    let right = 0, rejected = 0;
    const wrong: string[] = [];
    for (const [i, c] of pick(communes, 100, 7).entries()) {
      const [district, province] = ancestors(g, c);
      if (!district || !province) continue;
      // Break the title's name across lines on every third file, as PDF text does.
      const titled = i % 3 === 0 && c.name.includes(" ") ? text.replace("trên địa bàn xã Hà Tân", `trên địa bàn xã ${c.name.replace(" ", " \n\n")}`) : text;
      const moved = replaceAll(titled, [["huyện Hà Trung", `${district.level} ${district.name}`], ["Hà Trung", district.name], ["Hà Tân", c.name], ["Thanh Hóa", province.name]]);
      const got = await credit(`inbox/${i}.txt`, moved);
      if (got.code === c.code && got.era === c.era) right++;
      else if (got.code === null) rejected++;
      else wrong.push(`${c.name} (${district.name}, ${province.name}) → ${got.code}`);
    }
    expect(wrong).toEqual([]);
    expect(right).toBeGreaterThanOrEqual(90);
  });

  it("numbered wards and wards of quận/thành phố before the reform (sample 000 moved): none credited to the district", async () => {
    const wards = units.filter((u) => u.era === "before-2025-07" && u.level === "phường");
    const numbered = wards.filter((u) => /\d/.test(u.name));
    const text = sample("000_ba22a904d416ce71");
    const wrong: string[] = [];
    let right = 0;
    for (const [i, w] of [...pick(numbered, 30, 3), ...pick(wards, 30, 5)].entries()) {
      const [district, province] = ancestors(g, w);
      if (!district || !province) continue;
      const moved = replaceAll(text, [["thành phố Long Xuyên", `${district.level} ${district.name}`], ["Long Xuyên", district.name], ["Mỹ Hòa", w.name], ["An Giang", province.name]]);
      const got = await credit(`inbox/w${i}.txt`, moved);
      if (got.code === w.code) right++;
      else if (got.code !== null) wrong.push(`phường ${w.name} (${district.name}) → ${got.code}`);
    }
    expect(wrong).toEqual([]);
    expect(right).toBeGreaterThanOrEqual(50);
  });

  it("communes after the reform (sample 003 moved, no district): credited to the new commune", async () => {
    const wards = units.filter((u) => u.era === "after-2025-07" && u.level === "phường");
    const text = sample("003_9b08d0edd2879f30");
    const wrong: string[] = [];
    let right = 0;
    for (const [i, w] of pick(wards, 60, 11).entries()) {
      const province = g.byKey.get(`after-2025-07:${w.parent_code}`)!;
      const moved = replaceAll(text, [["Minh Hưng", w.name], ["Đồng Nai", province.name]]);
      const got = await credit(`inbox/n${i}.txt`, moved);
      if (got.code === w.code && got.era === "after-2025-07") right++;
      else if (got.code !== null) wrong.push(`phường ${w.name} (${province.name}) → ${got.era}:${got.code}`);
    }
    expect(wrong).toEqual([]);
    expect(right).toBeGreaterThanOrEqual(55);
  });

  it("a name shared by many communes, with no district or province to tell them apart, is ambiguous_unit; a file naming only its district and province is credited to neither", async () => {
    const shared = replaceAll(sample("001_e735b5701492984f"), [["huyện Hà Trung", "huyện"], ["Hà Trung", ""], ["Hà Tân", "Đồng Tâm"], ["tỉnh Thanh Hóa", "tỉnh"], ["Thanh Hóa", ""]]);
    expect((await credit("inbox/dong-tam.txt", shared)).reason).toBe("ambiguous_unit");
    const nameless = sample("001_e735b5701492984f").split("xã Hà Tân").join("xã").split("Hà Tân").join("");
    const got = await credit("inbox/nameless.txt", nameless);
    expect(got.code).toBeNull();
    expect(got.reason).toMatch(/unknown_unit|ambiguous_unit/);
  });
});

describe("a unit the reform replaced, named in a later document", () => {
  it("is loaded as named, with a warning that names its successor", async () => {
    const text = sample("001_e735b5701492984f").split("2023").join("2026");
    const r = await processDocument("inbox/ha-tan-2026.txt", new TextEncoder().encode(text), { catalog: catalogIndex, gazetteer: g });
    expect(r.submission).toMatchObject({ unit_name: "Hà Tân", unit_era: "before-2025-07", doc_year: 2026 });
    expect(r.warnings.find((w) => w.code === "unit_superseded")?.message).toMatch(/replaced in the 1 July 2025 reform by xã Tống Sơn/);
  });
});
