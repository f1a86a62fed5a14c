import { tableRowLine, type DocumentLine } from "./document-lines.ts";
import { findGrids, gridBox, gridRowsWithRuns, inGrid, type Ruling } from "./pdf-grid.ts";

/** One run of text on a PDF page, in PDF points (y grows upwards). */
export interface TextItem {
  text: string; x: number; y: number; width: number; size: number;
  /** A word read by OCR: its confidence (0–100) and its box in the page image (pixels). */
  ocr?: { confidence: number; box: [number, number, number, number] };
}

/** Where a line of the page stands, from the runs it was made of (OCR lines name their box and confidence). */
export type Locate = (items: TextItem[]) => string;

/** Text items that sit on one baseline, split into segments where a gap is wider than a space. */
interface Line { y: number; size: number; segments: Segment[] }
interface Segment { x0: number; x1: number; text: string; items: TextItem[] }

const GAP_EM = 0.9; // a gap wider than this (in font sizes) separates table cells, not words
const TOL = 3; // points: how far apart two column starts may be and still be one column

/**
 * Rebuilds the lines and tables of one PDF page from positioned text:
 * 1. items on one baseline form a line; a gap wider than ~1 em splits it into segments;
 * 2. a table is a run of lines whose every segment fits inside one column (columns start where the
 *    segments of multi-segment lines start), so a wrapped cell's lone continuation line belongs to
 *    its table while a paragraph crossing the columns does not;
 * 3. a table's rows are separated by a vertical gap larger than the text's own line spacing (cell
 *    padding); where rows are spaced like text, a filled first column starts a row instead;
 * 4. a row's cells are the column's lines joined top to bottom, written as one tab-separated line;
 * 5. outside tables, a line that reaches the right margin continues on the next line at normal
 *    spacing (the PDF wrapped one paragraph), unless that line starts a list item.
 * Page numbers alone on the first or last line are dropped.
 */
export function layoutPage(items: TextItem[], page: number, locate: Locate = () => `page ${page}`): PageLayout {
  const lines = dropPageNumbers(toLines(items));
  const out: DocumentLine[] = [];
  const tableStarts: string[] = [];
  const runs: TextItem[][] = []; // per output line, the runs it was made of
  const itemsOf = (ls: Line[]) => ls.flatMap((l) => l.segments.flatMap((s) => s.items));
  const right = Math.max(0, ...lines.filter((l) => l.segments.length === 1).map((l) => l.segments[0]!.x1));
  let previous: Line | null = null; // the last line written as text, while its paragraph may go on
  let i = 0;
  while (i < lines.length) {
    const block = tableBlock(lines, i);
    if (block) {
      const rows = tableRows(lines.slice(i, block.end), block.columns).map((row) => tableRowLine(row.cells, locate(itemsOf(row.lines))));
      tableStarts.push(rows[0]!.text);
      out.push(...rows);
      runs.push(...rows.map(() => []));
      i = block.end;
      previous = null;
    } else {
      const line = lines[i]!;
      const text = line.segments.map((s) => s.text).join(" ");
      if (previous && continuesParagraph(previous, line, right, text)) {
        out[out.length - 1]!.text += ` ${text}`;
        runs[runs.length - 1]!.push(...itemsOf([line]));
        out[out.length - 1]!.location = locate(runs[runs.length - 1]!);
      } else {
        runs.push(itemsOf([line]));
        out.push({ text, location: locate(runs[runs.length - 1]!) });
      }
      previous = line;
      i++;
    }
  }
  return { lines: out, tableStarts };
}

const LIST_ITEM = /^(?:[-–—+•▪●*]|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|[IVXLC]+\.\s|[A-Z]\.\s)/u;

function continuesParagraph(prev: Line, line: Line, right: number, text: string): boolean {
  const end = prev.segments[prev.segments.length - 1]!.x1;
  return prev.y - line.y <= 1.6 * Math.max(prev.size, line.size) && end >= right - 2.5 * prev.size && !LIST_ITEM.test(text);
}

export interface PageLayout { lines: DocumentLine[]; tableStarts: string[] }

