import { Parser } from "htmlparser2";
import { tableRowLine, textLines, type DocumentLine } from "./document-lines.ts";

interface Cell { text: string; colspan: number; rowspan: number }
interface TableState { rows: Cell[][]; row: Cell[] | null; cell: Cell | null; index: number }

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote", "pre", "caption"]);

/**
 * The HTML a Word file converts to (mammoth: p, h1–h6, ul/ol/li, table/tr/td/th with colspan and
 * rowspan) as document lines. Paragraphs are lines; a table row is one tab-separated line, with a
 * cell spanning n columns followed by n−1 empty cells and a cell spanning rows leaving its column
 * empty below, so every row of a table has its columns in the same place. A table inside a cell is
 * flattened into the cell's text. Numbered lists get their numbers written out ("1. ", "2. "),
 * because Word keeps them as list numbering, not text.
 */
export function htmlToLines(html: string, locate: { paragraph: (n: number) => string; row: (table: number, row: number) => string }): DocumentLine[] {
  const lines: DocumentLine[] = [];
  const tables: TableState[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let tableCount = 0;
  let paragraphCount = 0;
  let buffer = "";

  const flushParagraph = () => {
    const text = buffer.replace(/[ \t]+/g, " ").replace(/ ?\n ?/g, "\n").trim();
    buffer = "";
    if (text === "") return;
    paragraphCount++;
    lines.push(...textLines(text, locate.paragraph(paragraphCount), "space"));
  };
  const current = () => tables[tables.length - 1];

  const parser = new Parser({
    onopentag(name, attrs) {
      const table = current();
      if (name === "table") {
        if (table?.cell) { table.cell.text += " "; tables.push({ rows: [], row: null, cell: null, index: table.index }); return; }
        flushParagraph();
        tables.push({ rows: [], row: null, cell: null, index: ++tableCount });
      } else if (name === "tr" && table && !table.cell) {
        table.row = [];
      } else if ((name === "td" || name === "th") && table?.row) {
        table.cell = { text: "", colspan: span(attrs.colspan), rowspan: span(attrs.rowspan) };
      } else if (name === "br") {
        if (table?.cell) table.cell.text += " ";
        else buffer += "\n";
      } else if (name === "ol" || name === "ul") {
        lists.push({ ordered: name === "ol", n: 0 });
      } else if (BLOCKS.has(name)) {
        if (table?.cell) { table.cell.text += " "; }
        else flushParagraph();
        if (name === "li") {
          const list = lists[lists.length - 1];
          if (list) { list.n++; const mark = list.ordered ? `${list.n}. ` : "- "; if (table?.cell) table.cell.text += mark; else buffer += mark; }
        }
      }
    },
    ontext(data) {
      const table = current();
      if (table?.cell) table.cell.text += data;
      else if (!table) buffer += data;
    },
    onclosetag(name) {
      const table = current();
      if (name === "table" && table) {
        tables.pop();
        const outer = current();
        if (outer?.cell) { outer.cell.text += ` ${flattenNested(table)} `; return; }
        lines.push(...layoutTable(table, locate.row));
      } else if ((name === "td" || name === "th") && table?.cell && table.row) {
        table.row.push(table.cell);
        table.cell = null;
      } else if (name === "tr" && table?.row && !table.cell) {
        table.rows.push(table.row);
        table.row = null;
      } else if (name === "ol" || name === "ul") {
        lists.pop();
      } else if (BLOCKS.has(name) && !table) {
        flushParagraph();
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  flushParagraph();
  return lines;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** Places cells on a grid, honouring colspan and rowspan, and writes one line per row. */
function layoutTable(table: TableState, locateRow: (table: number, row: number) => string): DocumentLine[] {
  const covered = new Map<number, number>(); // column → rows still covered by a rowspan above
  return table.rows.map((row, r) => {
    const out: string[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((covered.get(col) ?? 0) > 0) { covered.set(col, covered.get(col)! - 1); out.push(""); col++; }
    };
    for (const cell of row) {
      skipCovered();
      out.push(cell.text);
      if (cell.rowspan > 1) covered.set(col, cell.rowspan - 1);
      for (let k = 1; k < cell.colspan; k++) {
        out.push("");
        if (cell.rowspan > 1) covered.set(col + k, cell.rowspan - 1);
      }
      col += cell.colspan;
    }
    skipCovered();
    return tableRowLine(out, locateRow(table.index, r + 1));
  });
}

function flattenNested(table: TableState): string {
  return table.rows.map((row) => row.map((c) => c.text.trim()).filter(Boolean).join(" ")).join(" ");
}
