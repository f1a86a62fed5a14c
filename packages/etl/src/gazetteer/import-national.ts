import type { AdminUnit } from "@dx-atlas/schema";
import { splitUnitName } from "./unit-names.ts";

// Shapes of the public lists (see the gazetteer README): dvhcvn three-level list before the reform,
// the reform's old → new split table, and the two-level list after the reform.
interface Dvhcvn { data: { level1_id: string; name: string; type: string; level2s: { level2_id: string; name: string; type: string; level3s: { level3_id: string; name: string; type: string }[] }[] }[] }
interface Splits { data: { level1_id: string; splits: { new_id: string }[]; level3s: { level3_id: string; splits: { new_id: string }[] }[] }[] }
type AfterList = { Code: string; FullName: string; Wards: { Code: string; FullName: string; ProvinceCode: string }[] }[];

/** Units before 1 July 2025 (63 provinces, 696 districts, 10,047 communes) with their successors. */
export function unitsBeforeReform(list: Dvhcvn, splits: Splits | null, source = "import:dvhcvn"): AdminUnit[] {
  const provinceSucc = new Map<string, string[]>();
  const communeSucc = new Map<string, string[]>();
  for (const p of splits?.data ?? []) {
    provinceSucc.set(p.level1_id, p.splits.map((s) => s.new_id));
    for (const c of p.level3s) communeSucc.set(c.level3_id, c.splits.map((s) => s.new_id));
  }
  const out: AdminUnit[] = [];
  for (const p of list.data) {
    const pn = splitUnitName(p.name, p.type);
    out.push({ code: p.level1_id, name: pn.name, level: pn.level ?? "tỉnh", parent_code: null, era: "before-2025-07", successor_codes: provinceSucc.get(p.level1_id) ?? [], source });
    for (const d of p.level2s) {
      const dn = splitUnitName(d.name, d.type);
      // Districts were abolished; a district's successors are the new units its communes went to.
      const dSucc = [...new Set(d.level3s.flatMap((c) => communeSucc.get(c.level3_id) ?? []))].sort();
      out.push({ code: d.level2_id, name: dn.name, level: dn.level ?? "huyện", parent_code: p.level1_id, era: "before-2025-07", successor_codes: dSucc, source });
      for (const c of d.level3s) {
        const cn = splitUnitName(c.name, c.type);
        out.push({ code: c.level3_id, name: cn.name, level: cn.level ?? "xã", parent_code: d.level2_id, era: "before-2025-07", successor_codes: communeSucc.get(c.level3_id) ?? [], source });
      }
    }
  }
  return out;
}

/** Units from 1 July 2025 (34 provinces, 3,321 communes and wards; no districts). */
export function unitsAfterReform(list: AfterList, source = "import:after-2025-07"): AdminUnit[] {
  const out: AdminUnit[] = [];
  for (const p of list) {
    const pn = splitUnitName(p.FullName);
    out.push({ code: p.Code, name: pn.name, level: pn.level === "thành phố" ? "thành phố trực thuộc trung ương" : pn.level ?? "tỉnh", parent_code: null, era: "after-2025-07", successor_codes: [], source });
    for (const w of p.Wards) {
      const wn = splitUnitName(w.FullName);
      out.push({ code: w.Code, name: wn.name, level: wn.level ?? "xã", parent_code: w.ProvinceCode, era: "after-2025-07", successor_codes: [], source });
    }
  }
  return out;
}
