import type { AdminUnit, Era, UnitLevel } from "@dx-atlas/schema";
import { foldVietnamese } from "../normalise/fold.ts";
import { ancestors, nameSlug, type Gazetteer } from "./gazetteer.ts";

/**
 * A place named in a document: "xã Hà Tân" in the title weighs more than one in a list of recipients.
 * `bare`: a name without its level word ("Tiền Giang xếp hạng …"), which only a province may match.
 */
export interface UnitMention { level: UnitLevel | null; words: string[]; weight: number; line: number; bare?: boolean; hint?: boolean }

/** Units a document's text names as its issuer, or the candidates it could not tell apart. */
export type UnitResolution = ResolvedUnit | { ambiguous: AdminUnit[]; named: string } | null;

export interface ResolvedUnit {
  unit: AdminUnit;
  confidence: number;
  district: AdminUnit | null;
  province: AdminUnit | null;
  /** True when only the file's name named it (the text names no unit as its issuer). */
  fromFileName?: boolean;
  /** Other units of the same level and parent that the document also names (copy-paste from a neighbour?). */
  alsoNamed: { unit: AdminUnit; mentions: number; line: number }[];
}

const DEPTH: Record<UnitLevel, number> = {
  "tỉnh": 1, "thành phố trực thuộc trung ương": 1, "huyện": 2, "quận": 2, "thị xã": 2, "thành phố": 2,
  "xã": 3, "phường": 3, "thị trấn": 3, "đặc khu": 3,
};

export function levelFits(mention: UnitLevel | null, unit: UnitLevel): boolean {
  if (mention === null || mention === unit) return true;
  // Province-level: "tỉnh Đồng Nai" is still written after it became a centrally-run city.
  if (DEPTH[mention] === 1 && DEPTH[unit] === 1) return true;
  // "thành phố Đà Nẵng" names a centrally-run city as readily as a district-level one.
  return mention === "thành phố" && unit === "thành phố trực thuộc trung ương";
}

/** Units a mention could mean: the longest run of its words that is a known name, at a fitting level. */
export function candidatesFor(g: Gazetteer, m: UnitMention): AdminUnit[] {
  const fits = (u: AdminUnit) => (m.bare ? DEPTH[u.level] === 1 : levelFits(m.level, u.level));
  for (let n = m.words.length; n >= 1; n--) {
    const name = m.words.slice(0, n).join(" ");
    // A one-syllable name needs its level word: "Ea" or "Hà" alone is a word, not a place.
    if (m.bare && n < 2) break;
    const found = (g.byName.get(foldVietnamese(name)) ?? []).filter(fits);
    if (found.length > 0) return found;
    // Spelling and tone variants the lists and the documents disagree on ("Đăk"/"Đắk", "R'lấp"/"Rlấp").
    const variant = (g.bySlug.get(nameSlug(name)) ?? []).filter(fits);
    if (variant.length > 0 && nameSlug(name).length >= 5) return variant;
  }
  return [];
}

/**
 * Places a file's name and folder suggest ("la-gi-binhthuan.txt", "xa-thanh-huong/"): runs of its
 * words whose letters spell a unit's name. Weaker than anything the text says: they only weigh in
 * beside the text's own mentions, or decide between units of the same name.
 */
export function nameHints(g: Gazetteer, sourceFile: string): UnitMention[] {
  const words = sourceFile.replace(/\.[a-z0-9]+$/i, "").split(/[/\\]/).slice(-2).join(" ")
    .replace(/([a-zà-ỹđ])([A-ZÀ-ỸĐ])/gu, "$1 $2").split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => nameSlug(w)).filter(Boolean);
  const out: UnitMention[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const slug = words.slice(i, i + n).join("");
      if (i + n > words.length || slug.length < 4) continue;
      const units = g.bySlug.get(slug);
      if (units) { out.push({ level: null, words: units[0]!.name.split(" "), weight: 0.5, line: 0, hint: true }); i += n - 1; break; }
    }
  }
  return out;
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
 * Picks the unit that issued a document. Each candidate scores the weight of the mentions that name it,
 * the era the document's year belongs to, whether it is of the level the text speaks of itself at,
 * and a little for each ancestor the document also names; among units of one name, the ancestors the
 * text names decide (two "Minh Hưng" are told apart by "Chơn Thành" or "Bù Đăng"). A unit inside the
 * best one wins when the text names it about as much (a commune's plan names its district and
 * province in every "Căn cứ"; an article about a commune names its province once or twice). Units of
 * the same name that the text cannot tell apart are returned as `ambiguous`: never a guess.
 */
