/**
 * Is a word a possible Vietnamese syllable? Used to tell a right text decoding from a wrong one: read
 * with the wrong table, "Kế hoạch" becomes "KÕ ho¹ch" (TCVN3 read as Latin-1) or "Keá hoaïch" (VNI), and
 * those words break the syllable grammar: onset + rhyme + at most one tone mark.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)";
// Vowel nuclei with their glides (on-glide o/u, off-glide i/y/o/u), longest first.
const NUCLEI = [
  "uyê", "uyu", "uya", "iêu", "yêu", "ươi", "ươu", "uôi", "oai", "oay", "oao", "oeo", "uây",
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
  "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
  "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
].join("|");
const CODA = "(?:ch|ng|nh|c|m|n|p|t)";
const SYLLABLE = new RegExp(`^(${ONSET})?(${NUCLEI})${CODA}?$`, "u");
const FRONT = /^[ieêy]/u;
// Spelling: k, gh, ngh only before i, e, ê, y; c, g, ng never before them.
const FRONT_ONLY = new Set(["k", "gh", "ngh"]);
const NEVER_FRONT = new Set(["c", "ng"]);

// Words repeat: a document of 10,000 words has a few hundred distinct ones. Bounded so that a hostile
// file of random words cannot grow it without limit.
const known = new Map<string, boolean>();
const KNOWN_MAX = 50_000;

/** True when `word` (letters only, any case, NFC or NFD) can be one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  let answer = known.get(word);
  if (answer === undefined) {
    answer = checkSyllable(word);
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(word, answer);
  }
  return answer;
}

function checkSyllable(word: string): boolean {
  // A word is written lower case, Capitalised or in CAPITALS: a capital after a small letter ("dÉn",
  // TCVN3 read as Windows-1258) is not Vietnamese.
  if (/\p{Ll}\p{M}*\p{Lu}/u.test(word.normalize("NFD"))) return false;
  const decomposed = word.toLowerCase().normalize("NFD");
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  // A tone mark sits on a vowel (after its own circumflex, breve or horn): "ñ" is n with a tilde, and
  // Vietnamese has no such letter.
  if (tones === 1 && !/[aeiouy][\u0302\u0306\u031b]?[\u0300\u0301\u0303\u0309\u0323]/u.test(decomposed)) return false;
  const m = SYLLABLE.exec(decomposed.replace(TONE_MARKS, "").normalize("NFC"));
  if (!m) return false;
  const [, onset = "", nucleus = ""] = m;
  if (FRONT_ONLY.has(onset)) return FRONT.test(nucleus);
  if (NEVER_FRONT.has(onset)) return !FRONT.test(nucleus);
  return true;
}

// Split on white space, digits, ASCII punctuation and common symbols; what remains between them is a
// word. Latin-1 letters and signs (¹, ·, µ, ¸) stay inside words: they are what mojibake is made of.
const SEPARATORS = /[\s\d!-/:-@[-`{-~\u2010-\u2027\u2030-\u205e≥≤±×÷→←°%]+/u;

/** How many words with non-ASCII letters are possible syllables, and how many are not. */
export function syllableScore(text: string, limit = 200_000): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (const word of text.slice(0, limit).split(SEPARATORS)) {
    if (word === "" || !/[^\x00-\x7f]/u.test(word)) continue;
    if (isVietnameseSyllable(word)) valid++;
    else invalid++;
  }
  return { valid, invalid };
}
