import type { SourceLine } from "../normalise/lines.ts";
import { readHeader, type ColumnRole } from "./table-header.ts";
import { unitHint, yearIn, type ExtractContext, type RowCandidate, type ValueCell } from "./row-candidate.ts";

// Tables that a web page or a converter flattened: every cell on a line of its own, or a row's cells
// on one line between "|". The header's cells name the columns ("Mục tiêu/Chỉ tiêu", "Đề ra năm 2023",
// "Kết quả thực hiện", "Đánh giá"); then each row is its indicator's text followed by its values. A
// row without values above "+ …" rows is their parent ("- Tỷ lệ văn bản … xử lý trên môi trường
// mạng" / "+ Cấp tỉnh" 97% 97%); one without values above an ordinary row is a group ("a) Chính quyền số").

const VALUE_CELL = /^\s*(?:[≥≤<>]=?\s*)?(?:(?:trên|dưới|tối thiểu|ít nhất|khoảng|gần|đạt)\s+)?\d[\d.,]*\s*%?\s*(?:\/\s*\d[\d.,]*)?\s*$|^\s*(?:đạt|vượt|không đạt|chưa đạt|hoàn thành|chưa hoàn thành|x|-|–)\s*$/iu;
const HEADER_CELL_MAX = 40;
const ROW_MAX = 300;
const STOP = /^\s*(?:[IVX]+\.\s|phần\s*[IVX\d]+(?![\p{L}\p{N}])|nơi nhận|trên đây)/iu;

/** Pipe rows ("STT | Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu cụ thể") as tab-separated rows, line numbers kept. */
export function pipesToTabs(lines: SourceLine[]): SourceLine[] {
  return lines.map((l) => {
    const cells = l.text.split("|");
    if (cells.length < 3 || /https?:\/\//u.test(l.text)) return l;
    const inner = cells[0]!.trim() === "" ? cells.slice(1) : cells;
    const trimmed = inner[inner.length - 1]!.trim() === "" ? inner.slice(0, -1) : inner;
    return trimmed.length >= 2 ? { ...l, text: trimmed.map((c) => c.trim()).join("\t") } : l;
  });
}

/** Cell-per-line tables: their rows, and the lines they used (so prose does not read them again). */
export function extractCellLineTables(lines: SourceLine[], ctx: ExtractContext, consumed: Set<number>): { rows: RowCandidate[]; used: Set<number> } {
  const rows: RowCandidate[] = [];
  const used = new Set<number>();
  const text = lines.filter((l) => l.text.trim() !== "" && !l.text.includes("\t") && !consumed.has(l.n));
  for (let i = 0; i < text.length; i++) {
    const header = headerAt(text, i);
    if (!header) continue;
    const { roles, size } = header;
    const valueRoles = roles.slice(1);
    // The nearest line above that names a year titles the table ("I. ĐÁNH GIÁ KẾT QUẢ NĂM 2024").
    const titleYear = text.slice(Math.max(0, i - 4), i).reverse().map((l) => yearIn(l.text)).find((y) => y !== null) ?? null;
    const targetYear = header.targetYear ?? titleYear ?? ctx.docYear;
    const resultYear = header.resultYear ?? titleYear ?? ctx.docYear;
    for (let k = i; k < i + size; k++) used.add(text[k]!.n);
    let j = i + size;
    let parent: string | null = null;
    while (j < text.length) {
      const label = text[j]!;
      if (STOP.test(label.text) || label.text.length > ROW_MAX || VALUE_CELL.test(label.text)) break;
      // The indicator's text may go on over a line or two before its values ("… đạt" / "(trừ …)").
      const labelLines = [label];
      let k = j + 1;
      while (k < text.length && !VALUE_CELL.test(text[k]!.text) && /^\s*\(/u.test(text[k]!.text)) labelLines.push(text[k++]!);
      const values: SourceLine[] = [];
      while (k < text.length && values.length < valueRoles.length && VALUE_CELL.test(text[k]!.text)) values.push(text[k++]!);
      const own = labelLines.map((l) => l.text.trim()).join(" ");
      if (values.length === 0) {
        // A parent of "+ …" rows, or a group row: it holds no values of its own.
        const next = text[k];
        parent = next && /^\s*\+/u.test(next.text) ? own.replace(/^[-–•]\s*/u, "") : null;
        for (const l of labelLines) used.add(l.n);
        j = k;
        if (!next || next.text.length > ROW_MAX) break;
        continue;
      }
      const isChild = /^\s*\+/u.test(own);
      const indicator = isChild && parent ? `${parent} ${own.replace(/^\+\s*/u, "")}` : own.replace(/^[-–•]\s*/u, "");
      if (!isChild) parent = null;
      const cell = (role: ColumnRole) => { const p = valueRoles.indexOf(role); return p >= 0 && p < values.length ? values[p]!.text.trim() : ""; };
      const cells: ValueCell[] = [];
      if (valueRoles.includes("target")) cells.push({ measure: "target", year: targetYear, raw: cell("target") });
      if (valueRoles.includes("result")) cells.push({ measure: "actual", year: resultYear, raw: cell("result") });
      rows.push({
        extractor: "table", source_line: label.n, source_ref: null,
        source_text: [...labelLines, ...values].map((l) => l.raw).join("\n"), text: indicator,
        unit_hint: unitHint(cell("unit")), cells, text_measure: cell("target") !== "" ? null : "target",
        year: targetYear, summary: false,
      });
      for (const l of [...labelLines, ...values]) used.add(l.n);
      j = k;
    }
    i = j - 1;
  }
  return { rows, used };
}

/** A run of 3–8 short lines that read as an indicator table's header, first cell the indicator's. */
function headerAt(lines: SourceLine[], i: number): { roles: (ColumnRole | null)[]; size: number; targetYear: number | null; resultYear: number | null } | null {
  for (let size = 3; size <= 8 && i + size <= lines.length; size++) {
    const cells = lines.slice(i, i + size).map((l) => l.text.trim());
    if (cells.some((c) => c.length > HEADER_CELL_MAX || VALUE_CELL.test(c))) return null;
    const h = readHeader(cells);
    if (h && h.roles[0] === "indicator" && (h.roles.includes("target") || h.roles.includes("result"))) {
      // The longest header: a further header-like cell belongs to it.
      const more = i + size < lines.length ? readHeader([...cells, lines[i + size]!.text.trim()]) : null;
      if (more && lines[i + size]!.text.trim().length <= HEADER_CELL_MAX && !VALUE_CELL.test(lines[i + size]!.text) && more.roles[size] !== null) continue;
      return { roles: h.roles, size, targetYear: h.targetYear, resultYear: h.resultYear };
    }
  }
  return null;
}
