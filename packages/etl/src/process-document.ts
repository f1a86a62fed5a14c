import { asReason, asWarning, msg, type Message } from "@dx-atlas/schema";
import { tierOf } from "./catalog/scope-levels.ts";
import { ocrConfidenceOf } from "./read/ocr.ts";
import { createHash } from "node:crypto";
import { observationSchema, type Observation, type Reject, type Submission, type Warning } from "@dx-atlas/schema";
import type { CatalogIndex } from "./catalog/match-indicator.ts";
import { extractRows } from "./extract/index.ts";
import type { RowCandidate } from "./extract/row-candidate.ts";
import type { Gazetteer } from "./gazetteer/gazetteer.ts";
import { applyRowValueCorrections, applyValueCorrections, type CorrectionUse } from "./corrections/apply-corrections.ts";
import type { ManifestEntry } from "./corrections/manifest.ts";
import { settleMetadata, type SettledMeta } from "./metadata/settle-metadata.ts";
import { ancestors } from "./gazetteer/gazetteer.ts";
import { foldVietnamese } from "./normalise/fold.ts";
import type { Corrections } from "./corrections/corrections.ts";
import { rowToObservations } from "./map/rows-to-observations.ts";
import { detectMetadata } from "./metadata/detect-metadata.ts";
import { toLines, type SourceLine } from "./normalise/lines.ts";
import { logicalLines } from "./normalise/logical-lines.ts";
import { pageRanges, readDocument, type ReadLimits } from "./read/read-document.ts";

/** What one file gave: its submission (null when the whole file was rejected) and its rows. */
export interface FileResult {
  source_file: string;
  content_hash: string;
  submission: Submission | null;
  observations: Observation[];
  rejects: Reject[];
  warnings: Warning[];
  stats: { rows: number; mapped: number; unmapped: number };
  /** Where its unit, kind and year came from (absent when the file was rejected). */
  sources?: SettledMeta["sources"];
  /** The analyst's corrections this file used, with what a unit or value correction changed (absent: none). */
  corrections_used?: CorrectionUse[];
}

export interface ProcessContext {
  catalog: CatalogIndex; gazetteer: Gazetteer; threshold?: number; limits?: ReadLimits; corrections?: Corrections;
  /** Where the corrections came from, for provenance ("data/corrections.yaml"). */
  correctionsSource?: string;
  /** What the analyst's manifest says about files, by recorded name. */
  manifest?: Map<string, ManifestEntry>;
  /** Seconds one file may take before it is given up as `timed_out` (default 60). */
  fileSeconds?: number;
  /** Read scanned pages and page images by OCR (default true). */
  ocr?: boolean;
  /** Seconds OCR may spend on one file's scanned pages (default 300); pages past it are named, and what was read is kept. */
  ocrSeconds?: number;
  /** Told after each page OCR reads (a progress line; parser threads also use it to show they are not stuck). */
  onOcrPage?: (file: string, read: number, of: number) => void;
}

/** How long one file may take: a real plan or report takes well under a second. */
export const DEFAULT_FILE_SECONDS = 60;
/** How long OCR may read one file: a scanned page takes about 5 s on one core, so about 60 pages. */
export const DEFAULT_OCR_SECONDS = 300;

/**
 * The whole pipeline for one file's bytes: read (text in any encoding, .docx, .pdf, .xlsx) →
 * normalise → metadata → unit → rows → values → catalog codes → validation. Pure but for reading
 * the bytes' format, which is asynchronous for PDF. Never throws for bad input: a file it cannot use
 * comes back with a file-level reject that says why.
 */
