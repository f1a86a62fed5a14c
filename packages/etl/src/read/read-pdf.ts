import { msg, type Message } from "@dx-atlas/schema";
import type { DocumentLine, ReadFailure } from "./document-lines.ts";
import { joinPages, layoutPage, layoutRuledPage, type PageLayout, type TextItem } from "./pdf-layout.ts";
import { ocrLocation, readPageImage, renderPage, wordsToItems } from "./ocr.ts";
import type { Ruling } from "./pdf-grid.ts";

export interface PdfLimits { maxPages: number }
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 500 };

/** Whether pages without a text layer are read by OCR, and until when (performance.now()): pages past it are named, not read. */
export interface OcrOptions {
  ocr: boolean; deadline?: number;
  /** Called after each page OCR reads: the page reached, of the document's pages. */
  onPage?: (read: number, of: number) => void;
}
/** Which pages OCR read, which were blank (no words), and which the time budget left unread. */
export interface OcrReport { pages: number[]; blank: number[]; unread: number[] }

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;
// Loaded on first use: most runs read text files only, and pdf.js takes ~100 ms to load.
const loadPdfJs = () => (pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

/**
 * A PDF's text layer as document lines, page by page (pdf.js gives each text run with its position;
 * `layoutPage` rebuilds lines and table rows from them). A PDF without text (a scan) is refused as
 * needing OCR, a password-protected one as encrypted, a damaged one as unreadable.
 */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS, options: OcrOptions = { ocr: true }): Promise<{ ok: true; lines: DocumentLine[]; ocr?: OcrReport } | ReadFailure> {
  const { getDocument, OPS } = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const e = err as Error;
    if (e.name === "PasswordException") return { ok: false, reason_code: "encrypted", reason: msg("read.pdf_encrypted") };
    return { ok: false, reason_code: "unreadable", reason: msg("read.pdf_unreadable", { error: e.message }) };
  }
  try {
    if (doc.numPages > limits.maxPages) return { ok: false, reason_code: "too_large", reason: msg("read.pdf_too_many_pages", { pages: doc.numPages, limit: limits.maxPages }) };
    const pages: PageLayout[] = [];
    const ocr: OcrReport = { pages: [], blank: [], unread: [] };
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!("str" in it) || it.str === "") continue;
        const [a, b, c, d, x, y] = it.transform as number[];
        // Upright text only: rotated stamps and margin notes are not part of the body.
        if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01) continue;
        items.push({ text: it.str, x: x!, y: y!, width: it.width, size: Math.abs(d!) || Math.abs(a!) || it.height });
      }
      const pageChars = items.reduce((n, it) => n + it.text.trim().length, 0);
      chars += pageChars;
      if (pageChars === 0 && options.ocr) {
        // A scanned page: rendered and read by OCR, unless the file's time budget is spent.
        if (options.deadline !== undefined && performance.now() > options.deadline) { ocr.unread.push(p); page.cleanup(); continue; }
        const { read, rulings } = await readPageImage((await renderPage(page as never)).png);
        if (read.words.length === 0) ocr.blank.push(p);
        else {
          ocr.pages.push(p);
          // The same grid logic as a drawn table, from the image's lines.
          pages.push(layoutRuledPage(wordsToItems(read), rulings, p, (its) => ocrLocation(p, its)));
        }
        options.onPage?.(p, doc.numPages);
      } else if (pageChars > 0) {
        pages.push(layoutRuledPage(items, rulingsOf(await page.getOperatorList(), OPS), p));
      }
      page.cleanup();
    }
    if (chars === 0 && !options.ocr) return { ok: false, reason_code: "needs_ocr", reason: msg("read.pdf_needs_ocr", { pages: doc.numPages }) };
    if (chars === 0 && ocr.pages.length === 0) return { ok: false, reason_code: ocr.unread.length > 0 ? "timed_out" : "needs_ocr", reason: ocr.unread.length > 0 ? msg("read.pdf_ocr_out_of_time", { pages: ocr.unread.length }) : msg("read.pdf_ocr_no_words", { pages: doc.numPages }) };
    return { ok: true, lines: joinPages(pages), ...(ocr.pages.length + ocr.blank.length + ocr.unread.length > 0 ? { ocr } : {}) };
  } finally {
    await doc.destroy();
  }
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
// pdf.js 5 path data: moveTo x y, lineTo x y, curveTo 6 numbers, quadraticCurveTo 4, closePath.
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };

/**
 * The straight lines a page draws (stroked lines and rectangle edges, and thin filled rectangles as
 * the line they are), in page coordinates: what table borders are made of. Clipping paths are not
 * drawn and are skipped; curves end a line.
 */
function rulingsOf(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): Ruling[] {
  const out: Ruling[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const at = (x: number, y: number) => ({ x: ctm[0] * x + ctm[2] * y + ctm[4], y: ctm[1] * x + ctm[3] * y + ctm[5] });
  const painted = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filled = new Set([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, list.argsArray[i] as Matrix);
    else if (fn === OPS.constructPath) {
      const [op, paths] = list.argsArray[i] as [number, ArrayLike<number>[] | null];
      if (!painted.has(op) || !paths) continue;
      for (const data of paths) {
        if (!data) continue;
        const points: { x: number; y: number }[] = [];
        const flush = (close: boolean) => {
          if (close && points.length > 2) points.push(points[0]!);
          if (filled.has(op) && points.length >= 4) {
            // A thin filled rectangle is a border line along its long side.
            const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
            const w = Math.max(...xs) - Math.min(...xs), h = Math.max(...ys) - Math.min(...ys);
            if (h <= 2 && w > h) out.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: (Math.min(...ys) + Math.max(...ys)) / 2, y1: (Math.min(...ys) + Math.max(...ys)) / 2 });
            else if (w <= 2 && h > w) out.push({ x0: (Math.min(...xs) + Math.max(...xs)) / 2, x1: (Math.min(...xs) + Math.max(...xs)) / 2, y0: Math.min(...ys), y1: Math.max(...ys) });
          } else if (!filled.has(op)) {
            for (let k = 1; k < points.length; k++) out.push({ x0: points[k - 1]!.x, y0: points[k - 1]!.y, x1: points[k]!.x, y1: points[k]!.y });
          }
          points.length = 0;
        };
        for (let k = 0; k < data.length;) {
          const code = data[k]!;
          if (code === DRAW.moveTo) { flush(false); points.push(at(data[k + 1]!, data[k + 2]!)); k += 3; }
          else if (code === DRAW.lineTo) { points.push(at(data[k + 1]!, data[k + 2]!)); k += 3; }
          else if (code === DRAW.curveTo) { flush(false); k += 7; }
          else if (code === DRAW.quadraticCurveTo) { flush(false); k += 5; }
          else if (code === DRAW.closePath) { flush(true); k += 1; }
          else break;
        }
        flush(false);
      }
    }
  }
  return out;
}
