import { MESSAGES, type MessageCode } from "./catalog.ts";

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];

/** A parameter: text as the document or the analyst wrote it, a number, or another message (a term, a reason). */
export type Param = string | number | null | Message | Param[];
/** What the warehouse keeps for a reject, a warning or a note: a catalog code and its named parameters. */
export interface Message { code: MessageCode; params?: Record<string, Param> }

export const msg = (code: MessageCode, params?: Record<string, Param>): Message => (params ? { code, params } : { code });
export const isMessage = (p: unknown): p is Message => typeof p === "object" && p !== null && !Array.isArray(p) && typeof (p as Message).code === "string";

/** The language a command speaks: `--lang en|vi`, else DX_LANG, else Vietnamese. */
export function chooseLang(flag: string | undefined, env: string | undefined = process.env.DX_LANG): Lang {
  const want = (flag ?? env ?? "vi").toLowerCase().slice(0, 2);
  return want === "en" ? "en" : "vi";
}

/** The language argv asks for (`--lang en`, `--lang=en`), before the arguments are parsed (usage, a parse error). */
export const langFromArgv = (argv: readonly string[], env: string | undefined = process.env.DX_LANG): Lang => {
  const i = argv.indexOf("--lang");
  return chooseLang(i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice("--lang=".length), env);
};

// Years, line and row numbers and codes are identifiers: "2024", "dòng 1279", not "2.024".
const PLAIN = /year|line|row|code|id$/iu;

/** 89.9 → "89,9" (vi) / "89.9" (en); 4371 → "4.371" / "4,371". At most `digits` decimals (3: a confidence such as 0.527). */
export function formatNumber(n: number, lang: Lang, digits = 3, grouping = true): string {
  // A number too small for the decimals is written as it is, not as "0".
  if (n !== 0 && Math.abs(n) < 10 ** -digits) return lang === "vi" ? String(n).replace(".", ",") : String(n);
  return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: digits, useGrouping: grouping }).format(n);
}

/** "2024-04-15" → "15/4/2024" (vi); English keeps the ISO date. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m && lang === "vi" ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso;
}

function formatParam(name: string, p: Param, lang: Lang, fixed?: number): string {
  if (p === null || p === undefined) return "";
  if (typeof p === "number" && fixed !== undefined) return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { minimumFractionDigits: fixed, maximumFractionDigits: fixed, useGrouping: false }).format(p);
  if (typeof p === "number") return PLAIN.test(name) ? String(p) : formatNumber(p, lang);
  if (typeof p === "string") return formatDate(p, lang);
  if (Array.isArray(p)) return p.map((x) => formatParam(name, x, lang)).join(", ");
  return render(p, lang);
}

/**
 * A message in a language: "{name}" is the parameter, "{name:2}" a number with two decimals,
 * "{s:name}" an English plural "s" when the parameter is not 1 (Vietnamese nouns have no plural).
 * A parameter the template names but the message lacks renders as "…", so a missing value shows
 * instead of throwing; a code the catalog lacks (a warehouse written by a later version) renders as
 * its parameters' text.
 */
export function render(m: Message, lang: Lang): string {
  const entry = (MESSAGES as Record<string, { vi: string; en: string }>)[m.code];
  const params = m.params ?? {};
  if (!entry) return [m.code, ...Object.values(params).map((p) => formatParam("", p, lang))].join(": ");
  return entry[lang].replace(TEMPLATE_PARAM, (_, plural: string | undefined, name: string, fixed: string | undefined) => {
    const p = params[name];
    if (plural) return p === 1 ? "" : "s";
    return p === undefined ? "…" : formatParam(name, p, lang, fixed === undefined ? undefined : Number(fixed));
  });
}

const TEMPLATE_PARAM = /\{(s:)?([a-z_]+)(?::(\d))?\}/gu;

/** Shorthand: render(msg(code, params), lang). */
export const say = (lang: Lang, code: MessageCode, params?: Record<string, Param>): string => render(msg(code, params), lang);

/** The parameter names a template prints ("{file}", "{n:2}" → file, n; an English plural "{s:n}" prints none). */
export const templateParams = (template: string): string[] =>
  [...new Set([...template.matchAll(TEMPLATE_PARAM)].filter((m) => !m[1]).map((m) => m[2]!))].sort();

/** A message as the warehouse keeps it: the code, and its parameters as JSON (null when it has none). */
export const paramsJson = (m: Message): string | null => (m.params && Object.keys(m.params).length > 0 ? JSON.stringify(m.params) : null);

/**
 * Read back from the warehouse's code and JSON parameters; a row written before the catalog (no
 * code) keeps its English text.
 */
export const fromStored = (code: string | null, params: string | null, text: string): Message =>
  code ? { code: code as MessageCode, ...(params ? { params: JSON.parse(params) as Record<string, Param> } : {}) } : { code: "text.as_written", params: { text } };

/** A reject's reason columns: the English text, the code and the parameters. */
export const asReason = (m: Message) => ({ reason: render(m, "en"), message_code: m.code as string, message_params: paramsJson(m) });
/** A warning's message columns: the English text, the code and the parameters. */
export const asWarning = (m: Message) => ({ message: render(m, "en"), message_code: m.code as string, message_params: paramsJson(m) });
