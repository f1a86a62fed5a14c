import { asReason, msg, type Message } from "@dx-atlas/schema";
import type { AdminUnit, Observation, Reject } from "@dx-atlas/schema";
import { ancestors, type Gazetteer } from "../gazetteer/gazetteer.ts";
import { districtAndProvince, eraOfYear, levelFits, type ResolvedUnit } from "../gazetteer/resolve-unit.ts";
import { splitUnitName } from "../gazetteer/unit-names.ts";
import { foldVietnamese } from "../normalise/fold.ts";
import { correctionKey, fileMatches, type Corrections, type UnitCorrection, type ValueCorrection } from "./corrections.ts";

// Applying the analyst's unit and value corrections to one file's result. Pure: the corrections come
// parsed (corrections.ts), the gazetteer built; what each correction changed is returned as a use
// with a sentence, which the warehouse keeps (correction_uses) next to the values it changed.

/** One correction applied to a file, and what it changed. */
export interface CorrectionUse { key: string; detail: string | null }

/**
 * The units a correction's `unit` can mean, at most one per era: "xã Yên Trường", "xã Yên Trường,
 * huyện Yên Định, Thanh Hóa" (later parts name ancestors), or a GSO code. A string when it names none,
 * or more than one in the same era (then the message says what to add).
 */
export function unitsForSpec(g: Gazetteer, spec: string): AdminUnit[] | Message {
  const parts = spec.split(",").map((p) => p.trim()).filter(Boolean);
  let found: AdminUnit[];
  if (/^\d{2,5}$/.test(spec.trim())) {
    found = g.units.filter((u) => u.code === spec.trim());
  } else {
    const [self, ...context] = parts.map((p) => splitUnitName(p));
    found = (g.byName.get(foldVietnamese(self!.name)) ?? []).filter((u) => levelFits(self!.level, u.level));
    found = found.filter((u) => {
      const chain = ancestors(g, u);
      return context.every((c) => chain.some((a) => foldVietnamese(a.name) === foldVietnamese(c.name) && levelFits(c.level, a.level)));
    });
  }
  if (found.length === 0) return msg("doc.unit_not_in_lists", { spec });
  const eras = new Map<string, AdminUnit[]>();
  for (const u of found) eras.set(u.era, [...(eras.get(u.era) ?? []), u]);
  for (const list of eras.values()) {
    if (list.length > 1) {
      const where = list.map((u) => `${u.level} ${u.name} in ${ancestors(g, u).map((a) => `${a.level} ${a.name}`).join(", ") || "-"} (${u.code})`).join("; ");
      return msg("doc.unit_spec_ambiguous", { spec, n: list.length, where });
    }
  }
  return found;
}

/** The file's unit correction, if one names it (the last such entry wins, as in any override list). */
export const unitCorrectionFor = (c: Corrections, sourceFile: string): UnitCorrection | undefined =>
  c.units.findLast((u) => fileMatches(u.file, sourceFile));

/** A corrected unit as a resolved one (confidence 1), in the era the document's year belongs to (2025: the units before the reform). */
export function correctedUnit(g: Gazetteer, candidates: AdminUnit[], docYear: number | null): Omit<ResolvedUnit, "alsoNamed"> {
  const era = eraOfYear(docYear) ?? "before-2025-07";
  const unit = candidates.find((u) => u.era === era) ?? candidates[0]!;
  return { unit, confidence: 1, ...districtAndProvince(unit, ancestors(g, unit)) };
}

/**
 * Applies the value corrections that name this file. For each, the observations with its indicator,
 * measure and year: the first (by line) takes the corrected value, keeping the document's raw text and
 * saying what changed in `corrected`; the others (a disagreement the analyst settled) become `excluded`
 * rejects with their text. A "none" correction excludes them all.
 */