/**
 * The pages in order, with the rows a word processor repeats at the top of each page of a long
 * table ("repeat as header row") taken out where the previous page ended inside a table: the first
 * row of a page that equals the first row of a table begun on an earlier page.
 */
export function joinPages(pages: PageLayout[]): DocumentLine[] {
  const out: DocumentLine[] = [];
  const starts = new Set<string>();
  for (const page of pages) {
    const first = page.lines[0];
    const previous = out[out.length - 1];
    const repeated = first !== undefined && previous !== undefined && first.text.includes("\t") && previous.text.includes("\t") && starts.has(first.text);
    out.push(...(repeated ? page.lines.slice(1) : page.lines));
    for (const s of page.tableStarts) starts.add(s);
  }
  return out;
}

function toLines(items: TextItem[]): Line[] {
  const sorted = items.filter((it) => it.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= 0.35 * Math.max(l.size, it.size));
    if (line) line.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  return lines.sort((a, b) => b.y - a.y).map((l) => {
    const segments: Segment[] = [];
    for (const it of l.items.sort((a, b) => a.x - b.x)) {
      const last = segments[segments.length - 1];
      const gap = last ? it.x - last.x1 : Infinity;
      if (last && gap < GAP_EM * l.size) {
        last.text += gap > 0.15 * l.size && !last.text.endsWith(" ") && !it.text.startsWith(" ") ? ` ${it.text}` : it.text;
        last.x1 = Math.max(last.x1, it.x + it.width);
        last.items.push(it);
      } else {
        segments.push({ x0: it.x, x1: it.x + it.width, text: it.text, items: [it] });
      }
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, " ").trim();
    return { y: l.y, size: l.size, segments };
  });
}

function dropPageNumbers(lines: Line[]): Line[] {
  const isNumber = (l: Line | undefined) => l !== undefined && l.segments.length === 1 && /^(?:-\s*)?(?:\d{1,3}|trang \d+(?:\/\d+)?)(?:\s*-)?$/i.test(l.segments[0]!.text);
  let from = 0;
  let to = lines.length;
  if (isNumber(lines[0])) from++;
  if (to > from && isNumber(lines[to - 1])) to--;
  return lines.slice(from, to);
}

/**
 * The table that starts at line `start`, if one does: it needs a line with two or more segments,
 * and runs on while each line's segments each fit one column and lines stay close together.
 */
function tableBlock(lines: Line[], start: number): { end: number; columns: number[] } | null {
  // Seed columns from the multi-segment lines of the run ahead (until a line that crosses columns).
  const first = lines[start]!;
  let columns: number[] = [];
  let end = start;
  let sawMulti = false;
  for (let j = start; j < lines.length; j++) {
    const line = lines[j]!;
    const prev = lines[j - 1];
    if (j > start && prev && prev.y - line.y > 2.6 * Math.max(prev.size, line.size)) break;
    if (line.segments.length >= 2) {
      const merged = mergeColumns(columns, line.segments.map((s) => s.x0));
      if (columns.length > 0 && !fitsColumns(line, merged)) break;
      columns = merged;
      sawMulti = true;
    } else if (columns.length === 0) {
      // A lone line before any multi-segment line: only part of a table if the next lines make one.
      if (j - start > 8) return null;
      continue;
    } else if (!fitsColumns(line, columns)) {
      break;
    }
    end = j + 1;
  }
  if (!sawMulti || columns.length < 2) return null;
  // The lone lines before the first multi-segment line must fit the columns too (cells wrapped above).
  for (let j = start; j < end; j++) if (!fitsColumns(lines[j]!, columns)) return j === start ? null : { end: j, columns };
  if (first.segments.length < 2 && !fitsColumns(first, columns)) return null;
  return { end, columns };
}

function mergeColumns(columns: number[], starts: number[]): number[] {
  const out = [...columns];
  for (const x of starts) if (!out.some((c) => Math.abs(c - x) <= TOL)) out.push(x);
  return out.sort((a, b) => a - b);
}

