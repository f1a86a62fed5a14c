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

/** The index files a name is listed in: the first two letters of each of its words ("ha", "ta"). */
export function searchKeys(s) {
  return [...new Set(words(s).map((w) => w.slice(0, 2)))];
}

const LEVEL_WORDS = new Set(["xa", "phuong", "thi", "tran", "huyen", "quan", "tinh", "thanh", "pho", "dac", "khu", "tp"]);

/** What was typed, as words to match and the index files to fetch (level words only when nothing else is typed). */
export function searchQuery(typed) {
  const tokens = words(typed);
  const named = tokens.filter((t) => !LEVEL_WORDS.has(t));
  const keyed = (named.length ? named : tokens).filter((t) => t.length >= 2 || /^\d$/.test(t));
  return { tokens, keys: [...new Set(keyed.map((t) => t.slice(0, 2)))] };
}

/** Whether a unit's words hold every typed word as the start of one of them. */
export function matches(text, tokens) {
  return tokens.length > 0 && tokens.every((t) => text.includes(` ${t}`));
}
