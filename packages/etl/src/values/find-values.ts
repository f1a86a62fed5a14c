import type { Comparator } from "@dx-atlas/schema";
import { NUMBER, parseVietnameseNumber } from "./number.ts";
import { COMPARATOR_WORDS, DECREASE_WORDS, INCREASE_WORDS, NEUTRAL_LEAD_WORDS } from "./vocabulary.ts";
import type { NumericValue, ValueMatch } from "./value-types.ts";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(esc).join("|");

const CMP_WORDS = COMPARATOR_WORDS.filter(([w]) => w !== "trở lên");
const LEAD = `(?:(?:${alt(NEUTRAL_LEAD_WORDS)})\\s+){0,3}`;
const CMP = `(?:(${alt(CMP_WORDS.map(([w]) => w))})\\s*)?`;
const CHANGE = `(?:(${alt([...INCREASE_WORDS, ...DECREASE_WORDS])})\\s+)?`;
const PCT = `\\s*(%|phần\\s+trăm)?`;
// Numbers written with a scale word: "2,2 triệu", "538 nghìn", "30 ngàn".
const SCALE = `(?:\\s*(triệu|nghìn|ngàn))?`;
const SCALES: Record<string, number> = { "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3 };
const RANGE_SEP = `\\s*(?:-|–|—|đến|tới)\\s*`;
// One value expression: [lead words] [tăng|giảm] [comparator] [từ] N [%] [- M [%]] [trở lên|trở xuống] [/năm]
const EXPRESSION = new RegExp(
  `(?<![\\p{L}\\d.,/])${LEAD}${CHANGE}${CMP}(?:(từ)\\s+)?(${NUMBER})${SCALE}${PCT}` +
    `(?:${RANGE_SEP}(${NUMBER})${SCALE}${PCT})?(?:\\s*(trở\\s+lên|trở\\s+xuống))?(\\s*/\\s*năm)?(?![\\p{L}\\d])`,
  "giu",
);
const FRACTION = /(?<![\p{L}\d/.,])(\d{1,7}(?:\.\d{3})*)\s*\/\s*(\d{1,7}(?:\.\d{3})*)(?![\d/])/gu;
// A count target needs an explicit "at least" and a noun after it ("ít nhất 04 doanh nghiệp").
// "4 cấp" (tiers), "3 bước", "2 lớp": not things counted.
const COUNT_NOUN_STOP = /^\s*(tuổi|năm|tháng|ngày|giờ|lần|%|g\b|gbps|mbps|cấp(?![\p{L}])|bước|mức độ)/iu;

const cmpOf = (word: string | undefined): Comparator | null => {
  if (!word) return null;
  const w = word.toLowerCase().replace(/\s+/g, " ");
  return COMPARATOR_WORDS.find(([k]) => k === w)?.[1] ?? null;
};

interface RawExpression { match: RegExpExecArray; value: NumericValue }

function readExpression(m: RegExpExecArray): NumericValue | null {
  const [, change, cmpWord, from, n1, scale1, pct1, n2, scale2, pct2, tail, perYear] = m;
  const read = (n: string | undefined, scale: string | undefined) => {
    const v = parseVietnameseNumber(n ?? "");
    return v === null ? null : scale ? Math.round(v * SCALES[scale.toLowerCase()]!) : v;
  };
  const value = read(n1, scale1);
  if (value === null) return null;
  const max = n2 ? read(n2, scale2 ?? scale1) : null;
  const isPercent = Boolean(pct1 || pct2);
  if (isPercent && (scale1 || scale2)) return null;
  let comparator: Comparator = cmpOf(cmpWord) ?? "eq";
  if (tail) comparator = /lên/u.test(tail) ? "gte" : "lte";
  if (max !== null) {
    if (max < value) return null; // "2022 - 2025" style spans or a dash that is not a range
    comparator = "range";
  } else if (from && !tail && comparator === "eq") comparator = "gte";
  if (change) comparator = INCREASE_WORDS.includes(change.toLowerCase()) ? "increase" : "decrease";
  return {
    kind: "number", comparator, value, value_max: max, unit: isPercent ? "percent" : scale1 ? "count" : null,
    numerator: null, denominator: null, per_year: Boolean(perYear), raw: m[0].trim(),
  };
}

/**
 * Counts written in a sentence: a number (or "2,2 triệu", "538 nghìn") with the noun it counts after it
 * ("32 Tổ công nghệ số cộng đồng", "211 trạm", "556 thuê bao"), with its comparator ("hơn 2.500 trạm").
 * Not years, dates, ages, durations, fractions or technology names ("4G"). Used only where the clause's
 * indicator counts things (rows-to-observations.ts): a bare number is too common to be a value alone.
 */
export function findCountsInText(text: string): ValueMatch[] {
  const out: ValueMatch[] = [];
  for (const { match, value } of findExpressions(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (value.unit === "percent" || value.value_max !== null || value.comparator === "increase" || value.comparator === "decrease") continue;
    const after = text.slice(end, end + 40);
    // "05 chỉ tiêu", "16 tiêu chí", "22 mục tiêu": counts of a plan's own targets, never an indicator's value.
    if (/^\s*(?:chỉ tiêu|tiêu chí|mục tiêu|nhiệm vụ|nội dung|giải pháp)/iu.test(after)) continue;
    if (!/^\s+\p{L}/u.test(after) || COUNT_NOUN_STOP.test(after) || /^\s*(?:km|m2|ha|mbps|gbps|kbps|mb\/s|triệu đồng|tỷ đồng|đồng|bậc|hạng|điểm)/iu.test(after)) continue;
    if (/[/\-]\s*$/u.test(text.slice(Math.max(0, start - 2), start)) || /^\s*[/\-]/u.test(after)) continue;
    if (value.unit !== "count" && value.value >= 1990 && value.value <= 2100 && Number.isInteger(value.value)) continue;
    // "mức độ 4", "cấp độ 3", "cấp 2": a level, not a count.
    if (/(?:năm|tháng|ngày|lớp|thứ|top|nhóm|giai đoạn|khóa|khoá|(?<![\p{L}])(?<!cung\s)(?:mức độ|mức|cấp độ|cấp))\s*$/iu.test(text.slice(Math.max(0, start - 12), start))) continue;
    out.push({ value: { ...value, unit: "count" }, start, end });
  }
  return out;
}

// Places in rankings, index scores and speeds: each has words of its own, so it is read wherever it stands.
const RANK = /(?:(?<![\p{L}])(?:xếp|đứng)[ \t]+(?:hạng[ \t]+)?(?:thứ[ \t]+)?|(?:^|[,;][ \t]*|[ \t]và[ \t]+)thứ[ \t]+)(\d{1,3})(?:[ \t]*\/[ \t]*(\d{2,3}))?(?![\d\p{L}%])/giu;
const TOP = /(?<![\p{L}])(?:top|nhóm(?:[ \t]+top)?)[ \t]+(\d{1,2})(?![\d%])/giu;
const PLACES = /(?<![\p{L}])(tăng|giảm)[ \t]+(\d{1,3})[ \t]+(?:bậc|hạng)(?![\p{L}])/giu;
const SCORE = /(?<![\p{L}\d.,])(?:(tăng|giảm)[ \t]+)?(\d,\d{2,4}|0[.,]\d{2,4})(?:[ \t]*(?:điểm|điẻm))?(?![\d%])/giu;
const SPEED = /(?<![\p{L}\d.,])(?:(tối thiểu|ít nhất|trên|từ)[ \t]+)?(\d{1,4}(?:[.,]\d+)?)[ \t]*(?:mbps|mb\/s|mbit\/s)(?![\p{L}])/giu;

// "đạt mật độ 73,3 thuê bao/100 dân", "gần 128 thuê bao/100 dân": a density per 100 inhabitants.
// "hơn 21.000 km cáp quang": a length.
const KM = /(?<![\p{L}\d.,])(?:(gần|khoảng|xấp xỉ|trên|hơn)[ \t]+)?(\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)[ \t]*km(?![\p{L}])/giu;
const PER100 = /(?<![\p{L}\d.,])(?:(gần|khoảng|xấp xỉ|trên|hơn)[ \t]+)?(\d{1,4}(?:[.,]\d+)?)[ \t]*%?[ \t]*(?:thuê bao|máy|tài khoản)?[ \t]*\/[ \t]*100[ \t]*(?:người[ \t]+)?dân(?![\p{L}])/giu;

const number = (v: number, comparator: Comparator, unit: NumericValue["unit"], raw: string, denominator: number | null = null): NumericValue =>
  ({ kind: "number", comparator, value: v, value_max: null, unit, numerator: null, denominator, per_year: false, raw: raw.trim() });

/** Ranks ("xếp thứ 37/63", "đứng thứ 16/63", "nhóm 10 địa phương", "tăng 22 bậc"), index scores ("đạt 0,6077 điểm"), speeds ("tối thiểu 150 Mbps") and densities ("73,3 thuê bao/100 dân"). */
export function findRanksAndScores(text: string): ValueMatch[] {
  const out: ValueMatch[] = [];
  for (const m of text.matchAll(RANK)) out.push({ value: number(Number(m[1]), "eq", "rank", m[0], m[2] ? Number(m[2]) : null), start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(TOP)) out.push({ value: number(Number(m[1]), "lte", "rank", m[0]), start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(PLACES)) out.push({ value: number(Number(m[2]), m[1]!.toLowerCase() === "tăng" ? "increase" : "decrease", "rank", m[0]), start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(SCORE)) {
    // An index score is written with its "điểm", or as a fraction of 1 after a "chỉ số"/"DTI".
    if (!/điểm|điẻm/iu.test(m[0]) && !/(chỉ số|dti|index)[^.;]{0,60}$/iu.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    const v = parseVietnameseNumber(m[2]!.replace(".", ","));
    if (v === null || v > 1) continue;
    out.push({ value: number(v, m[1] ? (m[1].toLowerCase() === "tăng" ? "increase" : "decrease") : "eq", "index", m[0]), start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(KM)) {
    const v = parseVietnameseNumber(m[2]!);
    if (v === null) continue;
    const w = m[1]?.toLowerCase();
    out.push({ value: number(v, !w ? "eq" : w === "trên" || w === "hơn" ? "gt" : "approx", "km", m[0]), start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PER100)) {
    const v = parseVietnameseNumber(m[2]!);
    if (v === null) continue;
    const w = m[1]?.toLowerCase();
    const cmp: Comparator = !w ? "eq" : w === "trên" || w === "hơn" ? "gt" : "approx";
    out.push({ value: number(v, cmp, "per100", m[0]), start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SPEED)) {
    const v = parseVietnameseNumber(m[2]!);
    if (v === null) continue;
    const cmp: Comparator = m[1] ? (/trên/iu.test(m[1]) ? "gt" : "gte") : "eq";
    out.push({ value: number(v, cmp, "mbps", m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Every value expression in a cell or sentence, percent or not, in order. */
export function findExpressions(text: string): RawExpression[] {
  const out: RawExpression[] = [];
  for (const m of text.matchAll(EXPRESSION)) {
    const value = readExpression(m);
    if (value) out.push({ match: m, value });
  }
  return out;
}

/**
 * Values written inside running text: percentages ("đạt trên 80%"), fractions ("4371/4864 đạt 89,9%",
 * "06/06 nhà văn hoá") and "at least N things" counts. Bare numbers (years, ages, "4G", "01 Gbps")
 * are not values in prose.
 *
 * @example findValuesInText("Tỷ lệ ... đạt trên 80%")[0].value // { comparator: "gt", value: 80, unit: "percent", … }
 */
export function findValuesInText(text: string): ValueMatch[] {
  const found: ValueMatch[] = [];
  for (const { match, value } of findExpressions(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const isCount = value.unit === null && (value.comparator === "gte") && /ít nhất|tối thiểu/iu.test(match[0])
      && !COUNT_NOUN_STOP.test(text.slice(end)) && /^\s+\p{L}/u.test(text.slice(end));
    if (value.unit === "percent") found.push({ value, start, end });
    else if (isCount) found.push({ value: { ...value, unit: "count" }, start, end });
  }
  // The percents are in text order, and so are the fractions: one pointer pairs them in linear time
  // (a 1 MB line of "4371/4864 " must not cost fractions × percents).
  const percents = found.slice();
  const paired = new Set<ValueMatch>();
  let next = 0;
  for (const m of text.matchAll(FRACTION)) {
    const num = parseVietnameseNumber(m[1]!);
    const den = parseVietnameseNumber(m[2]!);
    if (num === null || den === null || den === 0 || num > den) continue;
    // "tháng 3/2025", "ngày 23/9": a date, not a fraction.
    if ((num <= 12 && den >= 1990 && den <= 2100 && !m[2]!.includes(".")) || /(?:tháng|ngày|quý)\s*$/iu.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const start = m.index;
    let end = start + m[0].length;
    // "4371/4864 đạt 89,9%": the percent that follows within a short stretch belongs to the fraction.
    while (next < percents.length && (percents[next]!.start < end || paired.has(percents[next]!))) next++;
    const pct = percents[next];
    let value: NumericValue;
    if (pct && pct.start - end <= 40 && !/[;.]/.test(text.slice(end, pct.start))) {
      value = { ...pct.value, numerator: num, denominator: den, raw: text.slice(start, pct.end).trim() };
      end = pct.end;
      paired.add(pct);
    } else {
      value = {
        kind: "number", comparator: "eq", value: Math.round((num / den) * 1000) / 10, value_max: null,
        unit: "percent", numerator: num, denominator: den, per_year: false, raw: m[0],
      };
    }
    found.push({ value, start, end });
  }
  const kept = paired.size === 0 ? found : found.filter((f) => !paired.has(f));
  // "xếp thứ 37/63" is a place, not a fraction of 58.7%.
  const ranks = findRanksAndScores(text);
  const overlaps = (a: ValueMatch, b: ValueMatch) => a.start < b.end && b.start < a.end;
  return [...kept.filter((f) => !ranks.some((r) => overlaps(r, f))), ...ranks].sort((a, b) => a.start - b.start);
}
