import { Parser } from "htmlparser2";
import { readHeader } from "../extract/table-header.ts";
import { normaliseLine } from "../normalise/normalise-line.ts";
import { tableRowLine, type DocumentLine } from "./document-lines.ts";
import type { ZipArchive } from "./zip.ts";
import { formatCellNumber, isDateFormat } from "./xlsx-number-format.ts";

interface SheetRef { name: string; path: string; hidden: boolean }
interface RawCell { col: number; type: string; style: number; value: string }

const parseXml = (xml: string, handlers: ConstructorParameters<typeof Parser>[0]) => {
  const parser = new Parser(handlers, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
};

/** Column letters → 0-based index ("A" → 0, "AA" → 26). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/[^A-Z]/gi, "").toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * An .xlsx workbook as document lines, sheet by sheet in tab order (hidden sheets skipped). A row
 * with a single filled cell in column A is a paragraph (titles, headings, prose merged across the
 * sheet); any other row is a table row, its cells tab-separated in column order so that columns line
 * up down the sheet (a merged range is one cell; columns empty all through a table are left out). Numbers are written the way a Vietnamese reader sees them: percent formats as
 * "96,8%", decimals with a comma, dates as dd/mm/yyyy. A merged range shows its value in its first
 * cell and leaves the others empty, as Excel does.
 */
export function readXlsx(zip: ZipArchive): DocumentLine[] {
  const strings = zip.has("xl/sharedStrings.xml") ? sharedStrings(zip.readText("xl/sharedStrings.xml")) : [];
  const styles = zip.has("xl/styles.xml") ? cellFormats(zip.readText("xl/styles.xml")) : [];
  const { sheets, date1904 } = workbookSheets(zip);
  const lines: DocumentLine[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden || !zip.has(sheet.path)) continue;
    let block: { cells: string[]; location: string }[] = [];
    const flush = () => { lines.push(...withoutEmptyColumns(block)); block = []; };
    const { rows, merges } = sheetRows(zip.readText(sheet.path));
    for (const { row, cells } of rows) {
      const covered = coveredColumns(merges, row);
      const texts: string[] = [];
      for (const c of cells) if (!covered.has(c.col)) texts[c.col] = cellText(c, strings, styles, date1904);
      const filled = texts.map((t, i) => (t && t.trim() !== "" ? i : -1)).filter((i) => i >= 0);
      if (filled.length === 0) continue;
      const location = `sheet ${sheet.name}, row ${row}`;
      if (filled.length === 1 && filled[0] === 0) {
        flush();
        lines.push({ text: texts[0]!.replace(/\s+/g, " ").trim(), location });
      } else {
        block.push({ cells: Array.from({ length: filled[filled.length - 1]! + 1 }, (_, i) => i).filter((i) => !covered.has(i)).map((i) => texts[i] ?? ""), location });
      }
    }
    flush();
  }
  return lines;
}

interface Merge { r0: number; r1: number; c0: number; c1: number }

/** Columns of `row` that a merged range covers to the right of its first cell: they are not cells of their own. */
function coveredColumns(merges: Merge[], row: number): Set<number> {
  const covered = new Set<number>();
  for (const m of merges) if (row >= m.r0 && row <= m.r1) for (let c = m.c0 + 1; c <= m.c1; c++) covered.add(c);
  return covered;
}

function parseMerge(ref: string): Merge | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(ref);
  if (!m) return null;
  return { c0: columnIndex(m[1]!), r0: Number(m[2]), c1: columnIndex(m[3]!), r1: Number(m[4]) };
}

/**
 * A run of table rows with the columns that are empty in every row of a table taken out: a header
 * merged over two columns, or a table laid out under wider merged cells, leaves such columns. A
 * header row starts a new table (its repeat after a page break may be merged differently).
 */
function withoutEmptyColumns(rows: { cells: string[]; location: string }[]): DocumentLine[] {
  const tables: (typeof rows)[] = [];
  for (const row of rows) {
    if (tables.length === 0 || readHeader(row.cells.map(normaliseLine)) !== null) tables.push([]);
    tables[tables.length - 1]!.push(row);
  }
  return tables.flatMap((table) => {
    const width = Math.max(0, ...table.map((r) => r.cells.length));
    const used = Array.from({ length: width }, (_, i) => table.some((r) => (r.cells[i] ?? "").trim() !== ""));
    return table.map((r) => tableRowLine(r.cells.filter((_, i) => used[i]), r.location));
  });
}

