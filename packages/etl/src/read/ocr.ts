import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TextItem } from "./pdf-layout.ts";
import { columnBands, findGrids, type Grid, type Ruling } from "./pdf-grid.ts";
import { skewAngle } from "./deskew.ts";

// Reading scanned pages: tesseract.js 7 with its Vietnamese model from node_modules (nothing is
// downloaded), pages rendered by pdf.js onto @napi-rs/canvas. The I/O edge of OCR; how words become
// lines and rows is pdf-layout.ts's, as for any PDF page.

/** One word the OCR read, with its box in image pixels and its confidence (0–100). */
export interface OcrWord {
  text: string; confidence: number; x0: number; y0: number; x1: number; y1: number;
  /** The OCR line's bottom and height: one baseline for its words, whatever their descenders. */
  lineBottom: number; lineHeight: number;
}
export interface OcrPage { words: OcrWord[]; width: number; height: number; confidence: number; rotation: 0 | 90 | 180 | 270 }

/** Dots per inch pages are rendered at for OCR (measured: 150 dpi reads A4 at confidence ~95 in ~3 s). */
export const OCR_DPI = 150;
/** Below this page confidence the page is tried turned by 90°, 180° and 270° (a scan fed sideways). */
const TRY_TURNS_BELOW = 70;

const require = createRequire(import.meta.url);
type Worker = { recognize(image: Buffer, opts?: object, output?: object): Promise<{ data: OcrData }>; terminate(): Promise<unknown> };
/** Part of an image, in pixels. */
export interface PixelRect { left: number; top: number; width: number; height: number }
type Box = { x0: number; y0: number; x1: number; y1: number };
interface OcrData { confidence: number; blocks: { paragraphs: { lines: { bbox: Box; words: { text: string; confidence: number; bbox: Box }[] }[] }[] }[] | null }

let shared: Promise<Worker> | null = null;

/** The OCR engine, started once per thread on first use (about 0.7 s) and reused for every page. */
function engine(): Promise<Worker> {
  if (!shared) {
    const { createWorker } = require("tesseract.js") as { createWorker: (lang: string, oem: number, opts: object) => Promise<Worker> };
    const langPath = join(dirname(require.resolve("@tesseract.js-data/vie/package.json")), "4.0.0_best_int");
    const cachePath = join(tmpdir(), "dx-atlas-ocr");
    mkdirSync(cachePath, { recursive: true });
    shared = createWorker("vie", 1, { langPath, cachePath, gzip: true, cacheMethod: "readOnly" });
  }
  return shared;
}

/** Stops the OCR engine (the end of a run): its worker thread would keep the process alive. */
export async function stopOcr(): Promise<void> {
  if (!shared) return;
  const w = await shared.catch(() => null);
  shared = null;
  await w?.terminate();
}

type Canvas = { width: number; height: number; getContext(t: "2d"): Ctx; toBuffer(mime: "image/png"): Buffer };
type Ctx = {
  translate(x: number, y: number): void; rotate(a: number): void; drawImage(img: unknown, x: number, y: number): void; fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }; createImageData(w: number, h: number): { data: Uint8ClampedArray }; putImageData(d: unknown, x: number, y: number): void;
};
type Image = { width: number; height: number };
const canvasLib = () => require("@napi-rs/canvas") as { createCanvas(w: number, h: number): Canvas; loadImage(b: Buffer): Promise<Image> };

/** An image drawn turned by `radians` about its centre onto a white canvas of `width` × `height`. */
function drawTurned(img: Image, width: number, height: number, radians: number): Canvas {
  const canvas = canvasLib().createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate(radians);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  return canvas;
}

/** A canvas's pixels as grey levels (0 black – 255 white). */
function grayOf(canvas: Canvas): Uint8Array {
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  const gray = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < gray.length; i++) gray[i] = (data[4 * i]! * 3 + data[4 * i + 1]! * 6 + data[4 * i + 2]!) / 10;
  return gray;
}

