// Old and new Vietnamese tone placement ("hoà" / "hòa", "thuỷ" / "thủy") both occur, even within
// one document; folding puts the mark on the first vowel of oa/oe/uy at the end of a syllable.
const TONE_MOVES: [RegExp, (m: string, v: string, t: string) => string][] = [
  [/(o)([àáảãạ])(?!\p{L})/gu, (_m, v, t) => moveTone(v, t, "a")],
  [/(o)([èéẻẽẹ])(?!\p{L})/gu, (_m, v, t) => moveTone(v, t, "e")],
  [/(u)([ỳýỷỹỵ])(?!\p{L})/gu, (_m, v, t) => moveTone(v, t, "y")],
];

function moveTone(first: string, toned: string, base: string): string {
  const mark = toned.normalize("NFD").slice(1);
  return (first + mark).normalize("NFC") + base;
}

/**
 * The key used to compare Vietnamese words: NFC, lower case, one tone placement, single spaces,
 * punctuation as spaces. Keeps diacritics: "sổ" and "số" are different words.
 *
 * @example foldVietnamese("Thanh Hoá") === foldVietnamese("thanh hóa")
 */
export function foldVietnamese(text: string): string {
  let s = text.normalize("NFC").toLowerCase();
  for (const [re, fn] of TONE_MOVES) s = s.replace(re, fn as (...a: string[]) => string);
  return s.replace(/[^\p{L}\p{N}%]+/gu, " ").trim();
}

/** Diacritics removed as well ("Hà Tân" → "ha tan"), for ASCII-typed names. */
export function stripDiacritics(text: string): string {
  return foldVietnamese(text).normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
}
