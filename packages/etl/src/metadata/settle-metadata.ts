import { isMessage, msg, type Message, type Param } from "@dx-atlas/schema";
import type { DocKind, Reject, Warning } from "@dx-atlas/schema";
import { correctedUnit, unitCorrectionFor, unitsForSpec, type CorrectionUse } from "../corrections/apply-corrections.ts";
import type { Corrections } from "../corrections/corrections.ts";
import type { ManifestEntry } from "../corrections/manifest.ts";
import { ancestors, type Gazetteer } from "../gazetteer/gazetteer.ts";
import { nameHints, resolveUnit, type ResolvedUnit } from "../gazetteer/resolve-unit.ts";
import type { DocMeta } from "./detect-metadata.ts";

// A document's kind, year and unit, from what its text says, what the analyst's manifest says about
// the file, and the analyst's unit correction (strongest last). Pure: every input comes parsed. Each
// field says where it came from, so a dry run can show an analyst what decided it.

/** Where a field came from: the document's text, its words only (a post), the file's name, the manifest, a correction. */
export type MetaSource = "text" | "words" | "name" | "manifest" | "correction" | "none";

export interface SettledMeta {
  kind: DocKind; year: number | null; unit: ResolvedUnit;
  sources: { unit: MetaSource; kind: MetaSource; year: MetaSource };
  warnings: { code: Warning["code"]; message: Message; line: number | null }[];
  uses: CorrectionUse[];
}

export type Settled = { ok: true; meta: SettledMeta } | { ok: false; code: Reject["reason_code"]; reason: Message };

const unitLabel = (u: ResolvedUnit["unit"]) => `${u.level} ${u.name}`;

export function settleMetadata(meta: DocMeta, sourceFile: string, g: Gazetteer, opts: { manifest?: ManifestEntry; corrections?: Corrections }): Settled {
  const entry = opts.manifest;
  const warnings: SettledMeta["warnings"] = [];
  const differs = (what: Message, text: Param, given: Param) =>
    warnings.push({ code: "manifest_differs", message: msg("doc.manifest_differs", { source: entry!.source, row: entry!.row, what, given, text }), line: null });

  const kind = entry?.kind ?? meta.kind;
  if (!kind) return { ok: false, code: "not_dx_document", reason: msg("doc.no_kind") };
  if (entry?.kind && meta.kind && meta.kind !== entry.kind && meta.kind_evidence !== "words") differs(msg("term.kind"), msg(`term.${meta.kind}`), msg(`term.${entry.kind}`));
  const year = entry?.year ?? meta.doc_year;
  if (entry?.year && meta.doc_year !== null && meta.doc_year !== entry.year && (meta.year_evidence === "title" || meta.year_evidence === "closing")) differs(msg("term.year"), String(meta.doc_year), String(entry.year));

  const found = resolveUnit(g, [...meta.mentions, ...nameHints(g, sourceFile)], year, meta.self_level);
  const fromText = found && "unit" in found ? found : null;
  let unit = fromText;
  let unitSource: MetaSource = fromText ? (fromText.fromFileName ? "name" : "text") : "none";
  const uses: CorrectionUse[] = [];
  // The analyst's word, the manifest's then the correction's, wins over what the text names.
  const given = (spec: string, label: Message): ResolvedUnit | Message => {
    const candidates = unitsForSpec(g, spec);
    if (isMessage(candidates)) return msg("doc.unit_spec_unusable", { label, why: candidates });
    // The analyst has settled which unit filed it: other names in the text are no longer worth a warning.
    return { ...correctedUnit(g, candidates, year), alsoNamed: [] };
  };
  if (entry?.unit) {
    const u = given(entry.unit, msg("term.manifest_unit", { source: entry.source, row: entry.row }));
    if (isMessage(u)) return { ok: false, code: (u.params?.why as Message).code === "doc.unit_spec_ambiguous" ? "ambiguous_unit" : "unknown_unit", reason: u };
    if (fromText && fromText.unit !== u.unit && unitSource === "text") differs(msg("term.unit"), unitLabel(fromText.unit), unitLabel(u.unit));
    unit = u; unitSource = "manifest";
  }
  const fix = opts.corrections ? unitCorrectionFor(opts.corrections, sourceFile) : undefined;
  if (fix) {
    const u = given(fix.unit, msg("term.correction_unit"));
    if (isMessage(u)) return { ok: false, code: "unknown_unit", reason: u };
    const was = fromText ? `${unitLabel(fromText.unit)} at confidence ${fromText.confidence.toFixed(2)}` : "no unit found";
    uses.push({ key: fix.key, detail: `unit ${unitLabel(u.unit)} (${u.unit.code}); read from the text: ${was}` });
    unit = u; unitSource = "correction";
  }
  if (!unit && found && "ambiguous" in found) {
    const where = found.ambiguous.slice(0, 8).map((u) => `${unitLabel(u)}, ${ancestors(g, u).map(unitLabel).join(", ")} (${u.code})`).join("; ");
    return { ok: false, code: "ambiguous_unit", reason: msg("doc.unit_ambiguous", { named: found.named, n: found.ambiguous.length, where }) };
  }
  if (!unit) {
    const names = [...new Set(meta.mentions.filter((m) => m.weight >= 1 && !m.bare).map((m) => `${m.level ?? ""} ${m.words.join(" ")}`.trim()))].slice(0, 6);
    return { ok: false, code: "unknown_unit", reason: msg("doc.unit_unknown", { names: names.length > 0 ? names.join(", ") : msg("term.none") }) };
  }

  const kindSource: MetaSource = entry?.kind ? "manifest" : meta.kind_evidence === "words" ? "words" : "text";
  const yearSource: MetaSource = entry?.year ? "manifest" : year === null ? "none" : "text";
  if (kindSource === "words") warnings.push({ code: "kind_guessed", message: msg(kind === "plan" ? "doc.kind_guessed_plan" : "doc.kind_guessed_report"), line: null });
  if (year === null) warnings.push({ code: "year_unknown", message: msg("doc.year_unknown"), line: null });
  else if (yearSource === "text" && (meta.year_evidence === "published" || meta.year_evidence === "text")) {
    warnings.push({ code: "year_guessed", message: meta.year_evidence === "published" ? msg("doc.year_from_date", { year, published: meta.published }) : msg("doc.year_from_periods", { year }), line: null });
  }
  // A unit the 2025 reform replaced, named in a later document: loaded as named, compared under its successor.
  if (year !== null && year >= 2026 && unit.unit.era === "before-2025-07") {
    const succ = unit.unit.successor_codes.map((c) => g.byKey.get(`after-2025-07:${c}`)).filter((u) => u !== undefined).map(unitLabel);
    warnings.push({ code: "unit_superseded", message: succ.length > 0 ? msg("doc.unit_superseded", { year, unit: unitLabel(unit.unit), successors: succ.join(", ") }) : msg("doc.unit_superseded_alone", { year, unit: unitLabel(unit.unit) }), line: null });
  }
  if (unitSource === "name") warnings.push({ code: "unit_unresolved", message: msg("doc.unit_from_file_name", { unit: unitLabel(unit.unit) }), line: null });
  return { ok: true, meta: { kind, year, unit, sources: { unit: unitSource, kind: kindSource, year: yearSource }, warnings, uses } };
}
