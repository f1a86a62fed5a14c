// Trimming sets of characters from the ends of a string by scanning, not by regex: an unanchored
// /[\s.]+$/ tries every start inside a long run that does not reach the end, which is quadratic
// (a 128 KB run of spaces inside one line took 6 s). These are linear whatever the input.

/** Whether a character is one `\s` matches. */
const SPACE = /^\s$/u;
export const isSpace = (c: string) => SPACE.test(c);

/** A test for "one of these characters, or whitespace when `space` is set". */
export const charSet = (chars: string, space = false) => (c: string) => chars.includes(c) || (space && isSpace(c));

/** `s` without the trailing characters `drop` accepts. */
export function trimEndWhere(s: string, drop: (c: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the leading characters `drop` accepts. */
export function trimStartWhere(s: string, drop: (c: string) => boolean): string {
  let start = 0;
  while (start < s.length && drop(s[start]!)) start++;
  return start === 0 ? s : s.slice(start);
}
