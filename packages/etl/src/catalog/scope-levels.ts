import type { Indicator, ScopeLevel, UnitLevel } from "@dx-atlas/schema";

const VI: Record<ScopeLevel, string> = { tinh: "tỉnh", huyen: "huyện", xa: "xã", thon: "thôn" };
const EN: Record<ScopeLevel, string> = { tinh: "province tier", huyen: "district tier", xa: "commune tier", thon: "village tier" };

/** The derived code of a concept said of one tier: "cqs.work_files_online" at "xa" → "cqs.work_files_online_cap_xa". */
export const scopedCode = (code: string, level: ScopeLevel) => `${code}_cap_${level}`;

/**
 * Adds, for every concept whose entry lists `levels`, one derived indicator per tier ("… (cấp xã)").
 * A district's plan writes "80% hồ sơ công việc cấp huyện và 60% hồ sơ công việc cấp xã": the second
 * figure is about the district's communes, a different denominator, so a different concept.
 */
export function expandLevels(catalog: Indicator[]): Indicator[] {
  const out: Indicator[] = [];
  for (const ind of catalog) {
    out.push(ind);
    for (const level of ind.levels) {
      out.push({
        ...ind, code: scopedCode(ind.code, level), name_vi: `${ind.name_vi} (cấp ${VI[level]})`, name_en: `${ind.name_en} (${EN[level]})`,
        national_target: undefined, levels: [], scope_of: { code: ind.code, level },
      });
    }
  }
  return out;
}

/** The tier a unit of this level is: a value "cấp huyện" in a district's own document is its own. */
export function tierOf(level: UnitLevel): ScopeLevel {
  if (level === "tỉnh" || level === "thành phố trực thuộc trung ương") return "tinh";
  if (level === "huyện" || level === "quận" || level === "thị xã" || level === "thành phố") return "huyen";
  return "xa";
}

const TIER = /(?<![\p{L}])cấp[ \t]+(tỉnh|huyện|xã|thôn)(?![\p{L}])/giu;
const TIER_OF: Record<string, ScopeLevel> = { "tỉnh": "tinh", "huyện": "huyen", "xã": "xa", "thôn": "thon" };

/**
 * The one tier a clause names ("… cấp xã", "đối với cấp huyện"), or, without one, the units its value
 * counts ("173/173 xã", "100% thôn, bản"); null when it names none or several.
 */
export function clauseTier(clause: string, valueRaw?: string): ScopeLevel | null {
  const tiers = new Set([...clause.matchAll(TIER)].map((m) => TIER_OF[m[1]!.toLowerCase()]!));
  if (tiers.size === 0 && valueRaw) {
    const at = clause.indexOf(valueRaw);
    const after = at < 0 ? null : /^\s+(?:các\s+)?(xã|thôn|huyện)(?![\p{L}])([^;.]*)/iu.exec(clause.slice(at + valueRaw.length));
    // "100% các xã, phường, thị trấn, tổ dân phố, thôn, xóm": several tiers at once.
    if (after && !(/thôn|xóm|ấp|bản|tổ dân phố/iu.test(after[2]!.slice(0, 40)) && after[1]!.toLowerCase() !== "thôn")) return TIER_OF[after[1]!.toLowerCase()]!;
    return null;
  }
  return tiers.size === 1 ? [...tiers][0]! : null;
}

/**
 * A clause that is only a value and a tier ("90% đối với cấp huyện", "cấp xã đạt 65,88%"): it
 * continues the indicator of the clause before it.
 */
export function isTierOnly(clause: string, valueRaw: string): boolean {
  if (clauseTier(clause) === null) return false;
  const rest = clause.replace(valueRaw, " ").replace(TIER, " ").replace(/[\d.,/%()]+/gu, " ")
    .replace(/(?<![\p{L}])(?:đối với|đối|với|ở|tại|và|còn|đạt|là|trong đó|riêng)(?![\p{L}])/giu, " ");
  return rest.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 1;
}
