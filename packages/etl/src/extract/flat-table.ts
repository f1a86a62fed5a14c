import type { SourceLine } from "../normalise/lines.ts";
import { findValuesInText } from "../values/find-values.ts";
import { yearIn, type ExtractContext, type RowCandidate } from "./row-candidate.ts";

const HEADER = /^\s*(?:STT|TT)\s+(Chỉ tiêu|Nhiệm vụ|Nội dung|Mục tiêu|Các chỉ tiêu)(?![\p{L}])(.*)$/iu;
const ROW_START = /^\s*(\d{1,3})(?:[.)])?(?:\s+(.*))?$/u;
const STOP = /^\s*(nơi nhận|trên đây|[IVX]+\.\s|phụ lục|danh mục)/iu;
// Text of the lead-unit / partner / deadline columns that PDF extraction glued to the indicator.
const TRAILING_COLUMN = /\s(?=(Văn phòng|Phòng|Các cơ quan|Các doanh nghiệp|Các đơn vị|Chi cục|Đoàn [Tt]hanh niên|UBND|Ủy ban|Uỷ ban|Sở\s|Công an|Trạm|Ngân hàng|Trung tâm|Thường xuyên|Năm 20\d\d|Quý\s)(?![\p{L}\p{N}]))/gu;

/**
 * Indicator tables flattened by PDF text extraction ("1 \nCung cấp dịch vụ công … đạt 95%."): rows
 * start with their number, in sequence, on a line of their own or before the text; the columns after
 * the indicator (lead unit, partners, deadline) are cut off after the row's last value.
 */
export function extractFlatTables(lines: SourceLine[], ctx: ExtractContext, consumed: Set<number>): RowCandidate[] {
  const rows: RowCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = lines[i]!;
    if (consumed.has(h.n) || h.text.includes("\t")) continue;
    const header = HEADER.exec(h.text);
    if (!header) continue;
    const hasTargetColumn = /chỉ tiêu (năm|phấn đấu)|kế hoạch/iu.test(header[2] ?? "");
    const title = lines.slice(Math.max(0, i - 6), i + 1).map((l) => l.text).join(" ");
    const year = yearIn(title) ?? ctx.docYear;
    let last = 0;
    let current: { n: number; lines: SourceLine[]; text: string[] } | null = null;
    const flush = () => {
      if (!current || current.text.join(" ").trim() === "") return;
      const text = cutTrailingColumns(current.text.join(" ").replace(/\s+/g, " ").trim());
      rows.push({
        extractor: "flat-table", source_line: current.lines[0]!.n, source_ref: String(current.n),
        source_text: current.lines.map((l) => l.raw).join("\n"), text, unit_hint: null, cells: [],
        text_measure: hasTargetColumn ? null : "target", year, summary: false,
      });
    };
    consumed.add(h.n);
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      const t = line.text.trim();
      if (t === "") continue;
      if (STOP.test(t) || line.text.includes("\t")) break;
      const m = ROW_START.exec(t);
      const n = m ? Number(m[1]) : NaN;
      // A row number comes in sequence (a gap of a few is a row the author skipped); "90% hồ sơ…" is not one.
      if (m && n > last && n <= last + 4 && !/^\d+\s*(%|\/)/.test(t)) {
        flush();
        current = { n, lines: [line], text: m[2] ? [m[2]] : [] };
        last = n;
      } else if (current) {
        current.lines.push(line);
        current.text.push(t);
      }
      consumed.add(line.n);
    }
    flush();
  }
  return rows;
}

/** "… đạt 90%. Các doanh nghiệp viễn thông Phòng VHTT Năm 2024" → "… đạt 90%." */
export function cutTrailingColumns(text: string): string {
  const values = findValuesInText(text);
  const after = values.length > 0 ? values[values.length - 1]!.end : Math.min(20, text.length);
  for (const m of text.matchAll(TRAILING_COLUMN)) {
    if (m.index >= after) return text.slice(0, m.index).trim();
  }
  return text;
}
