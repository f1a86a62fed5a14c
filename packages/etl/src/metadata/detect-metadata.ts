import type { DocKind } from "@dx-atlas/schema";
import type { UnitMention } from "../gazetteer/resolve-unit.ts";
import type { LogicalLine } from "../normalise/logical-lines.ts";
import { CITATION, documentYear, publicationDate, type YearEvidence } from "./document-year.ts";
import { selfLevel, unitMentions, WEIGHT } from "./unit-mentions.ts";

/** What the first pages and the closing sentence of a document say about it. */
export interface DocMeta {
  kind: DocKind | null;
  /** How the kind was found: "title", "number", "closing" or "words" (the body's own words: a post or article). */
  kind_evidence: string | null;
  title: string | null;
  doc_number: string | null;
  issue_date: string | null;
  doc_year: number | null;
  /** Where the year came from (title, closing, issue_date, text, published), null when none says. */
  year_evidence: YearEvidence["evidence"];
  /** A portal's or paper's publication date ("2026-01-10"), when the page carries one. */
  published: string | null;
  /** True when the text has a formal header (title line, number or date line); false for a post or an article. */
  formal: boolean;
  /** The headline: a post's first line of text (null for a formal document). */
  headline: string | null;
  mentions: UnitMention[];
  /** The level the text speaks of itself at ("toàn tỉnh", "trên địa bàn huyện"), when one stands out. */
  self_level: UnitMention["level"];
  /** How often digital transformation's own words appear ("chuyển đổi số", "chính quyền số", "dịch vụ công trực tuyến", …): a document without any is not ours. */
  dx_mentions: number;
}