export async function processDocument(sourceFile: string, bytes: Uint8Array, ctx: ProcessContext): Promise<FileResult> {
  const contentHash = createHash("sha256").update(bytes).digest("hex");
  const submissionId = contentHash.slice(0, 16);
  const result: FileResult = { source_file: sourceFile, content_hash: contentHash, submission: null, observations: [], rejects: [], warnings: [], stats: { rows: 0, mapped: 0, unmapped: 0 } };
  const rejectFile = (reason_code: Reject["reason_code"], reason: Message, raw: string) => {
    result.observations = []; result.warnings = []; result.corrections_used = undefined;
    result.rejects = [fileRejectRow(sourceFile, reason_code, reason, raw)];
    return result;
  };

  // A time budget checked between stages and rows, so a file that reads slowly cannot hold up a run
  // (a hard limit for parser threads is in parallel/pool.ts).
  const seconds = ctx.fileSeconds ?? DEFAULT_FILE_SECONDS;
  let deadline = performance.now() + seconds * 1000;
  const timedOut = (where: Message) => rejectFile("timed_out", msg("read.timed_out", { seconds, where }), "");
  // OCR has a budget of its own (a scan's pages take seconds each): pages it could not reach in time
  // are named, and what it read is kept; the rows then get the file's budget as any file's do.
  const ocrSeconds = ctx.ocrSeconds ?? Math.max(seconds, DEFAULT_OCR_SECONDS);
  const read = await readDocument(sourceFile, bytes, ctx.limits, {
    ocr: ctx.ocr ?? true, deadline: performance.now() + ocrSeconds * 1000,
    onPage: ctx.onOcrPage ? (n, of) => ctx.onOcrPage!(sourceFile, n, of) : undefined,
  });
  if (read.ok && read.ocr) deadline = performance.now() + seconds * 1000;
  if (performance.now() > deadline) return timedOut(msg("read.timed_out.reading"));
  if (!read.ok) return rejectFile(read.reason_code, read.reason, read.reason_code === "binary" || bytes.length === 0 ? "" : printable(bytes.subarray(0, 200)));
  const locations = read.lines.map((l) => l.location);
  const source = toLines(read.lines.map((l) => l.text).join("\n"));
  const logical = logicalLines(source);
  const meta = detectMetadata(logical);
  if (performance.now() > deadline) return timedOut(msg("read.timed_out.split", { lines: source.length }));
  const head = logical.slice(0, 5).map((l) => l.text).join("\n");
  if (meta.dx_mentions === 0) return rejectFile("not_dx_document", msg("doc.not_dx"), head);
  const settled = settleMetadata(meta, sourceFile, ctx.gazetteer, { manifest: ctx.manifest?.get(sourceFile), corrections: ctx.corrections });
  if (!settled.ok) return rejectFile(settled.code, settled.reason, head);
  const { kind, year, unit, uses } = settled.meta;
  result.sources = settled.meta.sources;

  const warn = (code: Warning["code"], message: Message, line: number | null, raw: string) =>
    result.warnings.push({ source_file: sourceFile, submission_id: submissionId, code, ...asWarning(message), source_line: line, raw_text: raw });
  for (const other of unit.alsoNamed) {
    warn("unit_name_mismatch", msg("doc.names_other_unit", { unit: `${unit.unit.level} ${unit.unit.name}`, other: `${other.unit.level} ${other.unit.name}`, n: other.mentions }), other.line, logical.find((l) => l.first === other.line)?.text ?? "");
  }
  for (const note of read.notes) warn("extension_mismatch", note, null, "");
  if (read.ocr && read.ocr.unread.length > 0) warn("ocr_pages_unread", msg("read.ocr_pages_unread", { seconds: ocrSeconds, count: read.ocr.unread.length, pages: pageRanges(read.ocr.unread) }), null, "");
  for (const w of settled.meta.warnings) warn(w.code, w.message, w.line, head);

  const rows = extractRows(source, logical, { docKind: kind, docYear: year });
  const ownNames = new Set([unit.unit, ...ancestors(ctx.gazetteer, unit.unit)].map((u) => foldVietnamese(u.name)));
  const provinceNames = provinceNamesOf(ctx.gazetteer);
  const used = new Set<string>();
  for (const row of rows) {
    if (performance.now() > deadline) return timedOut(msg("read.timed_out.row", { row: result.stats.rows + 1, rows: rows.length, line: row.source_line }));
    const outcome = rowToObservations(row, { submissionId, sourceFile, catalog: ctx.catalog, threshold: ctx.threshold, corrections: ctx.corrections, used, ownNames, provinceNames, ownTier: tierOf(unit.unit.level) });
    result.stats.rows++;
    if (outcome.mapped) result.stats.mapped++;
    if (outcome.unmapped) result.stats.unmapped++;
    result.rejects.push(...outcome.rejects.map((r) => ({ ...r, source_location: r.source_line === null ? null : locations[r.source_line - 1] ?? null })));
    result.warnings.push(...outcome.warnings);
    for (const o of outcome.observations) {
      o.source_location = locations[o.source_line - 1] ?? null;
      o.ocr_confidence = rowOcrConfidence(source, locations, row);
      const checked = observationSchema.safeParse(o);
      if (checked.success) result.observations.push(checked.data);
      else result.rejects.push({ source_file: sourceFile, submission_id: submissionId, scope: "row", reason_code: "invalid", ...asReason(msg("row.invalid", { issues: checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") })), source_line: o.source_line, source_ref: o.source_ref, raw_text: o.source_text, best_code: o.indicator_code, best_confidence: o.confidence, source_location: o.source_location });
    }
  }
  const groups = groupTallies(result.observations);
  if (groups.size > 0) {
    result.observations = result.observations.filter((o) => !groups.has(o));
    for (const o of groups) result.rejects.push({
      source_file: sourceFile, submission_id: submissionId, scope: "row", reason_code: "summary_line",
      ...asReason(msg("row.group_tally", { raw: o.raw_value })),
      source_line: o.source_line, source_ref: o.source_ref, raw_text: o.source_text, best_code: o.indicator_code, best_confidence: o.confidence, source_location: o.source_location, match_text: o.indicator_text,
    });
  }
  if (ctx.corrections && ctx.corrections.rowValues.length > 0) {
    const given = applyRowValueCorrections(result.rejects, sourceFile, submissionId, year, ctx.corrections, ctx.correctionsSource ?? "corrections");
    result.rejects = given.rejects;
    for (const o of given.observations) {
      const checked = observationSchema.safeParse(o);
      if (checked.success) result.observations.push(checked.data);
    }
    uses.push(...given.uses);
  }
  if (ctx.corrections && ctx.corrections.values.length > 0) {
    const fixed = applyValueCorrections(result.observations, sourceFile, ctx.corrections, ctx.correctionsSource ?? "corrections");
    result.observations = fixed.observations;
    result.rejects.push(...fixed.rejects);
    uses.push(...fixed.uses);
  }
  const years = [...new Set([...(year === null ? [] : [year]), ...result.observations.flatMap((o) => (o.period_year === null ? [] : [o.period_year]))])].sort();
  result.submission = {
    submission_id: submissionId, source_file: sourceFile, content_hash: contentHash, format: read.format, encoding: read.encoding,
    doc_kind: kind, title: meta.title, doc_number: meta.doc_number, issue_date: meta.issue_date,
    doc_year: year, period_years: years, unit_name: unit.unit.name, unit_level: unit.unit.level,
    district: unit.district?.name ?? null, province: unit.province?.name ?? null, unit_code: unit.unit.code,
    unit_era: unit.unit.era, unit_confidence: unit.confidence,
  };
  uses.unshift(...[...used].map((key) => ({ key, detail: null })));
  if (uses.length > 0) result.corrections_used = uses;
  return result;
}

/**
 * A document that tallies its targets of one kind more than once ("Có 03/08 chỉ tiêu đã hoàn thành"
 * under one pillar, "Có 10/14 …" under the next) tallies groups, not its plan: those observations.
 */
function groupTallies(observations: Observation[]): Set<Observation> {
  const byCode = new Map<string, Observation[]>();
  for (const o of observations) if (o.indicator_code.startsWith("tcs.plan_targets_")) byCode.set(o.indicator_code, [...(byCode.get(o.indicator_code) ?? []), o]);
  return new Set([...byCode.values()].filter((list) => list.length > 1).flat());
}

const provinceCache = new WeakMap<Gazetteer, Set<string>>();
/** Folded names of every province of both eras (built once per gazetteer). */
function provinceNamesOf(g: Gazetteer): Set<string> {
  let names = provinceCache.get(g);
  if (!names) {
    names = new Set(g.units.filter((u) => u.parent_code === null).map((u) => foldVietnamese(u.name)));
    provinceCache.set(g, names);
  }
  return names;
}

/** The reject row for a whole file (its source text clipped to 500 characters). */
export const fileRejectRow = (sourceFile: string, reason_code: Reject["reason_code"], reason: Message, raw = ""): Reject => ({
  source_file: sourceFile, submission_id: null, scope: "file", reason_code, ...asReason(reason), source_line: null, source_ref: null,
  raw_text: raw.slice(0, 500), best_code: null, best_confidence: null, source_location: null,
});

/** The first bytes of a file as text a reviewer can read (control bytes shown as "·"). */
function printable(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes).replace(/[\u0000-\u0008\u000e-\u001f\ufffd]/g, "·");
}

/**
 * A value read by OCR is as sure as the least sure line of its row: a row number misread ("7" as
 * "v2") runs two rows into one, and the value it gives the wrong indicator must reach the review,
 * however sure the value's own line was. The row's lines are found from its first by their text.
 */
function rowOcrConfidence(source: SourceLine[], locations: (string | null)[], row: RowCandidate): number | null {
  const wanted = row.source_text.split("\n");
  let least: number | null = null;
  for (let i = row.source_line - 1, k = 0; i < source.length && k < wanted.length && i < row.source_line + 200; i++) {
    if (source[i]!.raw !== wanted[k]) continue;
    k++;
    const c = ocrConfidenceOf(locations[i] ?? null);
    if (c !== null) least = least === null ? c : Math.min(least, c);
  }
  return least;
}

