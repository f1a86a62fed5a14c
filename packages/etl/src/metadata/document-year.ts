import type { DocKind } from "@dx-atlas/schema";

// The year a document is about. A formal document says it in its title ("… NĂM 2024") or closing; a
// multi-year programme ("… đến năm 2025, định hướng đến năm 2030") is dated by its issue. A post or an
// article says it in a period ("6 tháng đầu năm 2023", "Năm 2024, …", "tính đến hết tháng 3/2025",
// "đến cuối năm 2026") or only by its date, where a report published in January or February gives the
// year before's results. Years that are not the document's own are skipped: a cited document's date
// or name ("Nghị quyết số 06-NQ/TU ngày 10/11/2021 … đến năm 2025"), a horizon ("định hướng đến năm
// 2030", "tầm nhìn"), a span's start ("từ năm 2021", "giai đoạn 2021-2025"), a comparison's base ("so với năm 2022") and an index's year
// ("DTI năm 2022" is the ranking of that year, published the next).

export interface YearEvidence { year: number | null; evidence: "title" | "closing" | "issue_date" | "text" | "published" | null }

const HORIZON = /(định hướng|tầm nhìn|giai đoạn|từ|đầu nhiệm kỳ|nhiệm kỳ|so với(?:[ \t]+cùng kỳ)?)[ \t]*(?:đến[ \t]*)?(?:hết[ \t]*)?(?:năm[ \t]*)?$/iu;
const INDEX_YEAR = /(dti|par index|sipas|chỉ số[^,;.]{0,40}|xếp hạng[^,;.]{0,30}|luật[^,;.]{0,40})[ \t]*(?:cấp tỉnh[ \t]*)?$/iu;
// A numbered citation runs from "Kế hoạch số 12/KH-UBND" or "Nghị quyết 02-NQ/TW" to the end of its clause.
export const CITATION = /(?:nghị quyết|quyết định|kế hoạch|chỉ thị|công văn|thông báo|chương trình|đề án|thông tư|nghị định|luật|hướng dẫn|tờ trình)(?:[ \t]+(?:số|hành động số))?[ \t]*\d+[^,;.:()]*?(?:[ \t]*[-/][ \t]*[\p{L}Đ]+)+[^,;:]*?(?=[,;:]|\. |$)|(?:nghị quyết|chỉ thị|đề án|chương trình|kế hoạch)[ \t]+["“][^"”]*["”]/giu;
const YEAR_PHRASE = /(?:(?:6|sáu|9|chín)[ \t]+tháng[ \t]+(?:đầu[ \t]+)?năm[ \t]+|quý[ \t]+[IV1-4]+[ \t]+(?:năm[ \t]+)?|(?:tính[ \t]+)?đến[ \t]+(?:hết[ \t]+|cuối[ \t]+)?(?:tháng[ \t]+\d{1,2}[ \t]*\/[ \t]*|năm[ \t]+)|(?:trong[ \t]+|cuối[ \t]+)?năm[ \t]+)(20[12]\d)\b/giu;

// An event's date opening a sentence: "Ngày 23/9/2021, Sở … tổ chức", "Sáng ngày 24/10/2025, UBND xã …".
const EVENT_DATE = /(?:^|[.!?][ \t]+)(?:(?:sáng|chiều|tối)[ \t]+)?ngày[ \t]+\d{1,2}[ \t]*[/-][ \t]*\d{1,2}[ \t]*[/-][ \t]*(20[12]\d)\b/iu;

/** Years stated in a text, with citations and horizons left out, in reading order. */
export function statedYears(text: string): number[] {
  const clean = text.replace(CITATION, (m) => " ".repeat(m.length));
  const out: number[] = [];
  const event = EVENT_DATE.exec(clean);
  if (event) out.push(Number(event[1]));
  for (const m of clean.matchAll(YEAR_PHRASE)) {
    const before = clean.slice(Math.max(0, m.index - 60), m.index);
    if (HORIZON.test(before) || INDEX_YEAR.test(before)) continue;
    // "đến năm 2025, định hướng đến năm 2030" in a plan's title is a programme, dated by its issue.
    if (/^đến[ \t]+năm/iu.test(m[0]) && /định hướng|tầm nhìn/iu.test(clean.slice(m.index, m.index + 60))) continue;
    out.push(Number(m[1]));
  }
  return out;
}

/** The year of a title: its own "năm YYYY", not a programme's "đến năm 2025" (that is dated by its issue). */
function titleYear(title: string): number | null {
  const years = [...title.matchAll(/(?<!đến[ \t]{1,3}|ĐẾN[ \t]{1,3})(?:năm|NĂM)[ \t]+(20\d\d)\b/gu)].map((m) => Number(m[1]));
  return years.length > 0 ? years[0]! : null;
}

/**
 * Decides the year from, in order: the title, the closing, the issue date (a formal document), the
 * text's own periods (a post), the publication date.
 */
export function documentYear(input: {
  title: string | null; closing: string | null; issueDate: string | null; published: string | null; kind: DocKind | null; formal: boolean; body: string[];
}): YearEvidence {
  const t = input.title ? titleYear(input.title) : null;
  if (t) return { year: t, evidence: "title" };
  const c = input.closing ? titleYear(input.closing) : null;
  if (c) return { year: c, evidence: "closing" };
  if (input.formal && input.issueDate) return { year: Number(input.issueDate.slice(0, 4)), evidence: "issue_date" };
  // The text's own periods: the first one in the headline or lead, else the first anywhere.
  for (const text of input.body) {
    const ys = statedYears(text);
    if (ys.length > 0) return { year: ys[0]!, evidence: "text" };
  }
  if (input.issueDate) return { year: Number(input.issueDate.slice(0, 4)), evidence: "issue_date" };
  if (input.published) {
    const [y, m] = input.published.split("-").map(Number);
    // A report published in January or February gives the results of the year before.
    return { year: input.kind === "report" && m !== undefined && m <= 2 ? y! - 1 : y!, evidence: "published" };
  }
  return { year: null, evidence: null };
}

/** A portal's or paper's publication stamp: "date 2026-01-10", "08/11/2022 15:41", "Thứ Ba, 20/01/2026", ISO times. */
export function publicationDate(lines: string[]): string | null {
  for (const l of lines) {
    const iso = /(?:^|\bdate[ \t]+)(20\d\d)-(\d\d)(?:-(\d\d))?(?:T[\d:]+)?/u.exec(l.trim());
    if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join("-");
    const dmy = /^(?:(?:thứ[ \t]+\p{L}+|chủ nhật)[ \t]*[,-]?[ \t]*)?(?:ngày[ \t]+)?(\d{1,2})\/(\d{1,2})\/(20\d\d)(?:[ \t,]+\d{1,2}:\d\d)?\s*$/iu.exec(l.trim());
    if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}`;
    const lead = /^(?:thứ[ \t]+\p{L}+|chủ nhật)[ \t]*[-,][ \t]*(\d{1,2})\/(\d{1,2})\/(20\d\d)/iu.exec(l.trim());
    if (lead) return `${lead[3]}-${lead[2]!.padStart(2, "0")}-${lead[1]!.padStart(2, "0")}`;
  }
  return null;
}
