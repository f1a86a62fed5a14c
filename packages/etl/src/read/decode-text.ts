import { msg, type Message } from "@dx-atlas/schema";
import { decodeWindows1252, decodeWindows1258, fromTcvn3, fromVni } from "./legacy-vietnamese.ts";
import { syllableScore } from "./vietnamese-syllable.ts";

/** Bytes decoded into text, or the reason they are not a text document. */
export type DecodedText =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason_code: "empty" | "binary" | "unreadable"; reason: Message };

const SAMPLE = 8192;

/**
 * Decodes a submission's bytes and names the encoding it found:
 * - `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` (with a BOM, or without one when every other byte
 *   is NUL), `+nfd` appended when the letters arrived decomposed;
 * - `windows-1258`, `tcvn3`, `vni` for legacy 8-bit bytes, the one whose words are most often
 *   possible Vietnamese syllables;
 * - `utf-8/tcvn3`, `utf-8/vni`: valid UTF-8 whose letters are legacy codes (a converted document
 *   that still reads "KÕ ho¹ch"), converted the same way.
 * Empty files and binary data are refused with a reason rather than turned into garbage text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, reason_code: "empty", reason: msg("read.empty") };
  const unicode = decodeUnicode(bytes);
  if (unicode === "binary") return { ok: false, reason_code: "binary", reason: msg("read.binary") };
  if (unicode?.encoding.startsWith("utf-16")) return unicode.text.trim() === "" ? { ok: false, reason_code: "empty", reason: msg("read.whitespace") } : { ok: true, ...unicode };
  let decoded: { text: string; encoding: string; score: number; doubtful: boolean };
  if (unicode) {
    decoded = bestReading(unicode.text, unicode.encoding, [
      { encoding: `${unicode.encoding}/tcvn3`, convert: fromTcvn3 },
      { encoding: `${unicode.encoding}/vni`, convert: fromVni },
    ]);
  } else {
    const latin = decodeWindows1252(bytes);
    decoded = bestReading(decodeWindows1258(bytes), "windows-1258", [
      { encoding: "tcvn3", convert: () => fromTcvn3(latin) },
      { encoding: "vni", convert: () => fromVni(latin) },
    ]);
  }
  // A document pasted together from two sources (Unicode lines and TCVN3 or Windows-1258 ones): when
  // no single reading is clean, each line gets the reading that makes it Vietnamese.
  if (decoded.doubtful) {
    const mixed = unicode
      ? mixedReading(unicode.text.split("\n"), [
        { encoding: unicode.encoding, read: (l: string) => l },
        { encoding: "tcvn3", read: fromTcvn3 },
        { encoding: "vni", read: fromVni },
      ])
      : mixedReading(splitBytes(bytes), [
        // Lenient: a line of UTF-8 with a damaged byte is still UTF-8 (the byte becomes U+FFFD), not mojibake.
        { encoding: "utf-8", read: (b: Uint8Array) => LENIENT_UTF8.decode(b).normalize("NFC") },
        { encoding: "windows-1258", read: decodeWindows1258 },
        { encoding: "tcvn3", read: (b: Uint8Array) => fromTcvn3(decodeWindows1252(b)) },
        { encoding: "vni", read: (b: Uint8Array) => fromVni(decodeWindows1252(b)) },
      ]);
    if (mixed.used.length > 0 && mixed.score > decoded.score) decoded = { text: mixed.text, encoding: `mixed:${mixed.used.join("+")}`, score: mixed.score, doubtful: false };
  }
  if (decoded.text.trim() === "") return { ok: false, reason_code: "empty", reason: msg("read.whitespace") };
  return { ok: true, text: decoded.text, encoding: decoded.encoding };
}

const LENIENT_UTF8 = new TextDecoder("utf-8");
/**
 * How Vietnamese a reading is: possible syllables count for it, impossible ones three times against.
 * Right readings have under 1 impossible word in 50 (acronyms like "HĐND", words run together); a
 * wrong code table gives a third or more, so a reading above that is doubtful.
 */
function judge(text: string): { score: number; doubtful: boolean } {
  const s = syllableScore(text);
  return { score: s.valid - 3 * s.invalid, doubtful: s.invalid * 50 > s.valid };
}

/** The bytes cut at each LF (kept out of the parts; the parts are joined with "\n" again). */
function splitBytes(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) { out.push(bytes.subarray(start, i)); start = i + 1; }
  out.push(bytes.subarray(start));
  return out;
}

/** Each line read by whichever reader makes the most Vietnamese of it (the first that can read it, when none is better). */
function mixedReading<T>(lines: T[], readers: { encoding: string; read: (line: T) => string | null }[]): { text: string; used: string[]; score: number } {
  const used = new Set<string>();
  const out: string[] = [];
  let score = 0;
  for (const line of lines) {
    let best: { text: string; encoding: string; score: number } | null = null;
    for (const r of readers) {
      const text = r.read(line);
      if (text === null) continue;
      const sc = judge(text).score;
      if (best === null || sc > best.score) best = { text, encoding: r.encoding, score: sc };
    }
    out.push(best?.text ?? "");
    score += best?.score ?? 0;
    if (best && best.score > 0) used.add(best.encoding);
  }
  return { text: out.join("\n"), used: [...used], score };
}

/** The bytes as Unicode (BOM, UTF-16 by its NULs, else valid UTF-8); "binary" for data that is no text; null for 8-bit bytes. */
function decodeUnicode(bytes: Uint8Array): { text: string; encoding: string } | "binary" | null {
  const withForm = (text: string, encoding: string) => ({ text: text.normalize("NFC"), encoding: text.normalize("NFC") === text ? encoding : `${encoding}+nfd` });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    return text === null ? null : withForm(text, "utf-8-bom");
  }
  const utf16 = utf16Order(bytes);
  if (utf16) {
    const body = bytes.subarray(utf16.bom ? 2 : 0);
    const text = new TextDecoder(utf16.order === "le" ? "utf-16le" : "utf-16be").decode(body);
    return withForm(text, `utf-16${utf16.order}`);
  }
  if (looksBinary(bytes)) return "binary";
  const text = decodeUtf8(bytes);
  return text === null ? null : withForm(text, "utf-8");
}

/** UTF-16 by its BOM, or by NUL high bytes in a sample of an even-length file (ASCII is most of any document). */
function utf16Order(bytes: Uint8Array): { order: "le" | "be"; bom: boolean } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { order: "le", bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { order: "be", bom: true };
  if (bytes.length % 2 !== 0 || bytes.length < 4) return null;
  const n = Math.min(bytes.length, SAMPLE);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > 0.4 * half && evenNul < 0.05 * half) return { order: "le", bom: false };
  if (evenNul > 0.4 * half && oddNul < 0.05 * half) return { order: "be", bom: false };
  return null;
}

/**
 * Keeps `text` unless another reading of it makes clearly more words possible Vietnamese syllables.
 * A right reading has almost no impossible words; each wrong one has many.
 */
function bestReading(text: string, encoding: string, others: { encoding: string; convert: (t: string) => string }[]): { text: string; encoding: string; score: number; doubtful: boolean } {
  const base = judge(text);
  // Only a doubtful reading is worth converting twice more.
  if (!base.doubtful) return { text, encoding, ...base };
  let best = { text, encoding, ...base };
  for (const other of others) {
    const converted = other.convert(text);
    const judged = judge(converted);
    if (judged.score > best.score) best = { text: converted, encoding: other.encoding, ...judged };
  }
  return best;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** More than 2% NUL or control bytes: data, not text (a few stray ones, or a damaged stretch, are noise in a text). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.02;
}
