// Names as the build and the pages both handle them: the URL slug of a unit, and the folded words the
// unit picker matches ("ha tan" finds "Hà Tân"). Plain JavaScript, shared by the build
// (scripts/site-data.ts) and the pages.

/** Lower case without diacritics: "Hà Tân" → "ha tan", "Đông" → "dong". */
export function fold(s) {
  return String(s ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/** URL slug of a unit: 'before-2025-07:15322' → 'before-2025-07-15322'; unresolved names folded to ASCII. */
export function unitSlug(unitKey) {
  return fold(unitKey).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

const words = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

/** The words a unit is matched on, each led by a space: " xa ha tan tong son ". */
export function searchText(s) {
  return ` ${words(s).join(" ")} `;
}

/**
 * The index files a name is listed in: the first two letters of each of its words ("ha", "ta") and, for
 * words of three letters or more, the first three ("tan"), so that a typed word of three letters fetches
 * a small file.
 */
export function searchKeys(s) {
  return [...new Set(words(s).flatMap((w) => (w.length >= 3 ? [w.slice(0, 2), w.slice(0, 3)] : [w.slice(0, 2)])))];
}

const LEVEL_WORDS = new Set(["xa", "phuong", "thi", "tran", "huyen", "quan", "tinh", "thanh", "pho", "dac", "khu", "tp"]);

/**
 * What was typed, as words to match and the index files that may hold the unit, most selective first
 * (longer words first; level words such as "xã" only when nothing else is typed).
 */
export function searchQuery(typed) {
  const tokens = words(typed);
  const named = tokens.filter((t) => !LEVEL_WORDS.has(t));
  const keyed = (named.length ? named : tokens).filter((t) => t.length >= 2 || /^\d$/.test(t));
  const keys = [...new Set(keyed.sort((a, b) => Math.min(3, b.length) - Math.min(3, a.length)).map((t) => t.slice(0, 3)))];
  return { tokens, keys };
}

/** Whether a unit's words hold every typed word as the start of one of them. */
export function matches(text, tokens) {
  return tokens.length > 0 && tokens.every((t) => text.includes(` ${t}`));
}

/**
 * How well an index entry ([slug, label, where, now, has documents, words]) answers what was typed; lower
 * first: units with documents, then those whose own name holds the typed words in order, then units
 * not merged away; ties by name. Shared by the picker and the build (which pre-sorts the two-letter lists).
 */
export function entryScore(e, tokens) {
  return (e[4] ? 0 : 4) + (` ${fold(e[1])} `.includes(` ${tokens.join(" ")} `) ? 0 : 2) + (e[3] ? 1 : 0);
}
const collator = new Intl.Collator("vi");
export const byScore = (tokens) => (a, b) => entryScore(a, tokens) - entryScore(b, tokens) || collator.compare(a[1], b[1]);

/** How many matches the picker lists. */
export const PICKER_LIMIT = 12;
