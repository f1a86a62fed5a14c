import type { TextItem } from "./pdf-layout.ts";

// Tables with drawn borders, as Word and LibreOffice export them: the page's ruling lines give the
// grid, and each text run goes to the cell it stands in. Pure: read-pdf.ts walks pdf.js's operator
// list (the I/O edge) and hands over the lines in page coordinates.

/** A drawn straight line (or the long axis of a thin filled rectangle), in PDF points, y upwards. */
export interface Ruling { x0: number; y0: number; x1: number; y1: number }

/** A table's grid: row boundaries top to bottom, column boundaries left to right, and its lines. */
export interface Grid {
  ys: number[];
  xs: number[];
  horizontals: Ruling[];
  verticals: Ruling[];
}

const SNAP = 2.5; // points: lines this close are one boundary (Word draws double borders ~0.5 pt apart)

const isHorizontal = (r: Ruling) => Math.abs(r.y1 - r.y0) < 0.8 && Math.abs(r.x1 - r.x0) >= 4;
const isVertical = (r: Ruling) => Math.abs(r.x1 - r.x0) < 0.8 && Math.abs(r.y1 - r.y0) >= 4;
const norm = (r: Ruling): Ruling => ({ x0: Math.min(r.x0, r.x1), x1: Math.max(r.x0, r.x1), y0: Math.min(r.y0, r.y1), y1: Math.max(r.y0, r.y1) });

/** Positions within SNAP of each other, merged (their mean). */
function levels(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: { sum: number; n: number; last: number }[] = [];
  for (const v of sorted) {
    const cur = out[out.length - 1];
    if (cur && v - cur.last <= SNAP) { cur.sum += v; cur.n++; cur.last = v; } else out.push({ sum: v, n: 1, last: v });
  }
  return out.map((c) => c.sum / c.n);
}

/**
 * The tables a page's rulings draw: groups of horizontal and vertical lines that touch one another,
 * making at least two cells (a lone underline, a page frame or a text box is not a table).
 */
