import type { UnitMention } from "../gazetteer/resolve-unit.ts";
import { LEVEL_WORDS } from "../gazetteer/unit-names.ts";
import type { LogicalLine } from "../normalise/logical-lines.ts";
import { CITATION } from "./document-year.ts";

// Places a document names, each weighted by the role its position gives it. The issuer is named in
// the letterhead ("ỦY BAN NHÂN DÂN / TỈNH QUẢNG BÌNH"), the title, the date line, the closing, or, in
// a post or article, its headline and the sentences about it; a unit named in a citation ("Căn cứ Kế
// hoạch số … của UBND tỉnh …", "Nghị quyết … của Tỉnh ủy"), a recipient list or a photo caption is
// context, never the issuer.

/** Weights by role (see resolve-unit.ts for how they add up). */
export const WEIGHT = { letterhead: 6, title: 4, headline: 4, head: 2, body: 1, passing: 0.25 } as const;

const variants = (w: string) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()];
// Level words in any case; the name after them must be capitalised (or a number: "Phường 14"), so
// "xã hội" (society) and "tỉnh ủy" are not places. "TP" is the genre's abbreviation of thành phố.
const LEVEL_ALTS = [...LEVEL_WORDS.flatMap(([w]) => variants(w)), "TP\\.?", "Tp\\.?"];
const NAME_WORD = "(?:[\\p{Lu}][\\p{L}'’]*|\\d{1,2}(?![\\d/.,]))";
const LEVEL_GROUP = LEVEL_ALTS.join("|");
const LEVEL_RE = new RegExp(`(?<![\\p{L}])(${LEVEL_GROUP})[ \\t]+(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,3})`, "gu");
const LEVEL_OF = new Map<string, UnitMention["level"]>([...LEVEL_WORDS.map(([w, l]) => [w, l] as const), ["tp", "thành phố"], ["tp.", "thành phố"]]);
const ISSUING = /(ubnd|ủy ban nhân dân|uỷ ban nhân dân|đảng ủy|đảng uỷ)[ \t]{0,8}$/iu;
// Words that, shortly before a mention, say it is cited or addressed rather than the issuer's own.
const CITED = /(căn cứ|kính gửi|báo cáo (?:với |lên |gửi )?(?:ubnd|ủy ban|uỷ ban)|cấp trên|nguồn:)[^.;:]{0,60}$/iu;
const NEAR_PASSING = /(?:của|gửi|theo|về|với|và|cùng)[ \t]+$/iu;
const CAPTION = /(ảnh:|ảnh minh họa|\.jpg|\.png)/iu;

// A province or centrally-run city named without its level word ("Tiền Giang xếp hạng 20", "Nghệ An:
// Bước tiến …"): two to four capitalised syllables not after a level word. Only provinces may match it.
const BARE_RE = /(?<![\p{Lu}][\p{Ll}]*[ \t]|[\p{L}])([\p{Lu}][\p{Ll}]+(?:[ \t]+[\p{Lu}][\p{Ll}]+){1,3})/gu;
const AFTER_LEVEL = new RegExp(`(?:${LEVEL_GROUP})[ \\t]+$`, "iu");
// A line ending in a level word, or a level word and a name that may go on past the line break.
const OPEN_AT_END = new RegExp(`(?:^|[ \\t])(?:${LEVEL_GROUP})(?:[ \\t]+${NAME_WORD})*[ \\t]*$`, "u");
// A river, a bridge, a paper or a company carries a province's name without being the province.
const NOT_A_PLACE = /(?:sông|cầu|núi|hồ|đèo|biển|đảo|vịnh|báo|đài|viettel|vnpt|mobifone|trường|bệnh viện|công ty|tập đoàn|ngân hàng|quỹ)[ \t]+$/iu;

