import { msg } from "@dx-atlas/schema";
import type { ValueUnit } from "@dx-atlas/schema";
import { findExpressions, findValuesInText } from "./find-values.ts";
import { BOOL_FALSE, BOOL_TRUE, STATUS_PATTERNS } from "./vocabulary.ts";
import type { NumericValue, ParsedValue } from "./value-types.ts";
import { charSet, trimEndWhere, trimStartWhere } from "../normalise/trim.ts";

const OPENING = charSet("([");
const CLOSING = charSet(")]");
const LEADING_PUNCT = charSet(",;:.-–", true);
const TRAILING_PUNCT = charSet(",;:.", true);

export interface ParseValueOptions {
  /** The row's unit column ("%", "Đạt", "Người"), when the table has one. */
  unitHint?: ValueUnit | null;
}

const MAX_CELL = 2_000;
/** The report form's instruction, e.g. "(Ghi rõ bao nhiêu/ bao nhiêu thôn," — not data. */
const FORM_INSTRUCTION = /ghi\s+rõ\s+bao\s+nhiêu\s*\/\s*bao\s+nhiêu[^,;)]*[,;]?/giu;
const ELLIPSIS_ONLY = /(\.{2,}|…)\s*%?/u;

const tidy = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/**
 * Parses one value cell of an indicator table (a target or a result). Never throws: anything it
 * cannot read comes back as `{ kind: "unparsed", reason }`.
 *
 * @example parseValue("Đạt từ 7 - 8% GRDP") // { kind: "number", comparator: "range", value: 7, value_max: 8, unit: "percent" }
 * @example parseValue("(Ghi rõ bao nhiêu/ bao nhiêu, đạt ...%)") // { kind: "placeholder" }
 */
export function parseValue(input: string, options: ParseValueOptions = {}): ParsedValue {
  const raw = typeof input === "string" ? input : String(input);
  if (raw.length > MAX_CELL) return { kind: "unparsed", raw: raw.slice(0, 200), reason: msg("value.too_long", { n: raw.length }) };
  let text = trimEndWhere(trimStartWhere(tidy(raw), OPENING), CLOSING).trim();
  const hadInstruction = FORM_INSTRUCTION.test(text);
  FORM_INSTRUCTION.lastIndex = 0;
  text = text.replace(FORM_INSTRUCTION, " ").trim();
  // "Đã ban hành và triển khai kế hoạch chưa ? Đã ban hành": the form asked a question; the answer follows it.
  if (text.includes("?")) text = text.slice(text.lastIndexOf("?") + 1).trim();
  text = trimEndWhere(trimStartWhere(text, LEADING_PUNCT), TRAILING_PUNCT);
  if (text === "") return hadInstruction ? { kind: "placeholder", raw } : { kind: "empty", raw };

  const lower = text.toLowerCase();
  const numbers = readNumbers(text, options.unitHint ?? null);
  if (numbers) return numbers;
  if (hadInstruction && ELLIPSIS_ONLY.test(text)) return { kind: "placeholder", raw };
  for (const [pattern, status] of STATUS_PATTERNS) if (pattern.test(lower)) return { kind: "status", status, raw };
  if (BOOL_TRUE.test(lower)) return { kind: "bool", value: 1, raw };
  if (BOOL_FALSE.test(lower)) return { kind: "bool", value: 0, raw };
  if (hadInstruction) return { kind: "placeholder", raw };
  return { kind: "unparsed", raw, reason: msg("value.no_number") };
}

function readNumbers(text: string, unitHint: ValueUnit | null): NumericValue | null {
  // Fractions and percentages first ("6/6 Thôn đạt 100%"), then a bare number ("100" under a "%" column).
  const inText = findValuesInText(text);
  const first = inText[0]?.value ?? findExpressions(text)[0]?.value ?? null;
  if (!first) return null;
  const unit: ValueUnit | null = first.unit ?? (unitHint === "percent" ? "percent" : unitHint === "per100" ? "per100" : "count");
  return { ...first, unit, raw: text };
}
