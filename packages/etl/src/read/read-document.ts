import { msg, type Message } from "@dx-atlas/schema";
import { extname } from "node:path";
import { decodeText } from "./decode-text.ts";
import { textLines, type DocumentFormat, type ReadResult } from "./document-lines.ts";
import { readDocx } from "./read-docx.ts";
import { DEFAULT_PDF_LIMITS, readPdf, type OcrOptions, type PdfLimits } from "./read-pdf.ts";
import { ocrLocation, readPageImage, wordsToItems } from "./ocr.ts";
import { layoutRuledPage } from "./pdf-layout.ts";
import { readXlsx } from "./read-xlsx.ts";
import { DEFAULT_ZIP_LIMITS, isZip, ZipArchive, ZipError, type ZipLimits } from "./zip.ts";

export interface ReadLimits { zip: ZipLimits; pdf: PdfLimits }
export const DEFAULT_READ_LIMITS: ReadLimits = { zip: DEFAULT_ZIP_LIMITS, pdf: DEFAULT_PDF_LIMITS };

/** What a file's content is, by its first bytes (never by its name). */
export type Sniffed = DocumentFormat | "zip" | "ole" | "rtf" | "odf" | "tiff";

export function sniffFormat(bytes: Uint8Array): Sniffed {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (isZip(bytes)) return "zip";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "ole";
  if (head.startsWith("{\\rtf")) return "rtf";
  // A page photographed or scanned to an image: PNG, JPEG (read by OCR); TIFF (refused, with what to do).
  if (bytes[0] === 0x89 && head.startsWith("\x89PNG")) return "image";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image";
  if ((head.startsWith("II*\0") || head.startsWith("MM\0*"))) return "tiff";
  return "text";
}

const EXTENSION_FORMAT: Record<string, DocumentFormat> = {
  ".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx", ".xlsm": "xlsx", ".txt": "text", ".tsv": "text", ".csv": "text", ".md": "text",
  ".png": "image", ".jpg": "image", ".jpeg": "image",
};
const FORMAT_NAMES: Record<DocumentFormat, Message> = { text: msg("format.text"), docx: msg("format.docx"), pdf: msg("format.pdf"), xlsx: msg("format.xlsx"), image: msg("format.image") };

/**
 * Reads any submission into document lines: plain text in any of the encodings `decodeText`
 * knows, Word .docx, PDF with a text layer, Excel .xlsx. The format comes from the bytes; a name
 * that says otherwise gives a note (and the content is read as what it is). Formats the ETL cannot
 * read (legacy .doc/.xls, RTF, OpenDocument, password-protected Office files) are refused with what
 * to do instead. Never throws for bad input.
 */