/** Every "level word + capitalised name" in a line, with the weight its role gives it. */
function lineMentions(raw: string, line: number, weight: number, issuerLine: boolean): UnitMention[] {
  const out: UnitMention[] = [];
  const text = raw.replace(/\bTP\.?[ \t]?HCM\b|\bTPHCM\b/gu, "thành phố Hồ Chí Minh");
  const caption = CAPTION.test(text);
  // A numbered citation ("Kế hoạch số 324/KH-UBND … của UBND tỉnh Bắc Giang về … tỉnh Bắc Giang …;")
  // names other bodies' documents: every unit inside it is context.
  const cited: [number, number][] = [...text.matchAll(CITATION)].map((m) => [m.index, m.index + m[0].length]);
  const inCitation = (at: number) => cited.some(([a, b]) => at >= a && at < b)
    || /^\s*(?:căn cứ|thực hiện)/iu.test(text.slice(Math.max(text.lastIndexOf(";", at), text.lastIndexOf(". ", at)) + 1, at));
  const bare = [...text.matchAll(BARE_RE)].filter((m) => !AFTER_LEVEL.test(text.slice(Math.max(0, m.index - 12), m.index)) && !NOT_A_PLACE.test(text.slice(Math.max(0, m.index - 14), m.index)));
  // A line naming four or more places is a list (a ranking, the communes a programme covers): context.
  const list = new Set(bare.map((m) => m[1])).size >= 4;
  for (const m of bare) {
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const passing = list || caption || inCitation(m.index) || CITED.test(before) || NEAR_PASSING.test(before);
    out.push({ level: null, words: m[1]!.split(/[ \t]+/), weight: passing ? WEIGHT.passing : Math.min(weight, WEIGHT.head), line, bare: true });
  }
  for (const m of text.matchAll(LEVEL_RE)) {
    const level = LEVEL_OF.get(m[1]!.toLowerCase()) ?? null;
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const issuing = ISSUING.test(before.slice(-24));
    const passing = !issuerLine && (list || caption || inCitation(m.index) || CITED.test(before) || (NEAR_PASSING.test(before) && !issuing));
    out.push({ level, words: m[2]!.split(/[ \t]+/), weight: passing ? WEIGHT.passing : weight + (issuing ? 1 : 0), line });
  }
  return out;
}

// A level word used of the document's own unit, without a name: "toàn tỉnh", "trên địa bàn huyện",
// "của xã đã …". Plurals ("các xã") are the units below; "xã hội", "tỉnh ủy" are other words.
const SELF_LEVEL = /(?<![\p{L}])(?<!các[ \t]|những[ \t]|mỗi[ \t]|từng[ \t]|cấp[ \t])(thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã)(?![ \t]*[\p{Lu}\d])(?![ \t]+(?:hội|ủy|uỷ|đội|viên|nông thôn|,[ \t]*(?:phường|thị trấn|xã|thị xã|thành phố|huyện)))(?![\p{L}])/gu;

const LEVEL_NOUN = "(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã)";
const ENUMERATION = new RegExp(`${LEVEL_NOUN}(?:[ \\t]*(?:,|và|hoặc)[ \\t]*${LEVEL_NOUN})+`, "gu");

/** The level the text speaks of itself at ("trên địa bàn huyện" → huyện), or null when no level stands out. */
export function selfLevel(lines: LogicalLine[]): UnitMention["level"] {
  const counts = new Map<string, number>();
  // An enumeration of levels ("các huyện, thị xã, thành phố") speaks of other units.
  for (const l of lines) for (const m of l.text.replace(ENUMERATION, " ").matchAll(SELF_LEVEL)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked[1] && ranked[1][1] * 2 > ranked[0]![1])) return null;
  return LEVEL_OF.get(ranked[0]![0]) ?? null;
}

/**
 * The places a document names. `roles` gives each line index's role (title, headline, closing,
 * letterhead); other lines weigh by whether they are in the head of the document. A name broken across
 * lines by PDF text ("xã Yên" / "Hùng") is read across the break.
 */
export function unitMentions(lines: LogicalLine[], roles: Map<number, keyof typeof WEIGHT>, headLines: number): UnitMention[] {
  const out: UnitMention[] = [];
  lines.forEach((l, i) => {
    const role = roles.get(i);
    const weight = role ? WEIGHT[role] : i < headLines ? WEIGHT.head : WEIGHT.body;
    const next = lines[i + 1]?.text ?? "";
    // Carry the next line's first words when this one ends in a level word or a name that may go on.
    const tail = OPEN_AT_END.test(l.text) && /^[ \t]*[\p{Lu}]/u.test(next);
    const text = tail ? `${l.text.trimEnd()} ${next.trim().split(/[ \t]+/).slice(0, 3).join(" ")}` : l.text;
    out.push(...lineMentions(text, l.first, weight, role === "letterhead" || role === "title"));
  });
  return out;
}

/** Names a text gives without a level word that may be provinces' ("Nghệ An xếp thứ 12"), as written. */
export function bareNames(text: string): string[] {
  return [...text.matchAll(BARE_RE)].filter((m) => !AFTER_LEVEL.test(text.slice(Math.max(0, m.index - 12), m.index))).map((m) => m[1]!);
}

/** The units a clause names with their level word ("xã Hà Đông", "thành phố Đà Nẵng"), as "level name". */
export function namedUnits(text: string): { level: string; name: string }[] {
  return [...text.matchAll(LEVEL_RE)].map((m) => ({ level: m[1]!.toLowerCase(), name: m[2]! }));
}
