import iconv from "iconv-lite";

/**
 * The 8-bit Vietnamese encodings that predate Unicode, still typed by offices with ".VnTime" (TCVN3,
 * also called ABC) or "VNI-Times" fonts. Both reach us in two shapes: as raw bytes (a .txt saved from
 * such a document), or as Unicode text whose Latin-1 letters stand for those bytes (the same document
 * copied through a converter: "KÕ ho¹ch" is TCVN3, "Keá hoaïch" is VNI, both "Kế hoạch"). The
 * converters here work on the second shape; raw bytes are first read as Windows-1252.
 */

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * TCVN3 (TCVN 5712:1993 VN3): the Vietnamese letters sit in 0xA1–0xFE, exactly where TCVN 5712 VN1
 * (iconv-lite's "tcvn" table) has them; VN3 leaves 0x80–0x9F to the font, which Word saves as
 * Windows-1252 punctuation (curly quotes, dashes). Only lower-case letters with tone marks exist:
 * capitals were typed with the ".VnTimeH" font over the same codes.
 */
const TCVN3_HIGH = iconv.decode(Buffer.from(range(0xa0, 0x100)), "tcvn");
const TCVN3: Map<string, string> = new Map(range(0xa0, 0x100).map((b, i) => [String.fromCharCode(b), TCVN3_HIGH[i]!]));

/** Reads Latin-1 letters as the TCVN3 codes they were typed with. */
export function fromTcvn3(text: string): string {
  let out = "";
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return restoreCapitals(out.normalize("NFC"));
}

/**
 * ".VnTimeH" capitals decode as lower-case letters inside upper-case words: "HOạCH" → "HOẠCH". A
 * word with no lower-case ASCII letter but a lower-case Vietnamese one is upper-cased when it has two
 * upper-case ASCII letters ("HOạCH"), or one and an all-capitals neighbour ("Kế HOẠCH", "NHIỆM Vụ").
 * A word with no ASCII letter ("ủy" from "Ủy", "để") cannot be told from lower case: it stays.
 */
function restoreCapitals(text: string): string {
  const parts = text.split(/([\p{L}\p{M}]+)/u);
  const suspect = (i: number) => i % 2 === 1 && !/[a-z]/.test(parts[i]!) && parts[i] !== parts[i]!.toUpperCase();
  const upperAscii = (w: string) => w.replace(/[^A-Z]/g, "").length;
  for (let i = 1; i < parts.length; i += 2) if (suspect(i) && upperAscii(parts[i]!) >= 2) parts[i] = parts[i]!.toUpperCase();
  const allCaps = (w: string | undefined) => w !== undefined && w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
  const neighbour = (i: number, step: number) => (/^[ \t]*$/.test(parts[i + step] ?? "x") ? parts[i + 2 * step] : undefined);
  for (let i = 1; i < parts.length; i += 2) {
    if (suspect(i) && upperAscii(parts[i]!) === 1 && (allCaps(neighbour(i, -1)) || allCaps(neighbour(i, 1)))) parts[i] = parts[i]!.toUpperCase();
  }
  return parts.join("");
}

const ACUTE = "\u0301", GRAVE = "\u0300", HOOK = "\u0309", TILDE = "\u0303", DOT = "\u0323", CIRC = "\u0302", BREVE = "\u0306";

/**
 * VNI: a base letter followed by a Latin-1 letter that carries its marks ("aù" = á, "eá" = ế, "aé" = ắ),
 * and single letters for the rest ("ô" = ơ, "ö" = ư, "ñ" = đ, "í/ì/æ/ó/ò" = i with a tone).
 * Keys are lower case; an upper-case modifier means the same.
 */
const VNI_MARKS: Record<string, string> = {
  "ù": ACUTE, "ø": GRAVE, "û": HOOK, "õ": TILDE, "ï": DOT,
  "â": CIRC, "á": CIRC + ACUTE, "à": CIRC + GRAVE, "å": CIRC + HOOK, "ã": CIRC + TILDE, "ä": CIRC + DOT,
  "ê": BREVE, "é": BREVE + ACUTE, "è": BREVE + GRAVE, "ú": BREVE + HOOK, "ü": BREVE + TILDE, "ë": BREVE + DOT,
};
const BREVE_ONLY_AFTER_A = new Set(["ê", "é", "è", "ú", "ü", "ë"]);
const CIRC_BASES = new Set(["a", "e", "o"]);
const VNI_LETTERS: Record<string, string> = {
  "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ô": "ơ", "ö": "ư", "î": "ỵ", "ñ": "đ",
};
const TONE_BASES = new Set(["a", "e", "o", "u", "y", "ơ", "ư"]);
const TONES = new Set([ACUTE, GRAVE, HOOK, TILDE, DOT]);

/** Reads VNI pairs and letters as Unicode, NFC. */
export function fromVni(text: string): string {
  const out: string[] = [];
  let base: string | null = null; // lower-case base letter the next modifier may attach to
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const marks = base !== null ? VNI_MARKS[lower] : undefined;
    if (marks !== undefined && base !== null && fits(base, marks, lower)) {
      out.push(marks);
      base = null;
      continue;
    }
    const letter = VNI_LETTERS[lower];
    if (letter !== undefined) {
      out.push(ch === lower ? letter : letter.toUpperCase());
      base = letter === "ơ" || letter === "ư" ? letter : null;
      continue;
    }
    out.push(ch);
    base = TONE_BASES.has(lower) ? lower : null;
  }
  return out.join("").normalize("NFC");
}

function fits(base: string, marks: string, modifier: string): boolean {
  if (BREVE_ONLY_AFTER_A.has(modifier)) return base === "a";
  if (marks.startsWith(CIRC)) return CIRC_BASES.has(base);
  return TONES.has(marks) && TONE_BASES.has(base);
}

/** Windows-1252 bytes as text (the view a legacy document's bytes give before conversion). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows1252");
}

/** Windows-1258 (Vietnamese ANSI: base letters plus combining tone marks), as NFC text. */
export function decodeWindows1258(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows1258").normalize("NFC");
}