export async function readDocument(fileName: string, bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS, ocr: OcrOptions = { ocr: true }): Promise<ReadResult> {
  const sniffed = sniffFormat(bytes);
  const notes: Message[] = [];
  try {
    if (sniffed === "ole") return { ok: false, reason_code: "unsupported_format", reason: msg("read.ole") };
    if (sniffed === "rtf") return { ok: false, reason_code: "unsupported_format", reason: msg("read.rtf") };
    let format: DocumentFormat;
    let result: ReadResult;
    if (sniffed === "tiff") return { ok: false, reason_code: "unsupported_format", reason: msg("read.tiff") };
    if (sniffed === "pdf") {
      format = "pdf";
      const pdf = await readPdf(bytes, limits.pdf, ocr);
      result = pdf.ok ? { ok: true, format, encoding: pdf.ocr ? ocrEncoding(pdf.ocr) : null, lines: pdf.lines, notes, ...(pdf.ocr ? { ocr: pdf.ocr } : {}) } : pdf;
    } else if (sniffed === "image") {
      format = "image";
      if (!ocr.ocr) return { ok: false, reason_code: "needs_ocr", reason: msg("read.image_needs_ocr") };
      const { read, rulings } = await readPageImage(Buffer.from(bytes));
      if (read.words.length === 0) return { ok: false, reason_code: "needs_ocr", reason: msg("read.image_no_words") };
      // A photo has no known resolution: read it as if at the OCR resolution, which only scales the layout.
      const report = { pages: [1], blank: [], unread: [] };
      result = { ok: true, format, encoding: ocrEncoding(report), lines: layoutRuledPage(wordsToItems(read), rulings, 1, (its) => ocrLocation(1, its)).lines, notes, ocr: report };
    } else if (sniffed === "zip") {
      const zip = new ZipArchive(bytes, limits.zip);
      if (zip.has("word/document.xml")) {
        format = "docx";
        result = { ok: true, format, encoding: null, lines: await readDocx(bytes, zip), notes };
      } else if (zip.has("xl/workbook.xml")) {
        format = "xlsx";
        zip.checkAll();
        result = { ok: true, format, encoding: null, lines: readXlsx(zip), notes };
      } else if (zip.has("mimetype") || zip.has("content.xml")) {
        return { ok: false, reason_code: "unsupported_format", reason: msg("read.odf") };
      } else {
        return { ok: false, reason_code: "unsupported_format", reason: msg("read.zip_other") };
      }
    } else {
      format = "text";
      const decoded = decodeText(bytes);
      if (!decoded.ok) return decoded;
      result = { ok: true, format, encoding: decoded.encoding, lines: textLines(decoded.text, null), notes };
    }
    const named = EXTENSION_FORMAT[extname(fileName).toLowerCase()];
    if (result.ok && named && named !== format) notes.push(msg("read.extension_mismatch", { ext: extname(fileName), format: FORMAT_NAMES[format], read_as: format }));
    if (result.ok && result.lines.every((l) => l.text.trim() === "")) return { ok: false, reason_code: "empty", reason: msg("read.no_text", { format: FORMAT_NAMES[format] }) };
    return result;
  } catch (err) {
    if (err instanceof ZipError) {
      const code = err.kind === "bomb" ? "too_large" : err.kind === "unsupported" ? (/encrypted/.test(err.message) ? "encrypted" : "unsupported_format") : "unreadable";
      return { ok: false, reason_code: code, reason: msg("read.zip_error", { kind: zipKind(bytes), error: err.message }) };
    }
    return { ok: false, reason_code: "unreadable", reason: sniffed === "zip" ? msg("read.zip_unreadable", { kind: zipKind(bytes), error: readerError(err) }) : msg("read.unreadable_as", { format: sniffed, error: readerError(err) }) };
  }
}

function zipKind(bytes: Uint8Array): Message {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return msg(head.includes("word/") ? "format.zip_docx" : head.includes("xl/") ? "format.zip_xlsx" : "format.zip");
}

/**
 * A reader library's error as one readable sentence: the XML parser's "[xmldom error]\telement parse
 * error: …" with its position dump, or a stack overflow on absurdly nested XML, say what they mean.
 */
export function readerError(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) return "its content is nested too deeply to read (damaged, or not written by an office program?)";
  const first = String((err as Error)?.message ?? err).split("\n")[0]!;
  const xml = /^(?:error|warning|fatalError):\s*\[xmldom (?:error|warning|fatalError)\]\s*(.*)$/is.exec(first);
  const text = (xml ? `damaged XML (${xml[1]!.replace(/^element parse error:\s*(Error:\s*)?/i, "")})` : first).replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** How an OCR'd file's text was obtained, for its summary row: "ocr: pages 1-3" (and what was skipped). */
function ocrEncoding(r: { pages: number[]; blank: number[]; unread: number[] }): string {
  const list = (ps: number[]) => ps.length === 0 ? "" : ps.length > 3 && ps[ps.length - 1]! - ps[0]! === ps.length - 1 ? `${ps[0]}-${ps[ps.length - 1]}` : ps.join(",");
  return [`ocr: page${r.pages.length === 1 ? "" : "s"} ${list(r.pages)}`, r.blank.length ? `blank ${list(r.blank)}` : "", r.unread.length ? `unread ${list(r.unread)} (time)` : ""].filter(Boolean).join("; ");
}

/** 11, 12, 13, 15 → "11-13, 15". */
export function pageRanges(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    out.push(j > i ? `${pages[i]}-${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return out.join(", ");
}
