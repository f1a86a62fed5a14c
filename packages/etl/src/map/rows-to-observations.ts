import type { Indicator, Measure, Observation, Reject, Warning } from "@dx-atlas/schema";
import { matchIndicator as matchCatalog, type CatalogIndex, type IndicatorMatch } from "../catalog/match-indicator.ts";
import type { RowCandidate } from "../extract/row-candidate.ts";
import { findCountsInText, findValuesInText } from "../values/find-values.ts";
import { bareNames, namedUnits } from "../metadata/unit-mentions.ts";
import { foldVietnamese } from "../normalise/fold.ts";
import { parseValue } from "../values/parse-value.ts";
import type { NumericValue, ParsedValue } from "../values/value-types.ts";
import { correctionKey, type Corrections } from "../corrections/corrections.ts";
import { clauseMeasure, clauseYear } from "./clause-measure.ts";
import { countClause, segmentOf, splitClauses } from "./split-clauses.ts";

export interface RowOutcome { observations: Observation[]; rejects: Reject[]; warnings: Warning[]; mapped: boolean; unmapped: boolean }
type Loaded = { kind: "number"; v: NumericValue } | { kind: "status"; v: Extract<ParsedValue, { kind: "status" }> } | { kind: "bool"; v: Extract<ParsedValue, { kind: "bool" }> };

type Match = IndicatorMatch & { excluded?: boolean };

export interface RowContext {
  submissionId: string; sourceFile: string; catalog: CatalogIndex; threshold?: number;
  corrections?: Corrections;
  /** Collects the keys of the corrections this row used. */
  used?: Set<string>;
  /** Folded names of the document's unit and of the units above it: a clause naming another unit is not the document's. */
  ownNames?: Set<string>;
  /** Folded names of every province: one named without its level word ("Quảng Ngãi tăng 34 bậc") is another unit too. */
  provinceNames?: Set<string>;
}

/** Another unit a prose clause names ("xã Hà Đông đạt 100%" in a province's report), or null. */
function otherUnit(clause: string, own: Set<string> | undefined, provinces?: Set<string>): string | null {
  if (!own) return null;
  for (const written of bareNames(clause)) {
    const name = foldVietnamese(written);
    if (provinces?.has(name) && !own.has(name)) return written;
  }
  for (const u of namedUnits(clause)) {
    // The longest run of the name's words that is not the document's own unit or one above it.
    const words = u.name.split(/\s+/);
    const isOwn = words.some((_, n) => own.has(foldVietnamese(words.slice(0, n + 1).join(" "))));
    if (!isOwn) return `${u.level} ${u.name}`;
  }
  return null;
}

const isChange = (c: string | null | undefined) => c === "increase" || c === "decrease";

/** Values that say what kind of thing they measure map only to indicators of that kind. */
const OWN_KIND = new Map<string, Indicator["unit"][]>([["rank", ["rank"]], ["index", ["index"]], ["mbps", ["mbps"]]]);

const EACH = /từng loại|mỗi loại|cho cả hai|mỗi chỉ tiêu|từng chỉ tiêu/iu;

/**
 * Turns one extracted row into observations: a target written in the text and a value in the
 * target/result columns each give one; a text with several targets gives one per clause. What cannot
 * be mapped or read becomes a reject with its text; an unfilled form placeholder becomes a warning.
 */
