import { encodeTcvn3, encodeVni, encodeWindows1258 } from "../../scripts/fixtures/legacy-encode.ts";
import { docx, xlsx, type DocxBlock, type XlsxCell } from "../../test/fixtures/zip-writer.ts";
import type { Random } from "./random.ts";

/** How a synthetic submission is stored: a text encoding or an Office format. */
export type CorpusFormat = "utf-8" | "utf-8-bom" | "utf-16le" | "windows-1258" | "tcvn3" | "vni" | "docx" | "xlsx";

/** The mix of a province's inbox: mostly UTF-8 text, some legacy encodings, Word and Excel files. */
export const FORMAT_MIX: readonly (readonly [CorpusFormat, number])[] = [
  ["utf-8", 70], ["utf-8-bom", 5], ["utf-16le", 3], ["windows-1258", 3], ["tcvn3", 3], ["vni", 2], ["docx", 9], ["xlsx", 5],
];

export const extensionOf = (f: CorpusFormat) => (f === "docx" ? ".docx" : f === "xlsx" ? ".xlsx" : ".txt");

const stripTags = (s: string) => s.replace(/<\/?b>/g, "");

/** The document's lines as the bytes of the given format. */
export function encodeDocument(r: Random, lines: string[], format: CorpusFormat): Uint8Array {
  const text = lines.join(r.chance(0.3) ? "\r\n" : "\n");
  switch (format) {
    case "utf-8": return new TextEncoder().encode(text);
    case "utf-8-bom": return new TextEncoder().encode(`\ufeff${text}`);
    case "utf-16le": {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes[0] = 0xff; bytes[1] = 0xfe;
      for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); bytes[2 + 2 * i] = c & 0xff; bytes[3 + 2 * i] = c >> 8; }
      return bytes;
    }
    case "windows-1258": return encodeWindows1258(text).bytes;
    case "tcvn3": return encodeTcvn3(text).bytes;
    case "vni": return encodeVni(text).bytes;
    case "docx": return docx(toBlocks(lines));
    case "xlsx": return xlsx([{ name: "Phụ lục", rows: lines.filter((l) => l.trim() !== "").map((l) => l.split("\t").map((c) => toCell(r, stripTags(c)))) }]);
  }
}

function toBlocks(lines: string[]): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  let table: string[][] = [];
  const flush = () => { if (table.length > 0) blocks.push({ table: table.map((row) => row.map((text) => ({ text }))) }); table = []; };
  for (const line of lines) {
    if (line.includes("\t")) { table.push(line.split("\t").map(stripTags)); continue; }
    flush();
    if (line.trim() !== "") blocks.push({ p: line });
  }
  flush();
  return blocks;
}

/** A spreadsheet cell: a plain percentage is sometimes typed as a number formatted as percent. */
function toCell(r: Random, text: string): XlsxCell {
  if (text === "") return null;
  const m = /^(\d+(?:,\d+)?)%$/.exec(text);
  if (m && r.chance(0.4)) return { n: Number(m[1]!.replace(",", ".")) / 100, format: m[1]!.includes(",") ? "0.0%" : "0%" };
  return text;
}
