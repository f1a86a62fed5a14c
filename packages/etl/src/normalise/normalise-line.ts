import { charSet, trimEndWhere } from "./trim.ts";

const LINE_END_SPACE = charSet(" \f\v\r");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const LATEX: [RegExp, string][] = [
  [/\\geq?\b\s*/g, "≥ "], [/\\leq?\b\s*/g, "≤ "], [/\\%/g, "%"], [/\\times\b/g, "×"], [/\\[,;!: ]/g, " "],
  [/\\(?:text|mathrm|textbf|mathbf)\{([^}]*)\}/g, "$1"], [/\\approx\b/g, "≈"], [/\\cdot\b/g, "·"],
];

/**
 * Cleans one line of a submission for reading: Unicode NFC (text arrives NFC or NFD), no HTML tags
 * or entities, LaTeX math written out ("$\geq 80\%$" → "≥ 80%"), no Markdown emphasis or heading
 * marks, no zero-width or non-breaking spaces. Tabs are kept: they separate table cells.
 *
 * @example normaliseLine("<b>1</b>\t$\\geq 80\\%$") // "1\t≥ 80%"
 */
export function normaliseLine(raw: string): string {
  let s = raw.normalize("NFC");
  s = s.replace(/[\u200b-\u200d\ufeff]/g, "").replace(/[\u00a0\u2007\u202f]/g, " ");
  s = s.replace(/<br\s*\/?>/gi, " ").replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/gi, "");
  s = s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  if (s.includes("$") || s.includes("\\")) {
    s = s.replace(/\$([^$]*)\$/g, (_m, math: string) => LATEX.reduce((acc, [re, to]) => acc.replace(re, to), math).trim());
    s = LATEX.reduce((acc, [re, to]) => acc.replace(re, to), s);
  }
  s = s.replace(/^\s{0,3}#{1,6}\s+/, "").replace(/\*{2,3}|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])/g, "");
  s = s.replace(/\\([\\`*_{}\[\]()#+\-.!|])/g, "$1");
  return trimEndWhere(s, LINE_END_SPACE).replace(/ {2,}/g, " ");
}