export function rowToObservations(row: RowCandidate, ctx: RowContext): RowOutcome {
  const out: RowOutcome = { observations: [], rejects: [], warnings: [], mapped: false, unmapped: false };
  const reject = (reason_code: Reject["reason_code"], reason: string, m?: IndicatorMatch, matchText?: string) => out.rejects.some((r) => r.reason === reason) || out.rejects.push({
    source_file: ctx.sourceFile, submission_id: ctx.submissionId, scope: "row", reason_code, reason,
    source_line: row.source_line, source_ref: row.source_ref, raw_text: row.source_text,
    best_code: m?.best_code ?? null, best_confidence: m?.best_confidence ?? null, source_location: null, match_text: matchText ?? null,
  });
  // An analyst's correction for the wording wins over the catalog match (and is recorded as used).
  const matchIndicator = (catalog: CatalogIndex, text: string, threshold?: number, units?: readonly Indicator["unit"][]): Match => {
    const key = correctionKey(text);
    const c = ctx.corrections?.mappings.get(key);
    if (!c) return matchCatalog(catalog, text, threshold, units);
    ctx.used?.add(key);
    return { code: c.code, confidence: 1, best_code: c.code, best_confidence: 1, excluded: c.code === null };
  };
  const warn = (code: Warning["code"], message: string) => out.warnings.push({
    source_file: ctx.sourceFile, submission_id: ctx.submissionId, code, message, source_line: row.source_line, raw_text: row.source_text,
  });
  if (row.summary) {
    reject("summary_line", `counts of the plan's own targets, not an indicator value: "${row.text}"`);
    return out;
  }

  const textValues = row.text_measure ? findValuesInText(row.text) : [];
  let clauses = splitClauses(row.text, textValues, row.extractor === "prose");
  // A single value qualifies its own ";"-part of the text when that part names an indicator.
  const only = textValues.length === 1 ? segmentOf(row.text, textValues[0]!) : null;
  if (only && matchIndicator(ctx.catalog, only, ctx.threshold).code !== null) clauses = [{ text: only, value: textValues[0]! }];
  // A table row's label names the indicator its clauses share; a paragraph of prose names many, so its
  // unmatched clauses are not given the paragraph's best match.
  const whole = clauses.length > 1 && (row.extractor !== "prose" || row.text.length <= 400) ? matchIndicator(ctx.catalog, row.text, ctx.threshold) : null;
  const mapped = clauses.map((c) => {
    const own = c.value ? OWN_KIND.get(c.value.value.unit ?? "") : undefined;
    let m = matchIndicator(ctx.catalog, c.text, ctx.threshold, own);
    // "Chỉ số DTI … đạt 0,5123 điểm, xếp thứ 19/63, tăng 4 bậc": a rank that follows its indicator's
    // clause takes the indicator from the clauses before it in the sentence.
    if (own && m.code === null && c.value) {
      const lead = row.text.slice(0, c.value.start);
      const from = Math.max(lead.lastIndexOf(". "), lead.lastIndexOf(";")) + 1;
      const back = matchIndicator(ctx.catalog, row.text.slice(from, c.value.end), ctx.threshold, own);
      if (back.code) m = back;
    }
    return { clause: c, match: m.code === null && !m.excluded && !own && whole?.code ? { ...whole, confidence: Math.min(whole.confidence, m.best_confidence + 0.2) } as Match : m };
  });

  const cellValues: { measure: Measure; year: number | null; value: Loaded; raw: string }[] = [];
  for (const cell of row.cells) {
    const parsed = parseValue(cell.raw, { unitHint: row.unit_hint });
    if (parsed.kind === "placeholder") warn("placeholder_unfilled", `the ${cell.measure === "actual" ? "result" : "target"} was left as the form's placeholder: "${cell.raw}"`);
    else if (parsed.kind === "unparsed") reject("unparsed_value", `cannot read the ${cell.measure === "actual" ? "result" : "target"} "${cell.raw}": ${parsed.reason}`);
    else if (parsed.kind !== "empty") cellValues.push({ measure: cell.measure, year: cell.year, value: { kind: parsed.kind, v: parsed } as Loaded, raw: cell.raw });
  }

  if (textValues.length === 0 && cellValues.length === 0) {
    if (out.warnings.length === 0 && out.rejects.length === 0) reject("no_value", `the row gives no target and no result: "${row.text}"`, mapped[0]?.match);
    return out;
  }

  const emit = (code: string, confidence: number, text: string, measure: Measure, year: number | null, value: Loaded, raw: string) => {
    // A share is not a count: "100% xã có tổ công nghệ số" or "173/173 xã" under an indicator that counts
    // teams is another concept (a different denominator), kept for review; a change in percent is fine.
    // A rank, a score or a speed belongs only to an indicator of its kind.
    if (value.kind === "number") {
      const unit = ctx.catalog.unitOf.get(code);
      const own = OWN_KIND.has(value.v.unit ?? "");
      if ((value.v.unit === "percent" && unit === "count" && !isChange(value.v.comparator)) || (own && unit !== value.v.unit) || (!own && OWN_KIND.has(unit ?? ""))) {
        reject("unmapped", `"${raw}" is a ${value.v.unit ?? "number"}, but the closest indicator, ${code}, is a ${unit}: "${text}"`, { code: null, confidence: 0, best_code: code, best_confidence: confidence }, text);
        return;
      }
    }
    const n = value.kind === "number" ? value.v : null;
    // A change ("tăng 4 bậc") and a level ("xếp thứ 19") of one indicator are two facts, not a repeat.
    const existing = out.observations.find((o) => o.indicator_code === code && o.measure === measure && o.period_year === year && isChange(o.comparator) === isChange(n?.comparator));
    if (existing) {
      // The same value said twice ("100% … (Đối với 100% …)") is not worth a reviewer's time.
      const same = existing.comparator === (n?.comparator ?? existing.comparator) && existing.value === (n?.value ?? existing.value);
      if (!same) warn("duplicate_in_row", `one row gives ${code} ${measure} twice: kept "${existing.raw_value}", not "${raw}"`);
      return;
    }
    out.observations.push({
      submission_id: ctx.submissionId, period_year: year, measure, indicator_code: code, indicator_text: text,
      comparator: n ? n.comparator : value.kind === "bool" ? "eq" : null,
      value: n ? n.value : value.kind === "bool" ? value.v.value : null,
      value_max: n?.value_max ?? null, unit: n ? n.unit : value.kind === "bool" ? "bool" : "status",
      status: value.kind === "status" ? value.v.status : null,
      numerator: n?.numerator ?? null, denominator: n?.denominator ?? null, raw_value: raw,
      source_ref: row.source_ref, source_line: row.source_line, source_location: null, source_text: row.source_text,
      confidence, extractor: row.extractor,
    });
  };

  /** The clause's code, or null after recording it as unmapped (once per clause). */
  const codeOf = ({ clause, match }: (typeof mapped)[number]): string | null => {
    if (match.code !== null) return match.code;
    if (match.excluded) {
      reject("excluded", `not an indicator, by an analyst's correction: "${clause.text}"`, match, clause.text);
      return null;
    }
    out.unmapped = true;
    reject("unmapped", `no catalog indicator matches "${clause.text}" (closest: ${match.best_code ?? "none"} at ${match.best_confidence})`, match, clause.text);
    return null;
  };

  // In prose a clause says itself whether it is a target or a result (unless a heading says), for
  // which year, and whether it is about another unit.
  const place = (text: string) => row.extractor !== "prose" ? { other: null, measure: row.text_measure!, year: row.year } : {
    other: otherUnit(text, ctx.ownNames, ctx.provinceNames),
    measure: row.measure_from_heading ? row.text_measure! : clauseMeasure(text, row.text_measure!),
    year: clauseYear(text, row.year),
  };
  for (const m of mapped) {
    const code = m.clause.value ? codeOf(m) : null;
    if (!code || !m.clause.value) continue;
    const p = place(m.clause.text);
    if (p.other) {
      reject("other_unit", `the value "${m.clause.value.value.raw}" (${code}) is said of ${p.other}, not of the document's unit: "${m.clause.text}"`, m.match, m.clause.text);
      continue;
    }
    emit(code, m.match.confidence, m.clause.text, p.measure, p.year, { kind: "number", v: m.clause.value.value }, m.clause.value.value.raw);
  }

  // Counts in prose ("32 Tổ công nghệ số cộng đồng", "hơn 2,2 triệu tài khoản định danh điện tử"): kept
  // where the count's own clause names an indicator that counts things.
  if (row.extractor === "prose" && row.text_measure) {
    for (const c of findCountsInText(row.text)) {
      if (textValues.some((v) => c.start < v.end && v.start < c.end)) continue;
      const clause = countClause(row.text, c.start, c.end);
      const m = matchIndicator(ctx.catalog, clause, ctx.threshold, ["count"]);
      if (!m.code) continue;
      const p = place(clause);
      if (p.other) { reject("other_unit", `the count "${c.value.raw}" (${m.code}) is said of ${p.other}, not of the document's unit: "${clause}"`, m, clause); continue; }
      emit(m.code, m.confidence, clause, p.measure, p.year, { kind: "number", v: c.value }, c.value.raw);
    }
  }

  const severalTargets = mapped.length > 1 && new Set(mapped.map((m) => m.match.code)).size > 1;
  for (const cell of cellValues) {
    if (severalTargets && !EACH.test(cell.raw)) {
      reject("ambiguous_result", `one ${cell.measure === "actual" ? "result" : "target"} "${cell.raw}" for ${mapped.length} targets in the text: cannot tell which it belongs to`);
      continue;
    }
    for (const m of severalTargets ? mapped : mapped.slice(0, 1)) {
      const code = codeOf(m);
      if (code) emit(code, m.match.confidence, m.clause.text, cell.measure, cell.year, cell.value, cell.raw);
    }
  }
  out.mapped = out.observations.length > 0;
  return out;
}
