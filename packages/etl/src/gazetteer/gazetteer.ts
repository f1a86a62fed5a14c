import type { AdminUnit, Era } from "@dx-atlas/schema";
import { foldVietnamese } from "../normalise/fold.ts";

/** The administrative units known to a run, indexed for resolution. */
export interface Gazetteer {
  units: AdminUnit[];
  byKey: Map<string, AdminUnit>;
  byName: Map<string, AdminUnit[]>;
}

export const unitKey = (code: string, era: Era) => `${era}:${code}`;

/** Indexes units by (era, code) and by folded name; later lists override earlier ones for the same key. */
export function buildGazetteer(...lists: AdminUnit[][]): Gazetteer {
  const byKey = new Map<string, AdminUnit>();
  for (const list of lists) for (const u of list) byKey.set(unitKey(u.code, u.era), u);
  const units = [...byKey.values()];
  const byName = new Map<string, AdminUnit[]>();
  for (const u of units) {
    const k = foldVietnamese(u.name);
    byName.set(k, [...(byName.get(k) ?? []), u]);
  }
  return { units, byKey, byName };
}

/** The unit's parent chain, nearest first. */
export function ancestors(g: Gazetteer, unit: AdminUnit): AdminUnit[] {
  const out: AdminUnit[] = [];
  let cur: AdminUnit | undefined = unit;
  while (cur?.parent_code) {
    cur = g.byKey.get(unitKey(cur.parent_code, cur.era));
    if (!cur) break;
    out.push(cur);
  }
  return out;
}