export function findGrids(rulings: Ruling[]): Grid[] {
  const hs = rulings.map(norm).filter(isHorizontal);
  const vs = rulings.map(norm).filter(isVertical);
  const all = [...hs.map((r) => ({ r, h: true })), ...vs.map((r) => ({ r, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const touches = (h: Ruling, v: Ruling) => v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP;
  for (let i = 0; i < all.length; i++) {
    if (!all[i]!.h) continue;
    for (let j = 0; j < all.length; j++) {
      if (all[j]!.h || !touches(all[i]!.r, all[j]!.r)) continue;
      parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { h: Ruling[]; v: Ruling[] }>();
  all.forEach((a, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (a.h ? g.h : g.v).push(a.r);
    groups.set(find(i), g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const ys = levels(g.h.map((r) => r.y0)).reverse();
    const xs = levels(g.v.map((r) => r.x0));
    // One cell is a frame (a page border, a text box), not a table.
    if (ys.length < 2 || xs.length < 2 || (ys.length - 1) * (xs.length - 1) < 2) continue;
    grids.push({ ys, xs, horizontals: g.h, verticals: g.v });
  }
  return grids.sort((a, b) => b.ys[0]! - a.ys[0]!);
}

/** Whether a vertical line at column boundary x runs through the band between y (top) and y2. */
const hasVertical = (g: Grid, x: number, top: number, bottom: number) => {
  const mid = (top + bottom) / 2;
  return g.verticals.some((v) => Math.abs(v.x0 - x) <= SNAP && v.y0 <= mid && v.y1 >= mid);
};

/**
 * A grid's rows grouped into bands that share their column lines (in points, y upwards): a table
 * whose columns change part-way (two tables drawn touching, or a group row merged across all
 * columns) is read band by band, so no column strip cuts through another band's cells.
 */
export function columnBands(g: Grid): { top: number; bottom: number; xs: number[] }[] {
  const bands: { top: number; bottom: number; xs: number[] }[] = [];
  for (const { top, bottom, bounds: xs } of rowBounds(g)) {
    const last = bands[bands.length - 1];
    if (last && last.xs.join() === xs.join()) last.bottom = bottom;
    else bands.push({ top, bottom, xs });
  }
  return bands;
}

/** Each row of the grid with its own column boundaries: the verticals that cross it (rows crossed by fewer than two are left out). */
function rowBounds(g: Grid): { top: number; bottom: number; bounds: number[] }[] {
  const rows = [];
  for (let r = 0; r + 1 < g.ys.length; r++) {
    const top = g.ys[r]!, bottom = g.ys[r + 1]!;
    const bounds = g.xs.filter((x) => hasVertical(g, x, top, bottom));
    if (bounds.length >= 2) rows.push({ top, bottom, bounds });
  }
  return rows;
}

/** The grid's bounding box, a little wider: text on its border lines is still inside. */
export const gridBox = (g: Grid) => ({ x0: g.xs[0]! - 1, x1: g.xs[g.xs.length - 1]! + 1, y0: g.ys[g.ys.length - 1]! - 1, y1: g.ys[0]! + 1 });

/** Whether a text run stands inside the grid (by the middle of its first letters' line). */
export function inGrid(g: Grid, it: TextItem): boolean {
  const b = gridBox(g);
  const x = it.x + Math.min(it.width, it.size) / 2;
  const y = it.y + it.size * 0.3;
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
}

/**
 * The grid's rows as cells of text. A cell's runs are read top to bottom, left to right, and its
 * wrapped lines joined with a space, wherever the text sits in the cell (top, centre or bottom). Where
 * no vertical line separates two columns in a row, they are one merged cell: a row merged across the
 * whole table (a group title, "a) Chính quyền số") is one cell. A cell spanning several rows keeps
 * its text in the row it stands in, the others empty. Rows with no text are left out.
 */
export function gridRows(g: Grid, items: TextItem[]): string[][] {
  return gridRowsWithRuns(g, items).map((r) => r.cells);
}

/** `gridRows`, with the runs each row was made of (for its location: an OCR row names its box). */
export function gridRowsWithRuns(g: Grid, items: TextItem[]): { cells: string[]; runs: TextItem[] }[] {
  // Each row's own column boundaries: the verticals that cross it. Two tables drawn one under the other
  // touch, so they come as one grid; a change of the outer edges starts the next table's columns.
  const bands = rowBounds(g);
  const segments: { bands: typeof bands; xs: number[] }[] = [];
  for (const b of bands) {
    const seg = segments[segments.length - 1];
    const same = seg && Math.abs(seg.bands[0]!.bounds[0]! - b.bounds[0]!) <= SNAP && Math.abs(seg.bands[0]!.bounds[seg.bands[0]!.bounds.length - 1]! - b.bounds[b.bounds.length - 1]!) <= SNAP;
    if (same) { seg.bands.push(b); for (const x of b.bounds) if (!seg.xs.some((y) => Math.abs(y - x) <= SNAP)) seg.xs.push(x); }
    else segments.push({ bands: [b], xs: [...b.bounds] });
  }
  const rows: { cells: string[]; runs: TextItem[] }[] = [];
  for (const seg of segments) {
    seg.xs.sort((a, b) => a - b);
    for (const { top, bottom, bounds } of seg.bands) {
      const cells: TextItem[][] = bounds.slice(1).map(() => []);
      for (const it of items) {
        const y = it.y + it.size * 0.3;
        if (y > top + 1 || y < bottom - 1) continue;
        const x = it.x + Math.min(it.width, it.size) / 2;
        const c = bounds.findIndex((b, i) => i + 1 < bounds.length && x >= b - 1 && x <= bounds[i + 1]! + 1);
        if (c >= 0) cells[c]!.push(it);
      }
      const text = cells.map(cellText);
      if (text.every((t) => t === "")) continue;
      // A merged cell keeps its place: the columns it spans follow it empty, so the rows of one table
      // have its width.
      const spread: string[] = [];
      for (let c = 0; c < text.length; c++) {
        const span = seg.xs.filter((x) => x > bounds[c]! + SNAP && x < bounds[c + 1]! - SNAP).length;
        spread.push(text[c]!, ...Array<string>(span).fill(""));
      }
      rows.push({ cells: spread, runs: cells.flat() });
    }
  }
  return rows;
}

/** A cell's runs as one string: lines top to bottom (runs on one baseline left to right), joined by spaces. */
function cellText(items: TextItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; parts: TextItem[] }[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= 0.35 * Math.max(l.size, it.size));
    if (line) line.parts.push(it);
    else lines.push({ y: it.y, size: it.size, parts: [it] });
  }
  return lines.map((l) => {
    let s = "";
    let end = -Infinity;
    for (const p of l.parts.sort((a, b) => a.x - b.x)) {
      const gap = p.x - end;
      s += s !== "" && gap > 0.15 * l.size && !s.endsWith(" ") && !p.text.startsWith(" ") ? ` ${p.text}` : p.text;
      end = Math.max(end, p.x + p.width);
    }
    return s;
  }).join(" ").replace(/\s+/g, " ").trim();
}
