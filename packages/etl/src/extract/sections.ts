import type { LogicalLine } from "../normalise/logical-lines.ts";

/** What the values under a heading are: targets, results, or neither (tasks, budget, addressees…). */
export type SectionMode = "target" | "result" | "other" | "none";
export interface Section { mode: SectionMode; year: number | null; heading: string | null }

const HEADING_LEVELS: [RegExp, number][] = [
  // "PHẦNI": OCR drops the space before a part's numeral.
  [/^(PHẦN|Phần)\s*([IVX]+|\d+)(?![\p{L}\p{N}])/u, 0],
  [/^[IVX]+[.)/]\s*\S/u, 1],
  [/^\d{1,2}[.)]\s+\S/u, 2],
  [/^\d{1,2}\.\d{1,2}\.?\s+\S/u, 3],
  [/^[a-zđ]\)\s+\S/u, 4],
];
const RESULT = /kết quả|đánh giá|tình hình (thực hiện|triển khai)|đã đạt được/iu;
const TARGET = /mục tiêu|phấn đấu/iu;
const OTHER = /nhiệm vụ|giải pháp|tổ chức thực hiện|kinh phí|căn cứ|khó khăn|kiến nghị|đề xuất|nơi nhận|mục đích|yêu cầu|nguồn lực|phương hướng|phân công/iu;

function headingLevel(text: string): number | null {
  if (text.length > 160 || /[;,]$/.test(text)) return null;
  for (const [re, level] of HEADING_LEVELS) if (re.test(text)) return level;
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 6 && letters === letters.toUpperCase() && text.length < 100) return 1;
  return null;
}

function modeOf(text: string): SectionMode | null {
  if (RESULT.test(text)) return "result";
  if (TARGET.test(text)) return "target";
  if (OTHER.test(text)) return "other";
  return null;
}

/**
 * The section each logical line sits in, following the document's numbered headings: a heading's
 * words decide whether the values below it are targets ("Mục tiêu"), results ("Kết quả", "Đánh giá")
 * or neither ("Nhiệm vụ", "Giải pháp"); a heading's "năm 2024" sets the year below it. Sub-headings
 * without such words inherit. Before any heading a report holds results and a plan nothing.
 */
export function assignSections(lines: LogicalLine[], docKind: "plan" | "report"): { section: Section; isHeading: boolean }[] {
  const stack: { level: number; section: Section }[] = [];
  const base: Section = { mode: docKind === "report" ? "result" : "none", year: null, heading: null };
  const out: { section: Section; isHeading: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i]!.text;
    const level = headingLevel(text);
    if (level === null) {
      out.push({ section: stack[stack.length - 1]?.section ?? base, isHeading: false });
      continue;
    }
    // "PHẦN I" alone on a line: its title is the next line.
    if (level === 0 && text.length < 12 && lines[i + 1]) text = `${text} ${lines[i + 1]!.text}`;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack[stack.length - 1]?.section ?? base;
    const own = modeOf(text);
    const yearMatch = /năm\s+(20\d\d)/iu.exec(text);
    const mode: SectionMode = own ?? parent.mode;
    const section: Section = { mode, year: yearMatch ? Number(yearMatch[1]) : parent.year, heading: text };
    stack.push({ level, section });
    out.push({ section, isHeading: true });
  }
  return out;
}
