import type { Message } from "@dx-atlas/schema";
/**
 * What every reader hands to the extractors: the document as lines of text, tables as one line per
 * row with cells separated by tabs (the shape the text samples have), each line with where it came
 * from in the original file ("table 2, row 5", "page 3", "sheet PL1, row 12"; null for text files,
 * whose line number says it all).
 */
export interface DocumentLine { text: string; location: string | null }

export type DocumentFormat = "text" | "docx" | "pdf" | "xlsx" | "image";

/** Why a whole file could not be read. */
export type ReadFailure = {
  ok: false;
  reason_code: "empty" | "binary" | "unreadable" | "unsupported_format" | "too_large" | "needs_ocr" | "encrypted" | "timed_out";
  reason: Message;
};

export type ReadResult =
  | { ok: true; format: DocumentFormat; encoding: string | null; lines: DocumentLine[]; notes: Message[]; ocr?: import("./read-pdf.ts").OcrReport }
  | ReadFailure;

/** A table's cells as one line: tabs separate cells, so line breaks and tabs inside a cell become spaces. */
export function tableRowLine(cells: string[], location: string): DocumentLine {
  return { text: cells.map((c) => c.replace(/\s+/g, " ").trim()).join("\t"), location };
}

/**
 * Lines of a text block, all with one location. In a text file tabs separate table cells and stay;
 * in a paragraph of a Word file they are tab stops (a letterhead's two sides), so `tabs: "space"`.
 */
export function textLines(text: string, location: string | null, tabs: "keep" | "space" = "keep"): DocumentLine[] {
  return text.split(/\r\n|\r|\n/).map((t) => ({ text: tabs === "keep" ? t : t.replace(/\t/g, " "), location }));
}
