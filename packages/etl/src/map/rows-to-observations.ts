import { asReason, asWarning, msg, type Message } from "@dx-atlas/schema";
import type { Indicator, Measure, Observation, Reject, ScopeLevel, Warning } from "@dx-atlas/schema";
import { clauseTier, isTierOnly } from "../catalog/scope-levels.ts";
import { matchIndicator as matchCatalog, type CatalogIndex, type IndicatorMatch } from "../catalog/match-indicator.ts";
import type { RowCandidate } from "../extract/row-candidate.ts";
import { findCountsInText, findValuesInText } from "../values/find-values.ts";
import { parseValue } from "../values/parse-value.ts";
import { findTargetTallies, TALLY_NOUN_AFTER, type TallyKind } from "../values/target-tallies.ts";
import type { NumericValue, ParsedValue, ValueMatch } from "../values/value-types.ts";
import { correctionKey, type Corrections } from "../corrections/corrections.ts";
import { clauseMeasure } from "./clause-measure.ts";
import { bracketedResults, otherUnit, proseYear, sharedComparators, statusParts, WORD_RESULT_UNITS } from "./prose-relations.ts";
import { countClause, segmentOf, splitClauses, type Clause } from "./split-clauses.ts";

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
  /** The document's unit's tier: a value said of another tier ("… cấp xã" in a district's plan) is that tier's concept. */
  ownTier?: ScopeLevel;
}

const isChange = (c: string | null | undefined) => c === "increase" || c === "decrease";

/** Values that say what kind of thing they measure map only to indicators of that kind. */
const OWN_KIND = new Map<string, Indicator["unit"][]>([["rank", ["rank"]], ["index", ["index"]], ["mbps", ["mbps"]], ["per100", ["per100"]], ["km", ["km"]]]);

/** The catalog's codes for a report's tally of its plan's targets (values/target-tallies.ts). */
const TALLY_CODE: Record<TallyKind, string> = {
  achieved: "tcs.plan_targets_achieved", not_achieved: "tcs.plan_targets_not_achieved", in_progress: "tcs.plan_targets_in_progress",
};

/** Who a share counts, at the start of a noun phrase: the denominators the genre's indicators use. */
const SUBJECT = /^(?:tỷ lệ\s+)?(?:dân số|người dân|hộ gia đình|doanh nghiệp|cán bộ|công chức|thôn|xã|cơ quan|trường học|hợp tác xã)(?![\p{L}])/iu;

const SHARE_UNITS: Indicator["unit"][] = ["percent", "per100", "bool", "status"];

const EACH = /từng loại|mỗi loại|cho cả hai|mỗi chỉ tiêu|từng chỉ tiêu/iu;

/**
 * Turns one extracted row into observations: a target written in the text and a value in the
 * target/result columns each give one; a text with several targets gives one per clause. What cannot
 * be mapped or read becomes a reject with its text; an unfilled form placeholder becomes a warning.
 */