/**
 * One OCR pass over an image, or over one rectangle of it (the words' boxes stay in the image's
 * pixels). A rectangle (a table column, its borders painted out) is read as one block of text, page
 * segmentation mode 6: on scanned appendix pages, mode 4 (a column) dropped short cells ("1.", "Đạt",
 * "80%") that 6 kept.
 */
async function recognizeOnce(png: Buffer, width: number, height: number, rotation: OcrPage["rotation"], rect?: PixelRect): Promise<OcrPage> {
  const { data } = await (await engine()).recognize(png, rect ? { rectangle: rect, tessedit_pageseg_mode: "6", user_defined_dpi: String(OCR_DPI) } : { user_defined_dpi: String(OCR_DPI) }, { blocks: true });
  const words: OcrWord[] = [];
  for (const b of data.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) for (const w of l.words) {
    // A table's border read as a letter: "|", "|50%", "mở|phục".
    const text = w.text.replace(/^[|¦]+|[|¦]+$/gu, "").replace(/[|¦]+/gu, " ").trim()
      // The Vietnamese model has no "≥" or "≤" (its character set lacks them): it reads them as ">"
      // and "<". Plans write "≥ 80%" far more than "> 80%" (the samples: 7 to 0), so a bound read as
      // ">" is taken as "≥", and the review lists every OCR value with a bound to check.
      .replace(/^>(?=\d|$)/u, "≥").replace(/^<(?=\d|$)/u, "≤");
    if (text === "") continue;
    words.push({ text, confidence: w.confidence, ...w.bbox, lineBottom: l.bbox.y1, lineHeight: l.bbox.y1 - l.bbox.y0 });
  }
  return { words, width, height, confidence: data.confidence, rotation };
}

/** An image turned clockwise by a quarter turns. */
async function turned(png: Buffer, turns: 1 | 2 | 3): Promise<{ png: Buffer; width: number; height: number }> {
  const img = await canvasLib().loadImage(png);
  const [w, h] = turns === 2 ? [img.width, img.height] : [img.height, img.width];
  return { png: drawTurned(img, w, h, (turns * Math.PI) / 2).toBuffer("image/png"), width: w, height: h };
}

/**
 * A scanned page read whole: set straight, its ruled lines found (the grid logic's input, in points)
 * and painted out, then read by OCR. A page with a table is read column by column (each column of
 * each band of rows as one block of text, the rest of the page around the tables as a page): read as
 * one page, OCR's layout analysis runs a table's narrow columns into one another. A page read with
 * confidence under 70 is tried turned a quarter, a half and three quarters (a scan fed sideways or
 * upside down); if a turn reads better, the page is read again turned, its lines found anew.
 */
export async function readPageImage(png: Buffer, mayTurn = true): Promise<{ read: OcrPage; rulings: Ruling[] }> {
  const image = await straightened(png);
  const rulings = imageRulings(image.gray, image.width, image.height);
  const grids = findGrids(rulings);
  const upright = grids.length === 0 ? await recognizeOnce(image.png, image.width, image.height, 0) : await recognizeByColumns(image, grids);
  if (!mayTurn || (upright.confidence >= TRY_TURNS_BELOW && upright.words.length > 0)) return { read: upright, rulings };
  let best: { confidence: number; turns: 0 | 1 | 2 | 3; png?: Buffer } = { confidence: upright.words.length > 0 ? upright.confidence : -1, turns: 0 };
  for (const t of [1, 2, 3] as const) {
    const r = await turned(image.png, t);
    const page = await recognizeOnce(r.png, r.width, r.height, 0);
    if (page.words.length > 0 && page.confidence > best.confidence) best = { confidence: page.confidence, turns: t, png: r.png };
  }
  if (best.turns === 0) return { read: upright, rulings };
  const again = await readPageImage(best.png!, false);
  return { read: { ...again.read, rotation: (best.turns * 90) as OcrPage["rotation"] }, rulings: again.rulings };
}

