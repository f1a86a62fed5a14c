import type { AdminUnit, Era, UnitLevel } from "@dx-atlas/schema";
import { foldVietnamese } from "../normalise/fold.ts";
import { ancestors, type Gazetteer } from "./gazetteer.ts";

/** A place named in a document: "xã Hà Tân" in the title weighs more than one in a list of recipients. */
export interface UnitMention { level: UnitLevel | null; words: string[]; weight: number; line: number }

export interface ResolvedUnit {
  unit: AdminUnit;
  confidence: number;
  district: AdminUnit | null;
  province: AdminUnit | null;
  /** Other units of the same level and parent that the document also names (copy-paste from a neighbour?). */
  alsoNamed: { unit: AdminUnit; mentions: number; line: number }[];
}

const DEPTH: Record<UnitLevel, number> = {
  "tỉnh": 1, "thành phố trực thuộc trung ương": 1, "huyện": 2, "quận": 2, "thị xã": 2, "thành phố": 2,
  "xã": 3, "phường": 3, "thị trấn": 3,
};

function levelFits(mention: UnitLevel | null, unit: UnitLevel): boolean {
  if (mention === null || mention === unit) return true;
  // Province-level: "tỉnh Đồng Nai" is still written after it became a centrally-run city.
  if (DEPTH[mention] === 1 && DEPTH[unit] === 1) return true;
  // "thành phố Đà Nẵng" names a centrally-run city as readily as a district-level one.
  return mention === "thành phố" && unit === "thành phố trực thuộc trung ương";
}

/** Units a mention could mean: the longest run of its words that is a known name, at a fitting level. */
export function candidatesFor(g: Gazetteer, m: UnitMention): AdminUnit[] {
  for (let n = m.words.length; n >= 1; n--) {
    const found = (g.byName.get(foldVietnamese(m.words.slice(0, n).join(" "))) ?? []).filter((u) => levelFits(m.level, u.level));
    if (found.length > 0) return found;
  }
  return [];
}

/** The era a document's year belongs to: null for 2025, the year of the reform (either can have filed it). */
export const eraOfYear = (docYear: number | null): Era | null =>
  docYear === null ? null : docYear >= 2026 ? "after-2025-07" : docYear <= 2024 ? "before-2025-07" : null;

/** The district and province a unit belongs to (itself when it is one), from its ancestors. */
export function districtAndProvince(unit: AdminUnit, chain: AdminUnit[]): { district: AdminUnit | null; province: AdminUnit | null } {
  return {
    district: DEPTH[unit.level] === 3 ? chain.find((a) => DEPTH[a.level] === 2) ?? null : DEPTH[unit.level] === 2 ? unit : null,
    province: DEPTH[unit.level] === 1 ? unit : chain.find((a) => DEPTH[a.level] === 1) ?? null,
  };
}

/**
 * Picks the unit a document is about. Each candidate scores the weight of the mentions that name it,
 * plus a bonus for every ancestor the document also names (two "Minh Hưng" are told apart by
 * "Chơn Thành" or "Bù Đăng"), plus a bonus for the era the document's year belongs to; the deepest
 * unit wins ties, since a commune's plan also names its district and province.
 */
export function resolveUnit(g: Gazetteer, mentions: UnitMention[], docYear: number | null): ResolvedUnit | null {
  const preferred = eraOfYear(docYear);
  const tally = new Map<AdminUnit, { weight: number; count: number; line: number; top: number }>();
  for (const m of mentions) {
    for (const u of candidatesFor(g, m)) {
      const t = tally.get(u) ?? { weight: 0, count: 0, line: m.line, top: 0 };
      t.weight += m.weight; t.count++; t.top = Math.max(t.top, m.weight);
      tally.set(u, t);
    }
  }
  if (tally.size === 0) return null;
  const named = new Set([...tally.keys()].map((u) => `${u.era}:${u.code}`));
  const scored = [...tally.entries()].map(([unit, t]) => {
    const chain = ancestors(g, unit);
    const context = chain.filter((a) => named.has(`${a.era}:${a.code}`)).length;
    const eraBonus = preferred === null ? (unit.era === "before-2025-07" ? 0.5 : 0) : unit.era === preferred ? 3 : -3;
    return { unit, t, chain, context, score: t.weight + 4 * context + eraBonus + DEPTH[unit.level] * 0.5 };
  }).sort((a, b) => b.score - a.score || DEPTH[b.unit.level] - DEPTH[a.unit.level]);
  // A commune's plan names its district and province often (in every "Căn cứ"); the document is about
  // the deepest unit it names at least as prominently as the one that scored best.
  let best = scored[0]!;
  for (;;) {
    const deeper = scored.find((s) => s.unit.era === best.unit.era && s.chain.includes(best.unit) && s.t.top >= 2 && (best.t.top < 4 || s.t.top >= 4));
    if (!deeper) break;
    best = deeper;
  }
  // Only units at least as deep as the best count; the province named in its own plan is context, not a rival.
  const rivals = scored.filter((s) => s !== best && DEPTH[s.unit.level] >= DEPTH[best.unit.level] && s.unit.era === best.unit.era);
  const closeRival = rivals.find((s) => s.score >= best.score - 1 && s.unit.name !== best.unit.name);
  const expectedContext = best.chain.length;
  let confidence = expectedContext === 0 ? 0.9 : 0.7 + (0.3 * best.context) / expectedContext;
  if (closeRival) confidence = Math.min(confidence, 0.5);
  const alsoNamed = rivals
    .filter((s) => s.unit.level === best.unit.level && s.unit.parent_code === best.unit.parent_code && s.unit.name !== best.unit.name)
    .map((s) => ({ unit: s.unit, mentions: s.t.count, line: s.t.line }));
  return { unit: best.unit, confidence: Math.round(confidence * 100) / 100, ...districtAndProvince(best.unit, best.chain), alsoNamed };
}
