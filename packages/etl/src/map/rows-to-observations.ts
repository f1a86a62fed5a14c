import type { Measure, Observation, Reject, Warning } from "@dx-atlas/schema";
import { matchIndicator as matchCatalog, type CatalogIndex, type IndicatorMatch } from "../catalog/match-indicator.ts";
import type { RowCandidate } from "../extract/row-candidate.ts";
import { findValuesInText } from "../values/find-values.ts";
import { parseValue } from "../values/parse-value.ts";
import type { NumericValue, ParsedValue } from "../values/value-types.ts";
import { correctionKey, type Corrections } from "../corrections/corrections.ts";
import { segmentOf, splitClauses } from "./split-clauses.ts";

export interface RowOutcome { observations: Observation[]; rejects: Reject[]; warnings: Warning[]; mapped: boolean; unmapped: boolean }
type Loaded = { kind: "number"; v: NumericValue } | { kind: "status"; v: Extract<ParsedValue, { kind: "status" }> } | { kind: "bool"; v: Extract<ParsedValue, { kind: "bool" }> };

type Match = IndicatorMatch & { excluded?: boolean };

export interface RowContext {
  submissionId: string; sourceFile: string; catalog: CatalogIndex; threshold?: number;
  corrections?: Corrections;
  /** Collects the keys of the corrections this row used. */
  used?: Set<string>;
}

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
  const matchIndicator = (catalog: CatalogIndex, text: string, threshold?: number): Match => {
    const key = correctionKey(text);
    const c = ctx.corrections?.mappings.get(key);
    if (!c) return matchCatalog(catalog, text, threshold);
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
  let clauses = splitClauses(row.text, textValues);
  // A single value qualifies its own ";"-part of the text when that part names an indicator.
  const only = textValues.length === 1 ? segmentOf(row.text, textValues[0]!) : null;
  if (only && matchIndicator(ctx.catalog, only, ctx.threshold).code !== null) clauses = [{ text: only, value: textValues[0]! }];
  const whole = clauses.length > 1 ? matchIndicator(ctx.catalog, row.text, ctx.threshold) : null;
  const mapped = clauses.map((c) => {
    const m = matchIndicator(ctx.catalog, c.text, ctx.threshold);
    return { clause: c, match: m.code === null && !m.excluded && whole?.code ? { ...whole, confidence: Math.min(whole.confidence, m.best_confidence + 0.2) } as Match : m };
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
    if (year === null) {
      reject("no_year", `the document does not say which year it is about, nor does this ${measure === "actual" ? "result" : "target"} ("${raw}" for ${code}): give the year in a manifest (file,unit,kind,year)`, { code, confidence, best_code: code, best_confidence: confidence } as IndicatorMatch);
      return;
    }
    const existing = out.observations.find((o) => o.indicator_code === code && o.measure === measure && o.period_year === year);
    const n = value.kind === "number" ? value.v : null;
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

  for (const m of mapped) {
    const code = m.clause.value ? codeOf(m) : null;
    if (code && m.clause.value) emit(code, m.match.confidence, m.clause.text, row.text_measure!, row.year, { kind: "number", v: m.clause.value.value }, m.clause.value.value.raw);
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
