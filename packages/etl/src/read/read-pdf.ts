import type { DocumentLine, ReadFailure } from "./document-lines.ts";
import { joinPages, layoutPage, type PageLayout, type TextItem } from "./pdf-layout.ts";

export interface PdfLimits { maxPages: number }
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 500 };

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;
// Loaded on first use: most runs read text files only, and pdf.js takes ~100 ms to load.
const loadPdfJs = () => (pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

/**
 * A PDF's text layer as document lines, page by page (pdf.js gives each text run with its position;
 * `layoutPage` rebuilds lines and table rows from them). A PDF without text (a scan) is refused as
 * needing OCR, a password-protected one as encrypted, a damaged one as unreadable.
 */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<{ ok: true; lines: DocumentLine[] } | ReadFailure> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const e = err as Error;
    if (e.name === "PasswordException") return { ok: false, reason_code: "encrypted", reason: "the PDF is password-protected: ask the sender for an unprotected copy" };
    return { ok: false, reason_code: "unreadable", reason: `the PDF cannot be opened (${e.message}): damaged or truncated?` };
  }
  try {
    if (doc.numPages > limits.maxPages) return { ok: false, reason_code: "too_large", reason: `the PDF has ${doc.numPages} pages, more than the limit of ${limits.maxPages}` };
    const pages: PageLayout[] = [];
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
        chars += it.str.trim().length;
      }
      pages.push(layoutPage(items, p));
      page.cleanup();
    }
    if (chars === 0) return { ok: false, reason_code: "needs_ocr", reason: `no text layer: needs OCR (${doc.numPages} page${doc.numPages === 1 ? "" : "s"} of images, probably a scan)` };
    return { ok: true, lines: joinPages(pages) };
  } finally {
    await doc.destroy();
  }
}
