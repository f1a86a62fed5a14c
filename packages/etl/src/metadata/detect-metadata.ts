import type { DocKind } from "@dx-atlas/schema";
import type { UnitMention } from "../gazetteer/resolve-unit.ts";
import { LEVEL_WORDS } from "../gazetteer/unit-names.ts";
import type { LogicalLine } from "../normalise/logical-lines.ts";

/** What the first pages and the closing sentence of a document say about it. */
export interface DocMeta {
  kind: DocKind | null;
  /** How the kind was found: "title", "number", "closing" or "body". */
  kind_evidence: string | null;
  title: string | null;
  doc_number: string | null;
  issue_date: string | null;
  doc_year: number | null;
  mentions: UnitMention[];
  /** How often "chuyển đổi số" (digital transformation) appears: a document without it is not ours. */
  dx_mentions: number;
}

const HEAD_LINES = 40;
const TITLE_WORDS: [RegExp, DocKind][] = [[/^kế\s+hoạch\b/iu, "plan"], [/^báo\s+cáo\b/iu, "report"]];
const NUMBER_LINE = /^số\s*:?\s*([0-9]*)\s*\/\s*([\p{Lu}Đ][\p{L}Đđ]*(?:\s*[-–]\s*[\p{Lu}Đ][\p{L}Đđ]*)*)/iu;
const DATE_LINE = /^([\p{L} .'-]{2,40}),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/iu;
const YEAR_IN = /năm\s+(20\d\d)\b/giu;
const CLOSING = /^trên đây là\s+(kế hoạch|báo cáo|kết quả)/iu;
const LEVEL_RE = new RegExp(`(?<![\\p{L}])(${LEVEL_WORDS.map(([w]) => w).join("|")})\\s+((?:[\\p{Lu}][\\p{L}]*)(?:\\s+[\\p{Lu}][\\p{L}]*){0,3})`, "giu");
const LEVEL_OF = new Map(LEVEL_WORDS);

function levelMentions(line: LogicalLine, weight: number): UnitMention[] {
  const out: UnitMention[] = [];
  for (const m of line.text.matchAll(LEVEL_RE)) {
    const level = LEVEL_OF.get(m[1]!.toLowerCase()) ?? null;
    // "UBND xã Hà Tân" names the issuing body: a strong sign of the unit the document is about.
    // Only the few characters before the mention are looked at: testing the whole line before each
    // mention was quadratic in a long line of names.
    const issuing = /(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s{0,8}$/iu.test(line.text.slice(Math.max(0, m.index - 24), m.index));
    out.push({ level, words: m[2]!.split(/\s+/), weight: weight + (issuing ? 1 : 0), line: line.first });
  }
  return out;
}

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
  head.forEach((l, i) => {
    if (kind) return;
    const t = l.text.replace(/^[*#\s]+/, "");
    for (const [re, k] of TITLE_WORDS) {
      if (re.test(t) && t.length < 160 && !/^kế hoạch số|^báo cáo số/iu.test(t) && (t === t.toUpperCase() || t.length < 40)) {
        kind = k; evidence = "title"; titleIndex = i;
        const rest = t.replace(re, "").trim();
        title = (rest || lines[i + 1]?.text || "").trim() || null;
        if (title && !rest) title = `${t.trim()} ${title}`;
        else title = t;
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
      placeMention = { level: null, words: place!.trim().split(/\s+/), weight: 2, line: l.first };
    }
  }
  if (!title) {
    // A document without its header still says what it is: "… ban hành Kế hoạch Chuyển đổi số … năm 2024".
    const m = lines.slice(0, HEAD_LINES).map((l) => /ban hành\s+((?:kế hoạch|báo cáo)\s[^;.]*?năm\s+20\d\d)/iu.exec(l.text)).find(Boolean);
    if (m) title = m[1]!;
  }
  const closing = [...lines].reverse().find((l) => CLOSING.test(l.text));
  if (!kind && closing) {
    kind = /kế hoạch/iu.test(CLOSING.exec(closing.text)![1]!) ? "plan" : "report";
    evidence = "closing";
  }
  if (!kind) {
    const body = lines.map((l) => l.text).join("\n");
    const plans = (body.match(/kế hoạch/giu) ?? []).length;
    const reports = (body.match(/báo cáo kết quả|kết quả thực hiện/giu) ?? []).length;
    if (plans + reports > 0) { kind = plans >= reports ? "plan" : "report"; evidence = "body"; }
  }

  const mentions: UnitMention[] = [];
  lines.forEach((l, i) => {
    const weight = i === titleIndex || i === titleIndex + 1 || l === closing ? 4 : i < HEAD_LINES ? 2 : 1;
    mentions.push(...levelMentions(l, weight));
  });
  if (placeMention) mentions.push(placeMention);

  const docYear = yearOf([title, lines[titleIndex + 1]?.text, closing?.text, ...head.slice(0, 12).map((l) => l.text)], issueDate);
  const dx = lines.reduce((n, l) => n + (l.text.match(/chuyển đổi số/giu) ?? []).length, 0);
  return { kind, kind_evidence: evidence, title, doc_number: docNumber, issue_date: issueDate, doc_year: docYear, mentions, dx_mentions: dx };
}

/** The year a document is about: stated in its title or closing ("… năm 2024"), else its issue year. */
function yearOf(texts: (string | null | undefined)[], issueDate: string | null): number | null {
  for (const t of texts) {
    if (!t) continue;
    const years = [...t.matchAll(YEAR_IN)].map((m) => Number(m[1]));
    if (years.length > 0) return years[years.length - 1]!;
  }
  return issueDate ? Number(issueDate.slice(0, 4)) : null;
}
