import type { Indicator, Measure } from "@dx-atlas/schema";
import type { RowCandidate } from "../extract/row-candidate.ts";
import { bareNames, namedUnits } from "../metadata/unit-mentions.ts";
import { foldVietnamese } from "../normalise/fold.ts";
import type { ValueMatch } from "../values/value-types.ts";
import { clauseYear } from "./clause-measure.ts";

// How the values of one prose row relate to its words and to each other: whose they are (another
// unit's), which are a restated target and its bracketed result, which share a bound, which parts say
// "all of" without a number, and the year each is for. Pure; rows-to-observations.ts applies them.

/** Another unit a prose clause names ("xã Hà Đông đạt 100%" in a province's report), or null. */
export function otherUnit(clause: string, own: Set<string> | undefined, provinces?: Set<string>): string | null {
  if (!own) return null;
  for (const written of bareNames(clause)) {
    const name = foldVietnamese(written);
    if (provinces?.has(name) && !own.has(name)) return written;
  }
  for (const u of namedUnits(clause)) {
    // The longest run of the name's words that is not the document's own unit or one above it.
    const words = u.name.split(/\s+/);
    const isOwn = words.some((_, n) => own.has(foldVietnamese(words.slice(0, n + 1).join(" "))));
    if (!isOwn) return `${u.level} ${u.name}`;
  }
  return null;
}


/**
 * Values standing inside brackets that report a result ("(… đạt 100%)", "(Kết quả: …)") after a value
 * outside them: inside value index → the outside value it is the result of.
 */
export function bracketedResults(text: string, values: (ValueMatch | null)[]): Map<number, number> {
  const out = new Map<number, number>();
  let owner = -1;
  let open = -1;
  let close = -1;
  values.forEach((v, i) => {
    if (!v) return;
    if (open >= 0 && v.start > open && (close < 0 || v.start < close)) {
      if (owner >= 0) out.set(i, owner);
      return;
    }
    // Is this value followed by a bracket that reports a result?
    owner = -1; open = -1; close = -1;
    const next = values.slice(i + 1).find((x) => x !== null);
    if (!next) return;
    const gap = text.slice(v.end, next.start);
    const at = gap.indexOf("(");
    if (at < 0 || /[;)]/u.test(gap.slice(0, at))) return;
    const o = v.end + at;
    const c = text.indexOf(")", o);
    const inside = text.slice(o, c < 0 ? text.length : c);
    if (!/đạt|kết quả|thực hiện được/iu.test(inside)) return;
    owner = i; open = o; close = c;
  });
  return out;
}

/**
 * "tối thiểu 80% hồ sơ … cấp huyện và 60% hồ sơ … cấp xã", "trên 95% A, 90% B": a bound written once
 * holds for the values coordinated after it (by "và" or ",", in the same ";"-part) that state none.
 */
export function sharedComparators(text: string, values: ValueMatch[]): ValueMatch[] {
  const out = values.slice();
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!.value, cur = out[i]!.value;
    if (!["gt", "gte", "lt", "lte"].includes(prev.comparator) || cur.comparator !== "eq" || cur.unit !== prev.unit) continue;
    if (!/^[\d.,]+\s*(?:%|mbps|mb\/s)?$/iu.test(cur.raw.trim())) continue;
    const gap = text.slice(out[i - 1]!.end, out[i]!.start);
    if (gap.length > 120 || /[;:()]|\.\s|đạt|là/iu.test(gap) || !/(?:^|\s)và\s|,\s/u.test(gap)) continue;
    out[i] = { ...out[i]!, value: { ...cur, comparator: prev.comparator } };
  }
  return out;
}


/** Indicators a result in words can settle: shares (all of them), yes/no and task indicators. */
export const WORD_RESULT_UNITS: Indicator["unit"][] = ["percent", "bool", "status"];
const ALL_OF = /(?<![\p{L}])(?:toàn bộ|tất cả)(?![\p{L}])/iu;

/** The ";"- and sentence-parts of a text that say "all of" something without a number. */
export function statusParts(text: string): { text: string; start: number; end: number; quantifier: string }[] {
  const out: { text: string; start: number; end: number; quantifier: string }[] = [];
  let start = 0;
  for (const m of [...text.matchAll(/;|\.\s+(?=\p{Lu})|$/gu)]) {
    const raw = text.slice(start, m.index);
    const q = ALL_OF.exec(raw);
    const trimmed = raw.trim();
    if (q && trimmed.length >= 15 && !/\d/u.test(trimmed)) out.push({ text: trimmed, start, end: m.index, quantifier: q[0] });
    start = m.index + m[0].length;
    if (m[0] === "") break;
  }
  return out;
}


// "Phấn đấu đến năm 2030 …", "Giai đoạn 2026–2030, … phấn đấu …": the year a target is for.
const TARGET_YEAR = /(?:phấn đấu|mục tiêu|kế hoạch)[^.;]{0,20}?(?:đến|tới)[ \t]+(?:hết[ \t]+|cuối[ \t]+)?năm[ \t]+(20\d\d)|giai đoạn[ \t]+20\d\d[ \t]*[-–][ \t]*(20\d\d)/iu;
const THEN = /^\s*(?:khi đó|theo đó|đến lúc đó|đến thời điểm đó)(?![\p{L}])/iu;
const targetYear = (text: string): number | null => { const m = TARGET_YEAR.exec(text); return m ? Number(m[1] ?? m[2]) : null; };

/**
 * The year of a value in prose: the clause's own ("năm 2024", "6 tháng đầu năm 2023"), a target's
 * horizon in it ("phấn đấu đến năm 2030", "giai đoạn 2026–2030"), then its sentence's, then — for a
 * sentence that goes on from the one before ("Khi đó, 100% hồ sơ …") — that sentence's (in this row or
 * the line before), else the section's or the document's.
 */
export function proseYear(row: RowCandidate, clause: string, measure: Measure): number | null {
  const own = clauseYear(clause, null) ?? (measure === "target" ? targetYear(clause) : null);
  if (own !== null) return own;
  const sentences = row.text.split(/(?<=[.;])\s+(?=\p{Lu})/u);
  const at = Math.max(0, sentences.findIndex((s) => s.includes(clause.slice(0, 40))));
  const yearIn = (s: string | undefined) => (s ? clauseYear(s, null) ?? (measure === "target" ? targetYear(s) : null) : null);
  const sentence = sentences[at]!;
  const here = yearIn(sentence);
  if (here !== null) return here;
  if (THEN.test(sentence)) return yearIn(at > 0 ? sentences[at - 1] : row.context_before?.split(/(?<=[.;])\s+(?=\p{Lu})/u).pop()) ?? row.year;
  return row.year;
}

