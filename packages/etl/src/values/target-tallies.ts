import type { NumericValue, ValueMatch } from "./value-types.ts";
import { parseVietnameseNumber } from "./number.ts";

/** How a report tallies its plan's own targets: achieved, not achieved, still in progress. */
export type TallyKind = "achieved" | "not_achieved" | "in_progress";
export interface TargetTally extends ValueMatch { kind: TallyKind }

const NOUN = String.raw`(?:chỉ tiêu|mục tiêu|tiêu chí)`;
const NUM = String.raw`(\d{1,3})`;
const NOT = /^(?:chưa đạt|không đạt|chưa hoàn thành|không hoàn thành)/iu;
const PROGRESS = /^(?:đang (?:tiếp tục )?(?:triển khai|thực hiện)|chưa thực hiện xong)/iu;
const DONE = /^(?:đạt|hoàn thành|vượt)/iu;
const VERB = /(chưa đạt|không đạt|chưa hoàn thành|không hoàn thành|đang (?:tiếp tục )?(?:triển khai|thực hiện)|chưa thực hiện xong|hoàn thành|đạt|vượt)/iu;

const kindOf = (verb: string): TallyKind | null =>
  NOT.test(verb) ? "not_achieved" : PROGRESS.test(verb) ? "in_progress" : DONE.test(verb) ? "achieved" : null;

const count = (n: number, raw: string, denominator: number | null = null): NumericValue =>
  ({ kind: "number", comparator: "eq", value: n, value_max: null, unit: "count", numerator: denominator ? n : null, denominator, per_year: false, raw });

/**
 * A report's tally of its plan's targets: "Có 24/26 chỉ tiêu … đã hoàn thành", "16 tiêu chí đạt, 06
 * tiêu chí chưa đạt", "còn 2 chỉ tiêu đang triển khai", "Số mục tiêu đã hoàn thành: 19". A bare total
 * ("Kế hoạch có 22 chỉ tiêu") and a tally inside brackets after a group's name ("Chính quyền số (06
 * chỉ tiêu: đạt 05 …)", one group's share of the tally) are not tallies of the unit's plan.
 */
export function findTargetTallies(text: string): TargetTally[] {
  const out: TargetTally[] = [];
  const taken = (s: number, e: number) => out.some((t) => s < t.end && t.start < e);
  const inBrackets = (at: number) => {
    const before = text.slice(0, at);
    return before.lastIndexOf("(") > before.lastIndexOf(")");
  };
  const sentenceEnd = (from: number) => {
    const rest = text.slice(from);
    const e = rest.search(/[;.](?:\s|$)|,\s/u);
    return from + (e < 0 ? rest.length : e);
  };
  const push = (kind: TallyKind | null, start: number, end: number, v: NumericValue) => {
    if (!kind || inBrackets(start) || taken(start, end)) return;
    out.push({ kind, start, end, value: v });
  };
  // "Số mục tiêu đã hoàn thành: 19"
  for (const m of text.matchAll(new RegExp(String.raw`số ${NOUN}\s+(?:đã\s+)?(đạt|hoàn thành|chưa đạt|chưa hoàn thành)\s*:\s*${NUM}(?![\d%/])`, "giu"))) {
    push(kindOf(m[1]!), m.index, m.index + m[0].length, count(Number(m[2]), m[0]));
  }
  // "24/26 chỉ tiêu … đã hoàn thành": the verb later in the same sentence.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\d/])${NUM}\s*\/\s*${NUM}\s+${NOUN}`, "giu"))) {
    const end = m.index + m[0].length;
    const verb = VERB.exec(text.slice(end, text.slice(end).search(/[;.](?:\s|$)/u) < 0 ? text.length : end + text.slice(end).search(/[;.](?:\s|$)/u)));
    const n = parseVietnameseNumber(m[1]!), d = parseVietnameseNumber(m[2]!);
    if (verb && n !== null && d !== null && n <= d) push(kindOf(verb[1]!), m.index, end, count(n, m[0], d));
  }
  // "16 tiêu chí đạt", "06 tiêu chí chưa đạt", "còn 2 chỉ tiêu đang triển khai"
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\d/.,])${NUM}\s+${NOUN}(?:\s+(?:đã|được|còn))?\s+(chưa đạt|không đạt|chưa hoàn thành|không hoàn thành|đang (?:tiếp tục )?(?:triển khai|thực hiện)|hoàn thành|đạt|vượt)`, "giu"))) {
    push(kindOf(m[2]!), m.index, m.index + m[0].length, count(Number(m[1]), m[0]));
  }
  // "đạt 05 chỉ tiêu", "hoàn thành 16 mục tiêu", "còn 2 chỉ tiêu đang triển khai / chưa đạt"
  for (const m of text.matchAll(new RegExp(String.raw`(đạt|hoàn thành|còn)\s+${NUM}\s+${NOUN}`, "giu"))) {
    const end = m.index + m[0].length;
    let kind = kindOf(m[1]!);
    if (m[1]!.toLowerCase() === "còn") {
      const verb = VERB.exec(text.slice(end, Math.min(sentenceEnd(end), end + 60)));
      kind = verb ? kindOf(verb[1]!) : null;
      if (kind === "achieved") kind = null;
    }
    push(kind, m.index, end, count(Number(m[2]), m[0]));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Where a fraction or count is a tally's noun phrase ("24/26 chỉ tiêu"): not a share of an indicator. */
export const TALLY_NOUN_AFTER = new RegExp(String.raw`^\s*${NOUN}`, "iu");
