import type { ValueMatch } from "../values/value-types.ts";
import { charSet, trimEndWhere, trimStartWhere } from "../normalise/trim.ts";

const CLAUSE_LEAD = charSet(";,.(", true);
const CLAUSE_TRAIL = charSet(";,(", true);

const DELIMITER = /;|\.\s|,\s|\s(?:và|còn)\s|\(/gu;
const NEW_INDICATOR = /(?:^|[,;.(]\s*|\s(?:với|và|còn)\s+)(?=(?:tỷ lệ|tỷ trọng|số lượng)\s)/giu;
const SENTENCE_END = /;\s*|\.\s+(?=\p{Lu})/gu;
const CLAUSE_END = /;|\.\s+(?=\p{Lu})/gu;

/** One value with the clause of the text that it qualifies. */
export interface Clause { text: string; value: ValueMatch | null }

/**
 * Splits an indicator text that carries several targets into one clause per target:
 * "100% thủ tục … toàn trình; 50% dịch vụ công … quốc gia" → two clauses. Each clause ends where the
 * last delimiter (";", ". ", ", ", " và ", "(") before the next value stands.
 */
export function splitClauses(text: string, values: ValueMatch[], prose = false): Clause[] {
  if (values.length === 0) return [{ text: text.trim(), value: null }];
  if (values.length === 1) return [{ text: prose ? ownClause(text, values[0]!) : text.trim(), value: values[0]! }];
  return splitAround(text, values).map((c) => ({ ...c, text: valueFirst(c.text, c.value!) }));
}

/**
 * A lone value's clause in a long sentence: from where its indicator starts ("tỷ lệ", "tỷ trọng", "số
 * lượng") after the last clause break before it ("Tính đến …, theo UBND xã …, tỷ lệ hộ … đạt 12%").
 * Prose only; short texts (a bullet) stay whole, as does a table row (its label is its indicator).
 */
function ownClause(text: string, v: ValueMatch): string {
  if (text.length <= 160) return text.trim();
  const lead = text.slice(0, v.start);
  const sentence = Math.max(0, ...[...lead.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length));
  let start = sentence;
  for (const m of lead.slice(sentence).matchAll(NEW_INDICATOR)) start = sentence + m.index + m[0].length;
  const end = text.slice(v.end).search(/;|\.\s+(?=\p{Lu})/u);
  return valueFirst(text.slice(start, end < 0 ? text.length : v.end + end).trim(), v);
}

// "…khắc phục tình trạng sóng yếu tại một số thôn, đảm bảo 100% thôn, bản có sóng di động 3G": a value
// a few words after a comma, with its indicator after it, starts its clause at that comma.
const LEAD_IN = /^[ \t]*(?:\p{L}+[ \t]+){0,3}$/u;
function valueFirst(clause: string, v: ValueMatch): string {
  const at = clause.indexOf(v.value.raw);
  if (at < 0) return clause;
  const comma = clause.lastIndexOf(", ", at);
  if (comma < 0 || comma < 20 || !LEAD_IN.test(clause.slice(comma + 2, at))) return clause;
  const after = clause.slice(at + v.value.raw.length).trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return after.length >= 2 ? clause.slice(comma + 2).trim() : clause;
}

function splitAround(text: string, values: ValueMatch[]): Clause[] {
  // "Tỷ lệ số hoá … (Tỷ lệ A đạt 100%; Tỷ lệ B đạt 100%)": the list starts inside the parenthesis.
  const lead = text.slice(0, values[0]!.start);
  const open = lead.lastIndexOf("(");
  // …and the first clause starts at the sentence that holds the first value, not at the paragraph.
  const sentence = Math.max(-1, ...[...lead.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length));
  const starts = [open >= 0 && !lead.slice(open).includes(")") ? open + 1 : Math.max(0, sentence)];
  const ends: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const gapStart = values[i - 1]!.end;
    const gap = text.slice(gapStart, values[i]!.start);
    let cut = -1;
    // "…điện tử với tỷ lệ văn bản ký số đạt 100%, tỷ lệ cán bộ … hộp thư … đạt 100%": a new indicator
    // starts at "tỷ lệ"/"tỷ trọng"/"số lượng"; otherwise at the last delimiter before the next value.
    for (const m of gap.matchAll(NEW_INDICATOR)) cut = gapStart + m.index + m[0].length;
    // A ";" ends the clause before it for good ("… 80% hộ gia đình; phổ cập dịch vụ 4G/5G; 80% người
    // dân …"): the next clause starts after the last one.
    // So does a sentence's end ("… đạt tỷ lệ 26,3%. Về lĩnh vực thanh toán …, 45.158/53.571 người").
    const stops = [...gap.matchAll(CLAUSE_END)];
    ends.push(stops.length > 0 ? gapStart + stops[0]!.index : -1);
    if (cut < 0 && stops.length > 0) {
      const last = stops[stops.length - 1]!;
      const after = last.index + last[0].length;
      cut = gapStart + after;
      for (const m of gap.slice(after).matchAll(DELIMITER)) cut = gapStart + after + m.index + m[0].length;
    }
    if (cut < 0) for (const m of gap.matchAll(DELIMITER)) cut = gapStart + m.index + m[0].length;
    starts.push(cut >= 0 ? cut : values[i]!.start);
  }
  // The last value's clause ends with its own sentence or ";"-part: what follows names no value of its own.
  const last = values[values.length - 1]!;
  const tail = text.slice(last.end).search(/;|\.\s+(?=\p{Lu})/u);
  const end = tail < 0 ? text.length : last.end + tail;
  return values.map((v, i) => ({
    text: trimEndWhere(trimStartWhere(text.slice(starts[i], i + 1 < values.length ? (ends[i]! >= 0 && ends[i]! < starts[i + 1]! ? ends[i]! : starts[i + 1]) : end), CLAUSE_LEAD), CLAUSE_TRAIL).replace(/^(và|còn)\s+/u, ""),
    value: v,
  }));
}

/**
 * The ";"-separated part of a text that holds its only value: "100% doanh nghiệp được tiếp cận …; các
 * sản phẩm OCOP đưa lên sàn …" → the first part. Null when the text has no such parts.
 */
export function segmentOf(text: string, value: ValueMatch): string | null {
  const bounds = [...text.matchAll(/;|\.\s+(?=\p{Lu})/gu)].map((m) => ({ from: m.index, to: m.index + m[0].length }));
  if (bounds.length === 0) return null;
  const start = Math.max(0, ...bounds.filter((b) => b.to <= value.start).map((b) => b.to));
  const end = Math.min(text.length, ...bounds.filter((b) => b.from >= value.end).map((b) => b.from));
  const part = text.slice(start, end).trim();
  return part.length >= 12 && part !== text.trim() ? part : null;
}

/**
 * The clause a count stands in: from the delimiter before it (";", ". ", ", ", ":") to the one after the
 * noun it counts ("…; thành lập 65 tổ công nghệ số cộng đồng ở 65 thôn, khu phố; …" → the middle part).
 * With `past: "và"` it reads on over a "và" ("544 sản phẩm được giới thiệu và bày bán trên sàn …").
 */
export function countClause(text: string, start: number, end: number, past: "" | "và" = ""): string {
  const before = text.slice(0, start);
  // "… 720 dịch vụ công trực tuyến một phần và 982 dịch vụ công trực tuyến toàn trình": a count after
  // "và" starts its own clause when another number stands before the "và".
  const and = before.lastIndexOf(" và ");
  const andCut = and >= 0 && /\d/u.test(before.slice(Math.max(before.lastIndexOf(";"), before.lastIndexOf(". "), before.lastIndexOf(", "), 0), and)) ? and + 4 : 0;
  const from = Math.max(before.lastIndexOf(";") + 1, before.lastIndexOf(". ") + 1, before.lastIndexOf(", ") + 1, before.lastIndexOf(": ") + 1, before.lastIndexOf("(") + 1, andCut);
  const rest = text.slice(end);
  // …and before the next number: "164 Tổ … cấp thôn với 1.230 thành viên" is two counts of two things.
  const stops = [rest.indexOf(";"), rest.indexOf(". "), rest.indexOf(", "), rest.indexOf("("), rest.indexOf(")"), rest.indexOf(": "), past === "và" ? -1 : rest.indexOf(" và "), rest.search(/\s(?:với\s+|gồm\s+)?(?:tổng số\s+)?\d/u)].filter((i) => i >= 0);
  const to = end + (stops.length > 0 ? Math.min(...stops) : rest.length);
  return text.slice(from, to).trim().replace(/[.;,]$/u, "");
}