export function applyValueCorrections(observations: Observation[], sourceFile: string, corrections: Corrections, source: string): { observations: Observation[]; rejects: Reject[]; uses: CorrectionUse[] } {
  const byKey = new Map<string, ValueCorrection>();
  for (const v of corrections.values) if (fileMatches(v.file, sourceFile)) byKey.set(`${v.indicator}|${v.measure}|${v.year}`, v);
  if (byKey.size === 0) return { observations, rejects: [], uses: [] };
  const keyOf = (o: Observation) => `${o.indicator_code}|${o.measure}|${o.period_year}`;
  // Per corrected key, the observation that keeps the value: the one on the first line.
  const first = new Map<string, Observation>();
  for (const o of observations) {
    const k = keyOf(o);
    const seen = first.get(k);
    if (byKey.has(k) && (!seen || o.source_line < seen.source_line)) first.set(k, o);
  }
  const out: Observation[] = [];
  const rejects: Reject[] = [];
  const uses: CorrectionUse[] = [];
  for (const o of observations) {
    const v = byKey.get(keyOf(o));
    if (!v) { out.push(o); continue; }
    const entry = `${source} values: ${v.indicator} ${v.measure} ${v.year}${v.note ? ` (${v.note})` : ""}`;
    if (v.value === null || first.get(keyOf(o)) !== o) {
      const why = msg(v.value === null ? "row.value_corrected_none" : "row.value_corrected_elsewhere", { code: o.indicator_code, measure: msg(`measure.${o.measure}`), year: o.period_year, raw: o.raw_value, entry });
      rejects.push({
        source_file: sourceFile, submission_id: o.submission_id, scope: "row", reason_code: "excluded", ...asReason(why),
        source_line: o.source_line, source_ref: o.source_ref, raw_text: o.source_text, best_code: o.indicator_code, best_confidence: o.confidence, source_location: o.source_location, match_text: null,
      });
      uses.push({ key: v.key, detail: `line ${o.source_line}: "${o.raw_value}" excluded` });
      continue;
    }
    const p = v.value;
    const n = p.kind === "number" ? p : null;
    out.push({
      ...o,
      comparator: n ? n.comparator : p.kind === "bool" ? "eq" : null,
      value: n ? n.value : p.kind === "bool" ? p.value : null,
      value_max: n?.value_max ?? null,
      unit: n ? (n.unit ?? o.unit) : p.kind === "bool" ? "bool" : "status",
      status: p.kind === "status" ? p.status : null,
      numerator: n?.numerator ?? null, denominator: n?.denominator ?? null,
      corrected: `"${o.raw_value}" read as "${v.raw}" by ${entry}`,
    });
    uses.push({ key: v.key, detail: `line ${o.source_line}: "${o.raw_value}" → "${v.raw}"` });
  }
  return { observations: out, rejects, uses };
}

/** Rows the ETL could not read that an analyst can give a value to (`pnpm etl review --accept ID --value …`). */
export const ROW_VALUE_REASONS: ReadonlySet<string> = new Set(["ambiguous_result", "no_value", "unparsed_value"]);

/**
 * Gives the rows the ETL could not read the values an analyst wrote for them: each matching reject
 * (same file, same folded row text) becomes an observation of the entry's indicator, measure and year
 * (the document's year when the entry has none), saying in `corrected` what was set. A row's reject
 * stays when no entry names it.
 */
export function applyRowValueCorrections(rejects: Reject[], sourceFile: string, submissionId: string, docYear: number | null, corrections: Corrections, source: string): { observations: Observation[]; rejects: Reject[]; uses: CorrectionUse[] } {
  const mine = corrections.rowValues.filter((v) => fileMatches(v.file, sourceFile));
  if (mine.length === 0) return { observations: [], rejects, uses: [] };
  const observations: Observation[] = [];
  const uses: CorrectionUse[] = [];
  const kept: Reject[] = [];
  const done = new Set<string>();
  for (const r of rejects) {
    const entries = r.scope === "row" && ROW_VALUE_REASONS.has(r.reason_code) ? mine.filter((v) => v.textKey === correctionKey(r.raw_text ?? "")) : [];
    if (entries.length === 0) { kept.push(r); continue; }
    for (const v of entries) {
      if (done.has(v.key)) continue;
      done.add(v.key);
      const p = v.value;
      const n = p.kind === "number" ? p : null;
      const entry = `${source} row_values: ${v.indicator} ${v.measure}${v.note ? ` (${v.note})` : ""}`;
      observations.push({
        submission_id: submissionId, period_year: v.year ?? docYear, measure: v.measure, indicator_code: v.indicator,
        indicator_text: (r.raw_text ?? "").split("\n")[0]!.slice(0, 500),
        comparator: n ? n.comparator : p.kind === "bool" ? "eq" : null,
        value: n ? n.value : p.kind === "bool" ? p.value : null,
        value_max: n?.value_max ?? null, unit: n ? n.unit : p.kind === "bool" ? "bool" : "status",
        status: p.kind === "status" ? p.status : null,
        numerator: n?.numerator ?? null, denominator: n?.denominator ?? null, raw_value: v.raw,
        source_ref: r.source_ref, source_line: r.source_line ?? 1, source_location: r.source_location, source_text: r.raw_text,
        confidence: 1, extractor: "table",
        corrected: `a row not read (${r.reason_code}: ${r.reason.slice(0, 120)}) given "${v.raw}" by ${entry}`,
      });
      uses.push({ key: v.key, detail: `line ${r.source_line ?? "-"}: ${r.reason_code} → ${v.indicator} ${v.measure} "${v.raw}"` });
    }
  }
  return { observations, rejects: kept, uses };
}
