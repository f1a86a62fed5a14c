import type { DocumentLine } from "./document-lines.ts";
import { htmlToLines } from "./html-to-lines.ts";
import type { ZipArchive } from "./zip.ts";

/**
 * A Word .docx as document lines, through mammoth's HTML (which keeps tables, merged cells and
 * lists). The archive has been checked for size by the caller; mammoth unpacks it again itself.
 */
export async function readDocx(bytes: Uint8Array, zip: ZipArchive): Promise<DocumentLine[]> {
  // Loaded on the first .docx a thread meets: most threads of most runs never read one.
  const { default: mammoth } = await import("mammoth");
  zip.checkAll();
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
    ignoreEmptyParagraphs: true,
    // Pictures (photos, scanned signatures, seals) carry no indicator text: leave them unread rather
    // than inlined into the HTML as base64.
    convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
  });
  return htmlToLines(html, {
    paragraph: (n) => `paragraph ${n}`,
    row: (table, row) => `table ${table}, row ${row}`,
  });
}