export function rowToObservations(row: RowCandidate, ctx: RowContext): RowOutcome {
  const out: RowOutcome = { observations: [], rejects: [], warnings: [], mapped: false, unmapped: false };
  const reject = (reason_code: Reject["reason_code"], why: Message, m?: IndicatorMatch, matchText?: string) => { const said = asReason(why); return out.rejects.some((r) => r.reason === said.reason) || out.rejects.push({
    source_file: ctx.sourceFile, submission_id: ctx.submissionId, scope: "row", reason_code, ...said,
    source_line: row.source_line, source_ref: row.source_ref, raw_text: row.source_text,
    best_code: m?.best_code ?? null, best_confidence: m?.best_confidence ?? null, source_location: null, match_text: matchText ?? null,
  }); };
  // An analyst's correction for the wording wins over the catalog match (and is recorded as used).
  const matchIndicator = (catalog: CatalogIndex, text: string, threshold?: number, units?: readonly Indicator["unit"][]): Match => {
    const key = correctionKey(text);
    const c = ctx.corrections?.mappings.get(key);
    if (!c) return matchCatalog(catalog, text, threshold, units);
    ctx.used?.add(key);
    return { code: c.code, confidence: 1, best_code: c.code, best_confidence: 1, excluded: c.code === null };
  };
  const warn = (code: Warning["code"], message: Message) => out.warnings.push({
    source_file: ctx.sourceFile, submission_id: ctx.submissionId, code, ...asWarning(message), source_line: row.source_line, raw_text: row.source_text,
  });
  // A report's tally of its plan's targets ("24/26 chỉ tiêu đã hoàn thành") is a value of its own; the
  // fraction in it is not a share of some indicator.
  const tallies = row.extractor === "prose" && row.text_measure ? findTargetTallies(row.text) : [];
  const textValues = row.text_measure ? sharedComparators(row.text, findValuesInText(row.text).filter((v) => !TALLY_NOUN_AFTER.test(row.text.slice(v.end)))) : [];
  if (row.summary && tallies.length === 0 && textValues.length === 0) {
    reject("summary_line", msg("row.tally", { text: row.text }));
    return out;
  }
  let clauses = splitClauses(row.text, textValues, row.extractor === "prose");
  // A single value qualifies its own ";"-part of the text when that part names an indicator.
  const only = textValues.length === 1 ? segmentOf(row.text, textValues[0]!) : null;
  if (only && matchIndicator(ctx.catalog, only, ctx.threshold).code !== null) clauses = [{ text: only, value: textValues[0]! }];
  const cellValues: { measure: Measure; year: number | null; value: Loaded; raw: string }[] = [];
  for (const cell of row.cells) {
    const parsed = parseValue(cell.raw, { unitHint: row.unit_hint });
    if (parsed.kind === "placeholder") warn("placeholder_unfilled", msg("row.placeholder", { measure: msg(`term.${cell.measure}`), raw: cell.raw }));
    else if (parsed.kind === "unparsed") reject("unparsed_value", msg("row.unparsed", { measure: msg(`term.${cell.measure}`), raw: cell.raw, why: parsed.reason }));
    else if (parsed.kind !== "empty") cellValues.push({ measure: cell.measure, year: cell.year, value: { kind: parsed.kind, v: parsed } as Loaded, raw: cell.raw });
  }

  // A row whose target and result cells are shares means a share's indicator.
  const cellNumbers = cellValues.filter((c) => c.value.kind === "number").map((c) => c.value.v as NumericValue);
  const cellUnits = cellNumbers.length > 0 && cellNumbers.every((v) => v.unit === "percent" && !isChange(v.comparator)) ? SHARE_UNITS : undefined;
  // A table row's label names the indicator its clauses share; a paragraph of prose names many, so its
  // unmatched clauses are not given the paragraph's best match.
  const whole = clauses.length > 1 && row.extractor !== "prose" ? matchIndicator(ctx.catalog, row.text, ctx.threshold) : null;
  let before: Match | null = null;
  const mapped = clauses.map((c, i) => {
    const own = c.value ? OWN_KIND.get(c.value.value.unit ?? "") : undefined;
    // A share ("100% văn bản … ký số") means a share's indicator, never one that counts things.
    const units = own ?? (c.value ? (c.value.value.unit === "percent" && !isChange(c.value.value.comparator) ? SHARE_UNITS : undefined) : cellUnits);
    let m = matchIndicator(ctx.catalog, c.text, ctx.threshold, units);
    // "100% hồ sơ công việc … đối với cấp tỉnh; 90% đối với cấp huyện": a clause of only a value and a
    // tier continues the indicator before it, when that indicator is reported by tier.
    if (m.code === null && c.value && before?.code && ctx.catalog.scoped.has(before.code) && isTierOnly(c.text, c.value.value.raw)) m = { ...before };
    // Coordinated values share their words: "80% hồ sơ công việc cấp huyện và 60% hồ sơ công việc cấp xã
    // được xử lý trên môi trường mạng" (the predicate after the last), "cáp quang phủ 100% xã và trên 80%
    // hộ gia đình" (the head before the first). Only across "và" or ",", never across ";" or a sentence.
    // A short clause that is its value and a denominator ("trên 80% hộ gia đình") borrows too: what it
    // measures is in the head it shares.
    const bare = c.value && c.text.indexOf(c.value.value.raw) <= 12 && c.text.slice(c.text.indexOf(c.value.value.raw) + c.value.value.raw.length).trim().split(/\s+/).length <= 4;
    if ((m.code === null || bare) && c.value && !own) m = coordinated(clauses, i, m, units);
    if (m.code !== null) before = m;
    // "Chỉ số DTI … đạt 0,5123 điểm, xếp thứ 19/63, tăng 4 bậc": a rank that follows its indicator's
    // clause takes the indicator from the clauses before it in the sentence; so does a change ("… có hơn
    // 2.500 trạm BTS, tăng 15% so với năm 2023").
    // The nearest clause before that names one wins ("kinh tế số đạt 0,6647 điểm, xếp thứ 27 và xã hội số
    // đạt 0,5991 điểm, xếp thứ 26"), then the sentence, then the sentence before ("…công bố xếp hạng về
    // chuyển đổi số … năm 2022. Trà Vinh xếp hạng 25/63 …, tăng 1 hạng").
    if ((own || isChange(c.value?.value.comparator)) && m.code === null && c.value) {
      const lead = row.text.slice(0, c.value.start);
      const sentence = Math.max(lead.lastIndexOf(". "), lead.lastIndexOf(";")) + 1;
      const starts: number[] = [];
      for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
        const prev = clauses[k]!;
        if (!prev.value) break;
        const at = row.text.lastIndexOf(prev.text, prev.value.start + prev.value.value.raw.length);
        if (at < sentence) break;
        starts.push(at);
      }
      starts.push(sentence);
      const before = lead.slice(0, Math.max(0, sentence - 1));
      starts.push(Math.max(before.lastIndexOf(". "), before.lastIndexOf(";")) + 1);
      for (const from of starts) {
        const back = matchIndicator(ctx.catalog, row.text.slice(from, c.value.end), ctx.threshold, own);
        if (back.code) { m = back; break; }
      }
    }
    return { clause: c, match: m.code === null && !m.excluded && !own && whole?.code ? { ...whole, confidence: Math.min(whole.confidence, m.best_confidence + 0.2) } as Match : m, measure: null as Measure | null };
  });
  // "Trên 95% hộ gia đình được phủ mạng cáp quang và dân số trưởng thành có điện thoại thông minh": one
  // value for two indicators joined by "và", when each half alone names a different one clearly.
  if (row.extractor === "prose") {
    for (const m of mapped.slice()) {
      const v = m.clause.value;
      if (!v || !m.match.code || OWN_KIND.has(v.value.unit ?? "")) continue;
      const at = m.clause.text.indexOf(v.value.raw);
      if (at < 0) continue;
      const after = m.clause.text.slice(at + v.value.raw.length);
      const parts = after.split(/\s+và\s+/u);
      if (parts.length !== 2 || parts[0]!.trim().split(/\s+/).length < 3 || parts[1]!.trim().split(/\s+/).length < 3) continue;
      // The second half names who it counts, as the first did ("… và dân số trưởng thành có …"); "… được
      // thông tin, đào tạo và sử dụng dịch vụ công" is one predicate, not two indicators.
      if (!SUBJECT.test(parts[1]!.trim())) continue;
      const units = v.value.unit === "percent" && !isChange(v.value.comparator) ? SHARE_UNITS : undefined;
      const left = matchIndicator(ctx.catalog, `${m.clause.text.slice(0, at + v.value.raw.length)}${parts[0]}`, ctx.threshold, units);
      const right = matchIndicator(ctx.catalog, parts[1]!, ctx.threshold, units);
      if (!left.code || !right.code || left.code === right.code || left.confidence < 0.75 || right.confidence < 0.75) continue;
      m.match = left;
      mapped.push({ clause: { text: `${v.value.raw} ${parts[1]!.trim()}`, value: v }, match: right, measure: m.measure });
    }
  }
  // "50% dịch vụ công … được tích hợp (244/244, đạt 100%)", "đạt tối thiểu 40% … (Kết quả: … đạt 62,37%)":
  // a report restates its plan's target and gives the result in brackets after it.
  // The brackets say it more closely than a "Kết quả" heading does. Values coordinated with the one
  // before the brackets ("tối thiểu 40% tại cấp huyện và 30% tại cấp xã (Kết quả: …)") are targets too.
  if (row.extractor === "prose") {
    for (const [inside, owner] of bracketedResults(row.text, mapped.map((m) => m.clause.value))) {
      const o = mapped[owner]!, r = mapped[inside]!;
      if (!o.match.code) continue;
      o.measure = "target";
      for (let k = owner - 1; k >= 0; k--) {
        const a = mapped[k]!.clause.value, b = mapped[k + 1]!.clause.value;
        if (!a || !b || /[;()]|\.\s/u.test(row.text.slice(a.end, b.start))) break;
        mapped[k]!.measure = "target";
      }
      r.measure = "actual";
      if (r.match.code === null || r.match.code === o.match.code || isTierOnly(r.clause.text, r.clause.value!.value.raw)) r.match = { ...o.match };
    }
  }

  function coordinated(all: Clause[], i: number, m: Match, units?: readonly Indicator["unit"][]): Match {
    const c = all[i]!;
    const joined = (a: Clause | undefined, b: Clause | undefined) => Boolean(a?.value && b?.value) && !/;|\.\s/u.test(row.text.slice(a!.value!.end, b!.value!.start));
    const tries: string[] = [];
    // The head is borrowed by a clause that starts with its value; the predicate by one that ends in "và".
    const startsWithValue = c.text.indexOf(c.value!.value.raw) <= 12;
    const prev = all[i - 1];
    if (prev && joined(prev, c) && startsWithValue) {
      const at = prev.text.indexOf(prev.value!.value.raw);
      if (at > 0) tries.push(`${prev.text.slice(0, at)} ${c.text}`);
    }
    const next = all[i + 1];
    if (next && joined(c, next) && /(?:^|\s)(?:và|hoặc)$/u.test(c.text)) {
      const at = next.text.indexOf(next.value!.value.raw);
      if (at >= 0) tries.push(`${c.text} ${next.text.slice(at + next.value!.value.raw.length)}`);
    }
    let best = m;
    for (const t of tries) {
      const got = matchIndicator(ctx.catalog, t, ctx.threshold, units);
      if (got.code !== null && got.confidence > (best.code === null ? 0 : best.confidence)) best = got;
    }
    return best;
  }

  if (textValues.length === 0 && cellValues.length === 0 && !row.counts_only && tallies.length === 0) {
    if (out.warnings.length === 0 && out.rejects.length === 0) reject("no_value", msg("row.no_value", { text: row.text }), mapped[0]?.match);
    return out;
  }

  const emit = (concept: string, confidence: number, text: string, measure: Measure, year: number | null, value: Loaded, raw: string) => {
    const tier = ctx.ownTier && ctx.catalog.scoped.has(concept) ? clauseTier(text, raw) : null;
    // A district's or province's value "cấp huyện" / "cấp tỉnh" is its own agencies' (not its communes'):
    // a tier too. Only a commune's "cấp xã" is the whole unit.
    const code = (tier && !(tier === "xa" && ctx.ownTier === "xa") && ctx.catalog.scoped.get(concept)!.get(tier)) || concept;
    // A share is not a count: "100% xã có tổ công nghệ số" or "173/173 xã" under an indicator that counts
    // teams is another concept (a different denominator), kept for review; a change in percent is fine.
    // A rank, a score or a speed belongs only to an indicator of its kind.
    // "Số thuê bao băng rộng cố định/100 dân: 22%": the genre writes a density with a percent sign.
    if (value.kind === "number" && value.v.unit === "percent" && ctx.catalog.unitOf.get(code) === "per100") value = { kind: "number", v: { ...value.v, unit: "per100" } };
    if (value.kind === "number") {
      const unit = ctx.catalog.unitOf.get(code);
      const own = OWN_KIND.has(value.v.unit ?? "");
      if ((value.v.unit === "percent" && unit === "count" && !isChange(value.v.comparator)) || (own && unit !== value.v.unit) || (!own && OWN_KIND.has(unit ?? ""))) {
        reject("unmapped", msg("row.unit_mismatch", { raw, value_unit: value.v.unit ? msg(`unit.${value.v.unit}`) : msg("term.number"), code, unit: unit ? msg(`unit.${unit}`) : null, text }), { code: null, confidence: 0, best_code: code, best_confidence: confidence }, text);
        return;
      }
    }
    const n = value.kind === "number" ? value.v : null;
    // A change ("tăng 4 bậc") and a level ("xếp thứ 19") of one indicator are two facts, not a repeat.
    const existing = out.observations.find((o) => o.indicator_code === code && o.measure === measure && o.period_year === year && isChange(o.comparator) === isChange(n?.comparator));
    if (existing) {
      // The same value said twice ("100% … (Đối với 100% …)") is not worth a reviewer's time.
      const same = existing.comparator === (n?.comparator ?? existing.comparator) && existing.value === (n?.value ?? existing.value);
      if (!same) warn("duplicate_in_row", msg("row.duplicate_value", { code, measure: msg(`measure.${measure}`), kept: existing.raw_value, dropped: raw }));
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
      reject("excluded", msg("row.excluded_by_correction", { text: clause.text }), match, clause.text);
      return null;
    }
    out.unmapped = true;
    reject("unmapped", msg("row.unmapped", { text: clause.text, best: match.best_code ?? msg("term.none"), confidence: match.best_confidence }), match, clause.text);
    return null;
  };

  // In prose a clause says itself whether it is a target or a result (unless a heading says), for
  // which year, and whether it is about another unit.
  const place = (text: string) => {
    if (row.extractor !== "prose") return { other: null, measure: row.text_measure!, year: row.year };
    const measure = row.measure_from_heading ? row.text_measure! : clauseMeasure(text, row.text_measure!);
    return { other: otherUnit(text, ctx.ownNames, ctx.provinceNames), measure, year: proseYear(row, text, measure) };
  };
  for (const m of mapped) {
    const code = m.clause.value ? codeOf(m) : null;
    if (!code || !m.clause.value) continue;
    const p = place(m.clause.text);
    if (p.other) {
      reject("other_unit", msg("row.other_unit_value", { raw: m.clause.value.value.raw, code, other: p.other, text: m.clause.text }), m.match, m.clause.text);
      continue;
    }
    emit(code, m.match.confidence, m.clause.text, m.measure ?? p.measure, p.year, { kind: "number", v: m.clause.value.value }, m.clause.value.value.raw);
  }

  // Counts in prose ("32 Tổ công nghệ số cộng đồng", "hơn 2,2 triệu tài khoản định danh điện tử"): kept
  // where the count's own clause names an indicator that counts things.
  if (row.extractor === "prose" && row.text_measure) {
    for (const c of findCountsInText(row.text)) {
      if (textValues.some((v) => c.start < v.end && v.start < c.end)) continue;
      let clause = countClause(row.text, c.start, c.end);
      let m = matchIndicator(ctx.catalog, clause, ctx.threshold, ["count"]);
      if (!m.code) {
        const on = countClause(row.text, c.start, c.end, "và");
        const o = on !== clause ? matchIndicator(ctx.catalog, on, ctx.threshold, ["count"]) : m;
        if (o.code) { m = o; clause = on; }
      }
      // "tổng số cán bộ CNTT, chuyển đổi số toàn tỉnh là 612 người": the count's words may stand before a
      // list comma; its sentence (never across "trong đó", where a breakdown starts) names it.
      if (!m.code) {
        const lead = row.text.slice(0, c.start);
        const from = Math.max(lead.lastIndexOf(";") + 1, lead.lastIndexOf(". ") + 1, 0);
        const end = row.text.indexOf(clause, from) + clause.length;
        if (!/trong đó/iu.test(lead.slice(from)) && end > c.end) {
          const wide = row.text.slice(from, end).trim();
          const w = matchIndicator(ctx.catalog, wide, ctx.threshold, ["count"]);
          if (w.code) { m = w; clause = wide; }
        }
      }
      if (!m.code) continue;
      const p = place(clause);
      if (p.other) { reject("other_unit", msg("row.other_unit_count", { raw: c.value.raw, code: m.code, other: p.other, text: clause }), m, clause); continue; }
      emit(m.code, m.confidence, clause, p.measure, p.year, { kind: "number", v: c.value }, c.value.raw);
    }
  }

  // A result said in words, with no number: "Toàn bộ cán bộ, công chức sử dụng Phần mềm Quản lý văn bản",
  // "tất cả các sản phẩm OCOP của xã đều được đưa lên sàn": done. ("đầy đủ", "hoàn toàn" say how, not of what: not enough.)
  if (row.extractor === "prose" && row.text_measure) {
    const numbers = [...textValues, ...findCountsInText(row.text), ...tallies];
    for (const part of statusParts(row.text)) {
      if (numbers.some((v) => v.start < part.end && part.start < v.end)) continue;
      const p = place(part.text);
      if (p.measure !== "actual" || p.other) continue;
      const m = matchIndicator(ctx.catalog, part.text, ctx.threshold, WORD_RESULT_UNITS);
      if (!m.code || m.confidence < 0.7) continue;
      emit(m.code, m.confidence, part.text, "actual", p.year, { kind: "status", v: { kind: "status", status: "done", raw: part.quantifier } }, part.quantifier);
    }
  }

  for (const t of tallies) {
    const clause = countClause(row.text, t.start, t.end);
    const p = place(clause);
    if (p.other) { reject("other_unit", msg("row.other_unit_tally", { raw: t.value.raw, other: p.other, text: clause }), undefined, clause); continue; }
    if (p.measure !== "actual") { reject("summary_line", msg("row.tally", { text: clause }), undefined, clause); continue; }
    emit(TALLY_CODE[t.kind], 1, clause, "actual", p.year, { kind: "number", v: t.value }, t.value.raw);
  }

  const severalTargets = mapped.length > 1 && new Set(mapped.map((m) => m.match.code)).size > 1;
  for (const cell of cellValues) {
    if (severalTargets && !EACH.test(cell.raw)) {
      reject("ambiguous_result", msg("row.ambiguous", { measure: msg(`term.${cell.measure}`), raw: cell.raw, n: mapped.length }));
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
