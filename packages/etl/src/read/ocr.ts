import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TextItem } from "./pdf-layout.ts";
import type { Ruling } from "./pdf-grid.ts";

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
type Ctx = { translate(x: number, y: number): void; rotate(a: number): void; drawImage(img: unknown, x: number, y: number): void; fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
const canvasLib = () => require("@napi-rs/canvas") as { createCanvas(w: number, h: number): Canvas; loadImage(b: Buffer): Promise<{ width: number; height: number }> };

async function recognizeOnce(png: Buffer, width: number, height: number, rotation: OcrPage["rotation"]): Promise<OcrPage> {
  const { data } = await (await engine()).recognize(png, {}, { blocks: true });
  const words: OcrWord[] = [];
  for (const b of data.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) for (const w of l.words) {
    // A table's border read as a letter: "|", "|50%", "mở|phục".
    const text = w.text.replace(/^[|¦]+|[|¦]+$/gu, "").replace(/[|¦]+/gu, " ").trim();
    if (text === "") continue;
    words.push({ text, confidence: w.confidence, ...w.bbox, lineBottom: l.bbox.y1, lineHeight: l.bbox.y1 - l.bbox.y0 });
  }
  return { words, width, height, confidence: data.confidence, rotation };
}

/** An image turned clockwise by a quarter turns. */
async function turned(png: Buffer, turns: 1 | 2 | 3): Promise<{ png: Buffer; width: number; height: number }> {
  const { createCanvas, loadImage } = canvasLib();
  const img = await loadImage(png);
  const [w, h] = turns === 2 ? [img.width, img.height] : [img.height, img.width];
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext("2d");
  ctx.translate(w / 2, h / 2);
  ctx.rotate((turns * Math.PI) / 2);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  return { png: canvas.toBuffer("image/png"), width: w, height: h };
}

/**
 * Reads one page image. A page read with low confidence is tried turned by a quarter, a half and
 * three quarters (a scan fed sideways or upside down), and the best reading is kept.
 */
export async function recognizeImage(png: Buffer, width: number, height: number): Promise<OcrPage> {
  let best = await recognizeOnce(png, width, height, 0);
  if (best.confidence >= TRY_TURNS_BELOW && best.words.length > 0) return best;
  for (const t of [1, 2, 3] as const) {
    const r = await turned(png, t);
    const page = await recognizeOnce(r.png, r.width, r.height, (t * 90) as OcrPage["rotation"]);
    if (page.confidence > best.confidence && page.words.length > 0) best = page;
  }
  return best;
}

/** An image file's pixel size (PNG, JPEG). */
export async function imageSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const img = await canvasLib().loadImage(Buffer.from(bytes));
  return { width: img.width, height: img.height };
}

/**
 * The ruled lines of a page image (a scanned table's borders), in points with y upwards, as
 * pdf-grid.ts takes them from a PDF's drawing: runs of dark pixels at least ~1.5 cm long, across a
 * row (horizontal) or down a column (vertical). Letters make short runs; underlines and frames are not
 * grids and pdf-grid.ts leaves them out.
 */
export function imageRulings(gray: Uint8Array, width: number, height: number, dpi = OCR_DPI): Ruling[] {
  const minRun = Math.round(dpi * 0.6); // ~1.5 cm
  const dark = (v: number) => v < 140;
  const k = 72 / dpi;
  const hPt = height * k;
  const out: Ruling[] = [];
  const runs = (len: number, at: (i: number) => number, emit: (a: number, b: number) => void) => {
    let start = -1, gap = 0;
    for (let i = 0; i <= len; i++) {
      const d = i < len && dark(at(i));
      if (d) { if (start < 0) start = i; gap = 0; }
      else if (start >= 0 && ++gap > 2) { const end = i - gap; if (end - start >= minRun) emit(start, end); start = -1; gap = 0; }
    }
  };
  for (let y = 0; y < height; y++) runs(width, (x) => gray[y * width + x]!, (a, b) => out.push({ x0: a * k, x1: b * k, y0: hPt - y * k, y1: hPt - y * k }));
  for (let x = 0; x < width; x++) runs(height, (y) => gray[y * width + x]!, (a, b) => out.push({ x0: x * k, x1: x * k, y0: hPt - b * k, y1: hPt - a * k }));
  return out;
}

/** A PNG's pixels as grey levels (0 black – 255 white). */
export async function grayPixels(png: Buffer): Promise<{ gray: Uint8Array; width: number; height: number }> {
  const { createCanvas, loadImage } = canvasLib() as unknown as { createCanvas(w: number, h: number): { getContext(t: "2d"): { drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } }; loadImage(b: Buffer): Promise<{ width: number; height: number }> };
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height).getContext("2d");
  c.drawImage(img, 0, 0);
  const { data } = c.getImageData(0, 0, img.width, img.height);
  const gray = new Uint8Array(img.width * img.height);
  for (let i = 0; i < gray.length; i++) gray[i] = (data[4 * i]! * 3 + data[4 * i + 1]! * 6 + data[4 * i + 2]!) / 10;
  return { gray, width: img.width, height: img.height };
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