/** A straightened page with tables: the page around them (tables painted white), then each column of each band of rows. */
async function recognizeByColumns(image: { gray: Uint8Array; width: number; height: number }, grids: Grid[]): Promise<OcrPage> {
  const { gray, width, height } = image;
  const k = 72 / OCR_DPI, hPt = height * k;
  const px = (pt: number) => Math.round(pt / k);
  const boxes = grids.map((g) => ({ left: px(g.xs[0]!), right: px(g.xs[g.xs.length - 1]!), top: px(hPt - g.ys[0]!), bottom: px(hPt - g.ys[g.ys.length - 1]!) }));
  const clean = withoutRulings(gray, width, height);
  const around = clean.slice();
  for (const b of boxes) for (let y = Math.max(0, b.top); y < Math.min(height, b.bottom); y++) around.fill(255, y * width + Math.max(0, b.left), y * width + Math.min(width, b.right));
  const words = [...(await recognizeOnce(grayPng(around, width, height), width, height, 0)).words];
  const cleanPng = grayPng(clean, width, height);
  for (const g of grids) for (const band of columnBands(g)) for (let i = 0; i + 1 < band.xs.length; i++) {
    const left = Math.max(0, px(band.xs[i]!) + 2), right = Math.min(width, px(band.xs[i + 1]!) - 2);
    const top = Math.max(0, px(hPt - band.top) + 2), bottom = Math.min(height, px(hPt - band.bottom) - 2);
    if (right - left < 8 || bottom - top < 8 || !hasInk(clean, width, left, top, right, bottom)) continue;
    words.push(...(await recognizeOnce(cleanPng, width, height, 0, { left, top, width: right - left, height: bottom - top })).words);
  }
  const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
  return { words, width, height, confidence, rotation: 0 };
}

/** Whether a rectangle of the page holds any ink (an empty cell column is not worth an OCR pass). */
function hasInk(gray: Uint8Array, width: number, left: number, top: number, right: number, bottom: number): boolean {
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) if (isInk(gray[y * width + x]!)) return true;
  return false;
}

/**
 * The ruled lines of a page image (a scanned table's borders), in points with y upwards, as
 * pdf-grid.ts takes them from a PDF's drawing: runs of dark pixels at least ~1.5 cm long, across a
 * row (horizontal) or down a column (vertical). Letters make short runs; underlines and frames are not
 * grids and pdf-grid.ts leaves them out.
 */
export function imageRulings(gray: Uint8Array, width: number, height: number, dpi = OCR_DPI): Ruling[] {
  const k = 72 / dpi;
  const hPt = height * k;
  return thinned(ruledRuns(gray, width, height, dpi)).map((r) => r.horizontal
    ? { x0: r.from * k, x1: r.to * k, y0: hPt - r.at * k, y1: hPt - r.at * k }
    : { x0: r.at * k, x1: r.at * k, y0: hPt - r.to * k, y1: hPt - r.from * k });
}

/**
 * One ruling per drawn line: a scanned line is 2–4 pixels thick, so it comes as runs on adjacent rows
 * (or columns); they are one line, at their middle. Kept apart, two tables' edges a few pixels apart
 * would chain into one column boundary.
 */
function thinned(runs: PixelRun[]): PixelRun[] {
  const out: PixelRun[] = [];
  for (const horizontal of [true, false]) {
    const groups: { at: number[]; last: number; from: number; to: number }[] = [];
    for (const r of runs.filter((x) => x.horizontal === horizontal).sort((a, b) => a.at - b.at || a.from - b.from)) {
      const g = groups.find((x) => r.at - x.last <= 1 && Math.min(x.to, r.to) - Math.max(x.from, r.from) > 0.5 * Math.min(x.to - x.from, r.to - r.from));
      if (g) { g.at.push(r.at); g.last = r.at; g.from = Math.min(g.from, r.from); g.to = Math.max(g.to, r.to); }
      else groups.push({ at: [r.at], last: r.at, from: r.from, to: r.to });
    }
    for (const g of groups) out.push({ horizontal, at: Math.round(g.at.reduce((a, b) => a + b, 0) / g.at.length), from: g.from, to: g.to });
  }
  return out;
}