const HEAD_LINES = 40;
const TITLE_WORDS: [RegExp, DocKind][] = [[/^kế\s+hoạch\b/iu, "plan"], [/^báo\s+cáo\b/iu, "report"]];
const NUMBER_LINE = /^số\s*:?\s*([0-9]*)\s*\/\s*([\p{Lu}Đ][\p{L}Đđ]*(?:\s*[-–]\s*[\p{Lu}Đ][\p{L}Đđ]*)*)/iu;
const DATE_LINE = /^([\p{L} .'-]{2,40}),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/iu;
const CLOSING = /^trên đây là\s+(kế hoạch|báo cáo|kết quả)/iu;
// The genre's own vocabulary: a text without any of it is not a digital-transformation document.
const DX_WORDS = /chuyển đổi số|cđs|chính quyền số|kinh tế số|xã hội số|hạ tầng số|chính quyền điện tử|dịch vụ công trực tuyến|chữ ký số|định danh điện tử|băng rộng|kỹ năng số|nền tảng số/giu;
// Words that say a sentence sets a target, or gives a result: a post's kind is the side its words take.
// "Kế hoạch" compared with ("vượt kế hoạch", "so với kế hoạch đề ra") is a result's word, not a plan's.
const PLAN_WORDS = /phấn đấu|mục tiêu|chỉ tiêu(?![ \t]+(?:chưa[ \t]+)?đạt)|đặt ra|(?<!kế hoạch[ \t])đề ra|dự kiến|định hướng|(?<!(?:vượt|so với|theo|với)[ \t]+)kế hoạch|sẽ|tối thiểu|ít nhất/giu;
const REPORT_WORDS = /đến nay|(?<![\p{L}])đã(?![\p{L}])|đạt được|kết quả|hiện có|hiện nay|hiện đang|(?:^|[.!?][ \t]+)Hiện[ \t]|tính đến|xếp hạng|xếp thứ|đứng thứ|so với cùng kỳ|thành lập được|(?:vượt|so với|theo)[ \t]+kế hoạch|(?:chỉ tiêu|tiêu chí)[ \t]+(?:chưa[ \t]+|không[ \t]+)?đạt/gimu;
// Page chrome a stored web page starts with: menus, loading notices, counters, dates.
const CHROME = /^(?:hệ thống pháp luật|đang tải|skip to|chi tiết\s*-|tổng lượt|lượt xem|độ tương phản|ảnh:|\s*date\s+\d|thứ\s+\p{L}+,|\d{1,2}\/\d{1,2}\/\d{4}|https?:|\(?[\w.]+\.(?:vn|com)\)?\s*$|\|)/iu;

/**
 * Reads kind, title, number, date, year and the places a document names. Works on documents that
 * begin mid-text (no header): the closing "Trên đây là Kế hoạch …" and the body then decide.
 */
export function detectMetadata(lines: LogicalLine[]): DocMeta {
  const head = lines.slice(0, HEAD_LINES);
  let kind: DocKind | null = null;
  let evidence: string | null = null;
  let title: string | null = null;
  let titleIndex = -1;
  let titleEnd = -1;
  head.forEach((l, i) => {
    if (kind) return;
    const t = l.text.replace(/^[*#\s]+/, "");
    for (const [re, k] of TITLE_WORDS) {
      if (re.test(t) && t.length < 160 && !/^kế hoạch số|^báo cáo số/iu.test(t) && (t === t.toUpperCase() || t.length < 40)) {
        kind = k; evidence = "title"; titleIndex = i; titleEnd = i;
        // The title goes on over the next line, and over every capitalised line after it ("KẾ HOẠCH /
        // TRIỂN KHAI THỰC HIỆN / NGHỊ QUYẾT … / CHUYỂN ĐỔI SỐ TỈNH … ĐẾN NĂM 2025").
        const parts = [t.trim()];
        for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
          const next = lines[j]!.text.replace(/^[*#\s]+|[*\s]+$/g, "");
          if (!next) continue;
          if (j > i + 1 && next !== next.toUpperCase()) break;
          parts.push(next); titleEnd = j;
          if (next !== next.toUpperCase()) break;
        }
        title = parts.join(" ");
      }
    }
  });
  let docNumber: string | null = null;
  let issueDate: string | null = null;
  let placeMention: UnitMention | null = null;
  for (const l of head) {
    const n = NUMBER_LINE.exec(l.text);
    if (n && docNumber === null) {
      const suffix = n[2]!.replace(/\s+/g, "");
      if (n[1]) docNumber = `${n[1]}/${suffix}`;
      if (!kind && /^KH/i.test(suffix)) { kind = "plan"; evidence = "number"; }
      if (!kind && /^BC/i.test(suffix)) { kind = "report"; evidence = "number"; }
    }
    const d = DATE_LINE.exec(l.text);
    if (d && issueDate === null) {
      const [, place, day, month, year] = d;
      issueDate = [year, month?.padStart(2, "0"), month && day ? day.padStart(2, "0") : undefined].filter(Boolean).join("-");
      placeMention = { level: null, words: place!.trim().split(/\s+/), weight: WEIGHT.head, line: l.first };
    }
  }
  const formal = titleIndex >= 0 || docNumber !== null || issueDate !== null;
  let titleLine: LogicalLine | null = null;
  if (!title) {
    // A document without its header still says what it is: "… ban hành Kế hoạch Chuyển đổi số … năm 2024".
    for (const l of lines.slice(0, HEAD_LINES)) {
      const m = /ban hành\s+((?:kế hoạch|báo cáo)\s[^;.]*?năm\s+20\d\d)/iu.exec(l.text);
      if (m) { title = m[1]!; titleLine = { ...l, text: title }; break; }
    }
  }
  const closing = [...lines].reverse().find((l) => CLOSING.test(l.text));
  if (!kind && closing) {
    kind = /kế hoạch/iu.test(CLOSING.exec(closing.text)![1]!) ? "plan" : "report";
    evidence = "closing";
  }
  const text = lines.map((l) => l.text);
  if (!kind) {
    // A post or article: the side its words take (targets set, or results reached).
    // Cited documents ("Kế hoạch số 184/KH-UBND …") say nothing of this one's kind.
    const body = text.join("\n").replace(CITATION, " ");
    const plans = (body.match(PLAN_WORDS) ?? []).length;
    const reports = (body.match(REPORT_WORDS) ?? []).length;
    if (plans + reports > 0) { kind = plans > reports ? "plan" : "report"; evidence = "words"; }
  }

  // Roles that make a line name the issuer: the letterhead, the title, the closing, a post's headline.
  const roles = new Map<number, "letterhead" | "title" | "headline">();
  for (let i = titleIndex; i >= 0 && i <= titleEnd; i++) roles.set(i, "title");
  if (closing) roles.set(lines.indexOf(closing), "title");
  head.slice(0, 12).forEach((l, i) => {
    const prev = head[i - 1]?.text.trim() ?? "";
    if (/^(ủy|uỷ) ban nhân dân$|^ubnd$|^đảng ủy$/iu.test(prev) || /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+\p{L}/iu.test(l.text.trim())) roles.set(i, "letterhead");
  });
  // A post's headline: its first short line of text (a document that lost its header starts with "Căn cứ …").
  const first = formal ? -1 : text.findIndex((t) => t.trim().length > 0 && !CHROME.test(t.trim()));
  const headlineIndex = first >= 0 && text[first]!.length <= 200 && !/^\s*(căn cứ|thực hiện|theo)\b/iu.test(text[first]!) ? first : -1;
  if (headlineIndex >= 0 && !roles.has(headlineIndex)) roles.set(headlineIndex, "headline");
  // A post's head is its headline and lead; a formal document's, its first page.
  const mentions = unitMentions(lines, roles, formal ? HEAD_LINES : 3);
  if (placeMention) mentions.push(placeMention);
  if (titleLine) mentions.push(...unitMentions([titleLine], new Map([[0, "title"]]), 0));

  const published = publicationDate(text.slice(0, 12));
  const body = text.filter((t) => !CHROME.test(t.trim()));
  const year = documentYear({ title, closing: closing?.text ?? null, issueDate, published, kind, formal, body });
  const dx = text.reduce((n, t) => n + (t.match(DX_WORDS) ?? []).length, 0);
  return {
    kind, kind_evidence: evidence, title, doc_number: docNumber, issue_date: issueDate, doc_year: year.year, year_evidence: year.evidence,
    published, formal, headline: headlineIndex >= 0 ? text[headlineIndex]! : null, mentions, self_level: selfLevel(lines), dx_mentions: dx,
  };
}
