/** Bytes decoded into text, or the reason they are not a text document. */
export type DecodedText =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason_code: "empty" | "binary" | "unreadable"; reason: string };

const SAMPLE = 8192;

/**
 * Decodes a submission's bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. Empty files and
 * binary data are refused with a reason rather than turned into garbage text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, reason_code: "empty", reason: "the file is empty (0 bytes)" };
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = "utf-8-bom";
    text = decodeUtf8(bytes.subarray(3)) ?? "";
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = "utf-16le";
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = "utf-16be";
    const swapped = new Uint8Array(bytes.length - 2);
    for (let i = 2; i + 1 < bytes.length; i += 2) { swapped[i - 2] = bytes[i + 1]!; swapped[i - 1] = bytes[i]!; }
    text = new TextDecoder("utf-16le").decode(swapped);
  } else {
    if (looksBinary(bytes)) return { ok: false, reason_code: "binary", reason: "the file holds binary data (NUL or control bytes), not text" };
    const utf8 = decodeUtf8(bytes);
    if (utf8 === null) {
      return { ok: false, reason_code: "unreadable", reason: "the file is not valid UTF-8. Hint: save it as UTF-8 (legacy TCVN3/VNI encodings are not read yet)" };
    }
    encoding = "utf-8";
    text = utf8;
  }
  if (text.trim() === "") return { ok: false, reason_code: "empty", reason: "the file holds only white space" };
  return { ok: true, text, encoding };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.02;
}