/** Every segment starts at a column and ends before the next column begins. */
function fitsColumns(line: Line, columns: number[]): boolean {
  return line.segments.every((s) => {
    const k = columnOf(s.x0, columns);
    if (k < 0) return false;
    const next = columns[k + 1];
    return next === undefined || s.x1 <= next + TOL;
  });
}

function columnOf(x: number, columns: number[]): number {
  return columns.findIndex((c) => Math.abs(c - x) <= TOL);
}

/** Groups a table's lines into rows and joins each column's lines into a cell. */
function tableRows(lines: Line[], columns: number[]): { cells: string[]; lines: Line[] }[] {
  const gaps = lines.slice(1).map((l, k) => lines[k]!.y - l.y);
  const leading = typicalLeading(lines, gaps);
  const spaced = gaps.some((g) => g > leading + 1.2);
  const rows: Line[][] = [];
  lines.forEach((line, k) => {
    const startsRow = k === 0 || (spaced ? gaps[k - 1]! > leading + 1.2 : line.segments.some((s) => columnOf(s.x0, columns) === 0));
    if (startsRow) rows.push([line]);
    else rows[rows.length - 1]!.push(line);
  });
  return rows.map((row) => {
    const cells = columns.map(() => [] as string[]);
    for (const line of row) for (const s of line.segments) cells[Math.max(0, columnOf(s.x0, columns))]!.push(s.text);
    return { cells: cells.map(joinCellLines), lines: row };
  });
}

/** Line spacing inside a cell: the smallest gap between two lines that continue the same column. */
function typicalLeading(lines: Line[], gaps: number[]): number {
  const candidates = gaps.filter((g) => g > 0).sort((a, b) => a - b);
  const size = lines[0]?.size ?? 12;
  const smallest = candidates[0] ?? size * 1.15;
  // Gaps within a cell cluster at the smallest value; take the upper end of that cluster.
  return candidates.filter((g) => g <= smallest + 0.8).pop() ?? smallest;
}

/**
 * A cell's lines as one text. A narrow column can break a word ("phườn" / "g"): a line that starts
 * with a lower-case fragment that has no vowel is glued to the line before it.
 */
function joinCellLines(parts: string[]): string {
  return parts.reduce((acc, part) => {
    if (acc === "") return part;
    const fragment = /^\p{Ll}+(?=[\s.,;:)]|$)/u.exec(part)?.[0] ?? "";
    const glue = fragment !== "" && !/[aăâeêioôơuưy]/u.test(fragment.normalize("NFD").replace(/\p{M}/gu, "")) && /\p{Ll}$/u.test(acc);
    return glue ? acc + part : `${acc} ${part}`;
  }, "");
}

/**
 * A page whose tables have drawn borders: each grid's rows come from its cells (pdf-grid.ts), and the
 * text above, between and below the grids is laid out as any page is. Without rulings that make a
 * grid around some text, this is `layoutPage`.
 */
export function layoutRuledPage(items: TextItem[], rulings: Ruling[], page: number, locate: Locate = () => `page ${page}`): PageLayout {
  const grids = findGrids(rulings).filter((g) => items.some((it) => inGrid(g, it)));
  if (grids.length === 0) return layoutPage(items, page, locate);
  const lines: DocumentLine[] = [];
  const tableStarts: string[] = [];
  let rest = items;
  const text = (part: TextItem[]) => {
    if (part.length === 0) return;
    const laid = layoutPage(part, page, locate);
    lines.push(...laid.lines);
    tableStarts.push(...laid.tableStarts);
  };
  for (const g of grids) {
    const top = gridBox(g).y1;
    const inside = rest.filter((it) => inGrid(g, it));
    text(rest.filter((it) => !inGrid(g, it) && it.y > top));
    const rows = gridRowsWithRuns(g, inside).map((r) => tableRowLine(r.cells, locate(r.runs)));
    if (rows.length > 0) { tableStarts.push(rows[0]!.text); lines.push(...rows); }
    rest = rest.filter((it) => !inGrid(g, it) && it.y <= top);
  }
  text(rest);
  return { lines, tableStarts };
}