/** A run of dark pixels along a row (horizontal) or down a column, in pixels. */
interface PixelRun { horizontal: boolean; at: number; from: number; to: number }

/** Ink, not paper: text is near black; paper, with a scanner's speckle, near white. */
const isInk = (v: number) => v < 200;
/**
 * A ruled line's pixels: a border 0.5 pt thin is a pixel or two of grey, ~130–190 drawn at 150 dpi
 * and ~200–225 once scanned, resampled and straightened.
 */
const isLine = (v: number) => v < 228;

function ruledRuns(gray: Uint8Array, width: number, height: number, dpi: number): PixelRun[] {
  const minRun = Math.round(dpi * 0.6); // ~1.5 cm
  const out: PixelRun[] = [];
  // A faint scanned line breaks up (gaps of a few pixels): a column's runs bridge gaps up to 1 mm and
  // count as a line only if ink fills 80% of them. A row's bridge only 2 px: along a line of text,
  // letters 3 px apart would chain into a border.
  const runs = (len: number, at: (i: number) => number, clear: (i: number) => boolean, emit: (a: number, b: number) => void, GAP: number) => {
    let start = -1, gap = 0, ink = 0;
    for (let i = 0; i <= len; i++) {
      const d = i < len && isLine(at(i));
      if (d) { if (start < 0) { start = i; ink = 0; } gap = 0; ink++; }
      else if (start >= 0 && ++gap > GAP) {
        const end = i - gap;
        // A line is thin: paper beside it, on one side at least (text fills a cell up to its border),
        // along most of it; a block of text smeared by the scan has ink on both.
        if (end - start >= minRun && ink >= 0.8 * (end - start + 1)) {
          let n = 0;
          for (let j = start; j <= end; j++) if (clear(j)) n++;
          if (n >= 0.6 * (end - start + 1)) emit(start, end);
        }
        start = -1; gap = 0;
      }
    }
  };
  // The darkest of three neighbours across the line: a scanned, straightened line is smeared over two
  // rows and steps from one to the next along its length.
  const px = (x: number, y: number) => (x < 0 || y < 0 || x >= width || y >= height ? 255 : gray[y * width + x]!);
  const SIDE = 5;
  for (let y = 0; y < height; y++) runs(width, (x) => Math.min(px(x, y - 1), px(x, y), px(x, y + 1)), (x) => !isLine(px(x, y - SIDE)) || !isLine(px(x, y + SIDE)), (from, to) => out.push({ horizontal: true, at: y, from, to }), 2);
  for (let x = 0; x < width; x++) runs(height, (y) => Math.min(px(x - 1, y), px(x, y), px(x + 1, y)), (y) => !isLine(px(x - SIDE, y)) || !isLine(px(x + SIDE, y)), (from, to) => out.push({ horizontal: false, at: x, from, to }), Math.round(dpi / 25));
  return out;
}

/**
 * The page with its ruled lines painted white (a copy): OCR reads a border next to a word as letters
 * ("E", "Š", "|") and breaks a cell's lines at it; the grid logic has the lines already. Ink within
 * 2 px across a line is its thickness (JPEG and scanning smear a 1 px line over 3).
 */
export function withoutRulings(gray: Uint8Array, width: number, height: number, dpi = OCR_DPI): Uint8Array {
  const out = gray.slice();
  for (const r of ruledRuns(gray, width, height, dpi)) {
    for (let i = r.from; i <= r.to; i++) for (let d = -2; d <= 2; d++) {
      const [x, y] = r.horizontal ? [i, r.at + d] : [r.at + d, i];
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      if (isLine(out[y * width + x]!)) out[y * width + x] = 255;
    }
  }
  // What is left of a line, and the scanner's speckle, is light grey: paper.
  for (let i = 0; i < out.length; i++) if (!isInk(out[i]!)) out[i] = 255;
  return out;
}