function cellText(c: RawCell, strings: string[], styles: string[], date1904: boolean): string {
  if (c.type === "s") return strings[Number(c.value)] ?? "";
  if (c.type === "inlineStr" || c.type === "str") return c.value;
  if (c.type === "b") return c.value === "1" ? "TRUE" : "FALSE";
  if (c.type === "e") return "";
  if (c.value === "") return "";
  const n = Number(c.value);
  if (!Number.isFinite(n)) return c.value;
  const format = styles[c.style] ?? "General";
  if (isDateFormat(format)) return excelDate(n, date1904);
  return formatCellNumber(n, format);
}

function excelDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.round(serial * 86400) * 1000);
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let skip = 0; // phonetic runs (rPh) are not part of the text
  parseXml(xml, {
    onopentag(name) {
      if (name === "si") current = "";
      else if (name === "rPh") skip++;
      else if (name === "t" && skip === 0) inText = true;
    },
    ontext(text) { if (inText && current !== null) current += text; },
    onclosetag(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") skip--;
      else if (name === "si") { out.push(current ?? ""); current = null; }
    },
  });
  return out;
}

/** Number format code of every cell style (cellXfs), built-in ids resolved. */
function cellFormats(xml: string): string[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    onopentag(name, attrs) {
      if (name === "numFmt") custom.set(Number(attrs.numFmtId), attrs.formatCode ?? "General");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfs.push(Number(attrs.numFmtId ?? 0));
    },
    onclosetag(name) { if (name === "cellXfs") inCellXfs = false; },
  });
  return xfs.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: "dd/mm/yyyy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

function workbookSheets(zip: ZipArchive): { sheets: SheetRef[]; date1904: boolean } {
  const rels = new Map<string, string>();
  if (zip.has("xl/_rels/workbook.xml.rels")) {
    parseXml(zip.readText("xl/_rels/workbook.xml.rels"), {
      onopentag(name, attrs) {
        if (name === "Relationship" && attrs.Id && attrs.Target) {
          const target = attrs.Target.startsWith("/") ? attrs.Target.slice(1) : `xl/${attrs.Target}`;
          rels.set(attrs.Id, target.replace(/\/\.\//g, "/"));
        }
      },
    });
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXml(zip.readText("xl/workbook.xml"), {
    onopentag(name, attrs) {
      if (name === "workbookPr") date1904 = attrs.date1904 === "1" || attrs.date1904 === "true";
      if (name === "sheet") {
        const id = attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
        sheets.push({ name: attrs.name ?? `sheet ${sheets.length + 1}`, path: rels.get(id) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`, hidden: attrs.state === "hidden" || attrs.state === "veryHidden" });
      }
    },
  });
  return { sheets, date1904 };
}

/** Rows of one worksheet in order, each with its cells (formulas give their cached value), and its merged ranges. */
function sheetRows(xml: string): { rows: { row: number; cells: RawCell[] }[]; merges: Merge[] } {
  const rows: { row: number; cells: RawCell[] }[] = [];
  const merges: Merge[] = [];
  let row: { row: number; cells: RawCell[] } | null = null;
  let cell: RawCell | null = null;
  let capture: "v" | "t" | null = null;
  let nextCol = 0;
  parseXml(xml, {
    onopentag(name, attrs) {
      if (name === "mergeCell" && attrs.ref) {
        const m = parseMerge(attrs.ref);
        if (m) merges.push(m);
      } else if (name === "row") {
        row = { row: attrs.r ? Number(attrs.r) : (rows[rows.length - 1]?.row ?? 0) + 1, cells: [] };
        nextCol = 0;
      } else if (name === "c" && row) {
        const col = attrs.r ? columnIndex(attrs.r) : nextCol;
        cell = { col, type: attrs.t ?? "n", style: Number(attrs.s ?? 0), value: "" };
        nextCol = col + 1;
      } else if (cell && (name === "v" || name === "t")) {
        capture = name;
      }
    },
    ontext(text) { if (cell && capture) cell.value += text; },
    onclosetag(name) {
      if (name === "v" || name === "t") capture = null;
      else if (name === "c" && row && cell) { row.cells.push(cell); cell = null; }
      else if (name === "row" && row) { rows.push(row); row = null; }
    },
  });
  return { rows, merges };
}