export function resolveUnit(g: Gazetteer, mentions: UnitMention[], docYear: number | null, selfLevel: UnitLevel | null = null): UnitResolution {
  const preferred = eraOfYear(docYear);
  const tally = new Map<AdminUnit, { weight: number; count: number; line: number; top: number }>();
  const hints: UnitMention[] = [];
  for (const m of mentions) {
    if (m.hint) { hints.push(m); continue; }
    for (const u of candidatesFor(g, m)) {
      const t = tally.get(u) ?? { weight: 0, count: 0, line: m.line, top: 0 };
      t.weight += m.weight; t.count++; t.top = Math.max(t.top, m.weight);
      tally.set(u, t);
    }
  }
  // A file name's places weigh in only beside the text's own mentions; alone, they count when the text
  // speaks of itself at their level ("toàn tỉnh"), or, when it does not say, when a name and its parent
  // are both in the file name ("la-gi-binhthuan").
  const hinted = new Set(hints.flatMap((m) => candidatesFor(g, m)));
  for (const u of hinted) {
    const t = tally.get(u);
    if (t) t.weight += 0.5;
  }
  if (tally.size === 0) {
    for (const u of hinted) {
      const fits = selfLevel === null
        ? ancestors(g, u).some((a) => hinted.has(a) && foldVietnamese(a.name) !== foldVietnamese(u.name))
        : levelFits(selfLevel, u.level);
      if (fits) tally.set(u, { weight: 1, count: 0, line: 0, top: 1 });
    }
  }
  if (tally.size === 0) return null;
  const named = new Set([...tally.keys(), ...hinted].map((u) => `${u.era}:${u.code}`));
  const all = [...tally.entries()].map(([unit, t]) => {
    const chain = ancestors(g, unit);
    const context = chain.filter((a) => named.has(`${a.era}:${a.code}`)).length;
    const eraBonus = preferred === null ? (unit.era === "before-2025-07" ? 0.5 : 0) : unit.era === preferred ? 3 : -3;
    const own = selfLevel !== null && levelFits(selfLevel, unit.level) ? 1 : 0;
    return { unit, t, chain, context, score: t.weight + eraBonus + own + 0.5 * context + 0.1 * DEPTH[unit.level] };
  });
  // Units of one name (one mention names them all) are told apart by the parents the text names and by
  // the era; those still level are twins.
  const byName = new Map<string, typeof all>();
  for (const s of all) {
    const k = `${s.unit.era}|${DEPTH[s.unit.level]}|${foldVietnamese(s.unit.name)}`;
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  const twinsOf = new Map<(typeof all)[number], AdminUnit[]>();
  const scored: typeof all = [];
  for (const group of byName.values()) {
    group.sort((a, b) => b.context - a.context || b.score - a.score);
    const top = group[0]!;
    scored.push(top);
    const tied = group.filter((s) => s !== top && s.context === top.context && s.score >= top.score - 0.01);
    if (tied.length > 0) twinsOf.set(top, [top.unit, ...tied.map((s) => s.unit)]);
  }
  scored.sort((a, b) => b.score - a.score || DEPTH[b.unit.level] - DEPTH[a.unit.level]);
  // Only mentions that can name an issuer count (a citation's or a caption's unit is context).
  let issuers = scored.filter((s) => s.t.top >= 1);
  // A text that names its unit only in passing ("… chuyển đổi số tỉnh Thanh Hóa đến năm 2025") but
  // speaks of itself at one level ("toàn tỉnh") is about the one unit of that level it names.
  if (issuers.length === 0 && selfLevel !== null) {
    const own = scored.filter((s) => levelFits(selfLevel, s.unit.level) && (preferred === null || s.unit.era === preferred || preferred === "before-2025-07"));
    const names = new Set(own.map((s) => foldVietnamese(s.unit.name)));
    if (names.size === 1) issuers = own.slice(0, 1);
  }
  if (issuers.length === 0) return null;
  let best = issuers[0]!;
  for (;;) {
    const deeper = issuers.find((s) => s.unit.era === best.unit.era && s.chain.includes(best.unit)
      && (selfLevel === null || levelFits(selfLevel, s.unit.level) || !levelFits(selfLevel, best.unit.level))
      && s.t.weight >= Math.max(2, 0.5 * best.t.weight) && (best.t.top < 4 || s.t.top >= 4));
    if (!deeper) break;
    best = deeper;
  }
  // A text that speaks of itself as a commune ("UBND xã", "trên địa bàn xã") but names only its
  // district or province is not theirs: the issuer's name is missing, so nothing is credited.
  if (selfLevel !== null && DEPTH[selfLevel] > DEPTH[best.unit.level]) return null;
  const twins = twinsOf.get(best);
  if (twins) return { ambiguous: twins, named: `${best.unit.level} ${best.unit.name}` };
  // Only units at least as deep as the best count; the province named in its own plan is context, not a rival.
  const rivals = scored.filter((s) => s !== best && DEPTH[s.unit.level] >= DEPTH[best.unit.level] && s.unit.era === best.unit.era);
  const closeRival = rivals.find((s) => s.score >= best.score - 1 && s.unit.name !== best.unit.name);
  const expectedContext = best.chain.length;
  let confidence = expectedContext === 0 ? 0.9 : 0.7 + (0.3 * best.context) / expectedContext;
  if (closeRival) confidence = Math.min(confidence, 0.5);
  const alsoNamed = rivals
    .filter((s) => s.unit.level === best.unit.level && s.unit.parent_code === best.unit.parent_code && s.unit.name !== best.unit.name && s.t.top >= 1)
    .map((s) => ({ unit: s.unit, mentions: s.t.count, line: s.t.line }));
  return { unit: best.unit, confidence: Math.round(confidence * 100) / 100, ...districtAndProvince(best.unit, best.chain), alsoNamed, fromFileName: best.t.count === 0 };
}