/** Grey pixels as a PNG (what the OCR engine takes). */
export function grayPng(gray: Uint8Array, width: number, height: number): Buffer {
  const c = canvasLib().createCanvas(width, height);
  const ctx = c.getContext("2d");
  const img = ctx.createImageData(width, height);
  for (let i = 0; i < gray.length; i++) { img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = gray[i]!; img.data[4 * i + 3] = 255; }
  ctx.putImageData(img, 0, 0);
  return c.toBuffer("image/png");
}

/** Below this skew (degrees) a page is read as it is: turning it would blur more than it straightens. */
const STRAIGHTEN_FROM = 0.2;

/**
 * A page image set straight (a sheet fed askew by a degree or two): its table borders are then
 * horizontal and vertical, as the grid logic needs, and OCR reads its lines whole. Returns the image
 * read from then on, with its grey pixels and the angle it was turned back by.
 */
export async function straightened(png: Buffer): Promise<{ png: Buffer; width: number; height: number; gray: Uint8Array; skew: number }> {
  const img = await canvasLib().loadImage(png);
  const gray = grayOf(drawTurned(img, img.width, img.height, 0));
  const skew = skewAngle(gray, img.width, img.height);
  if (Math.abs(skew) < STRAIGHTEN_FROM) return { png, gray, width: img.width, height: img.height, skew: 0 };
  const canvas = drawTurned(img, img.width, img.height, (-skew * Math.PI) / 180);
  return { png: canvas.toBuffer("image/png"), gray: grayOf(canvas), width: img.width, height: img.height, skew };
}

/** Renders a pdf.js page to a greyscale-friendly PNG at OCR_DPI. */
export async function renderPage(page: { getViewport(o: { scale: number }): { width: number; height: number }; render(o: object): { promise: Promise<unknown> } }): Promise<{ png: Buffer; width: number; height: number }> {
  const viewport = page.getViewport({ scale: OCR_DPI / 72 });
  const canvas = canvasLib().createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: ctx, canvas, viewport }).promise;
  return { png: canvas.toBuffer("image/png"), width: canvas.width, height: canvas.height };
}

/**
 * An OCR page's words as text runs in points with y upwards, as a PDF's text layer gives them, so the
 * same line and table logic reads them; each run keeps its confidence and pixel box.
 */
export function wordsToItems(page: OcrPage, dpi = OCR_DPI): TextItem[] {
  const k = 72 / dpi;
  const heightPt = page.height * k;
  return page.words.map((w) => ({
    text: w.text, x: w.x0 * k, y: heightPt - w.lineBottom * k, width: (w.x1 - w.x0) * k, size: Math.max(4, w.lineHeight * k * 0.75),
    ocr: { confidence: w.confidence, box: [w.x0, w.y0, w.x1, w.y1] as [number, number, number, number] },
  }));
}

/** Where a line read by OCR stands: its page, its box in the page image, and its confidence (the words' mean, capped by its least sure number). */
export function ocrLocation(page: number, items: TextItem[]): string {
  const boxes = items.map((i) => i.ocr?.box).filter((b): b is [number, number, number, number] => b !== undefined);
  const confs = items.map((i) => i.ocr?.confidence).filter((c): c is number => c !== undefined);
  if (boxes.length === 0) return `page ${page}`;
  const box = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  // The line's mean, but no more than its least sure number: a misread digit ("40%" read as "20%") is
  // what matters, and a line of sure words around it would hide it.
  const mean = confs.reduce((a, b) => a + b, 0) / confs.length;
  const numbers = items.filter((i) => /\d/u.test(i.text) && i.ocr).map((i) => i.ocr!.confidence);
  const conf = Math.min(mean, ...numbers);
  return `page ${page}, box ${box[0]},${box[1]}-${box[2]},${box[3]} px at ${OCR_DPI} dpi, ocr ${conf.toFixed(0)}`;
}

/** The OCR confidence a location records ("…, ocr 91"), or null for text that was not read by OCR. */
export const ocrConfidenceOf = (location: string | null): number | null => {
  const m = location ? / ocr (\d+)$/.exec(location) : null;
  return m ? Number(m[1]) : null;
};
