import type { AdminUnit, Era } from "@dx-atlas/schema";
import { foldVietnamese, stripDiacritics } from "../normalise/fold.ts";

/** The administrative units known to a run, indexed for resolution. */
export interface Gazetteer {
  units: AdminUnit[];
  byKey: Map<string, AdminUnit>;
  byName: Map<string, AdminUnit[]>;
  /** Names without diacritics or spaces ("daklak", "lagi"): spelling variants ("Đăk"/"Đắk") and file names. */
  bySlug: Map<string, AdminUnit[]>;
}

/** A name as a slug: no diacritics, no spaces or punctuation ("R'Lấp" → "rlap"). */
export const nameSlug = (name: string) => stripDiacritics(name).replace(/[^a-z0-9]+/g, "");

export const unitKey = (code: string, era: Era) => `${era}:${code}`;

/** Indexes units by (era, code) and by folded name; later lists override earlier ones for the same key. */
export function buildGazetteer(...lists: AdminUnit[][]): Gazetteer {
  const byKey = new Map<string, AdminUnit>();
  for (const list of lists) for (const u of list) byKey.set(unitKey(u.code, u.era), u);
  const units = [...byKey.values()];
  const byName = new Map<string, AdminUnit[]>();
  const bySlug = new Map<string, AdminUnit[]>();
  const add = (map: Map<string, AdminUnit[]>, k: string, u: AdminUnit) => {
    const list = map.get(k);
    if (list) list.push(u); else map.set(k, [u]);
  };
  for (const u of units) {
    add(byName, foldVietnamese(u.name), u);
    add(bySlug, nameSlug(u.name), u);
  }
  return { units, byKey, byName, bySlug };
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
