import { createHash } from "node:crypto";
import { fromStored, msg, render, say, type Lang, type Message, type MessageCode, type Param } from "@dx-atlas/schema";
import { correctionKey } from "../corrections/corrections.ts";

// What needs a human after a run, as items with a stable id (the same finding keeps its id across
// runs, so `pnpm etl review --accept ID` can name it). Pure: the rows come from read-review.ts.

export const REVIEW_KINDS = ["unmapped", "low_confidence", "unit_uncertain", "conflict", "placeholder", "unreadable_row", "file_rejected", "warning", "ocr_unsure"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export interface ReviewItem {
  id: string;
  kind: ReviewKind;
  file: string;
  line: number | null;
  /** The source text (the row, or the start of the file). */
  text: string;
  /** What is wrong, in a sentence (English; the id is made from it). */
  detail: string;
  /** The same as a catalog message, for the reader's language (not in --json: that stays as it was). */
  message: Message;
  /** For mapping items: the wording a correction is keyed by, and the code proposed (null: none). */
  wording?: string;
  proposed?: string | null;
  /** What a unit or value correction for this item would be keyed by (`--accept ID --unit …` / `--value …`). */
  fix?: { kind: "unit"; file: string } | { kind: "value"; files: string[]; indicator: string; measure: "target" | "actual"; year: number }
    /** A row not read: its value and indicator can be given (`--value … [--as CODE] [--measure …]`), keyed by the row's text. */
    | { kind: "row_value"; file: string; text: string; measure: "target" | "actual" | null; proposed: string | null };
}

/**
 * Rejects and warnings that need no second look, so neither the review nor the run summary lists them:
 * summary lines are the extractor's own decision (counts of the plan's targets), 'excluded' rows an
 * analyst's; a duplicate file is reported in the run's counts.
 */
export const NOT_REVIEWED = { rejects: ["summary_line", "excluded"], warnings: ["duplicate_file"] } as const;

/** Mappings accepted below this confidence are listed for a human to confirm. */
export const LOW_CONFIDENCE = 0.8;
/** Values read by OCR below this mean word confidence (0–100) are listed with their page region. */
export const OCR_UNSURE = 85;
/** Units resolved below this confidence are listed. */
export const UNIT_UNCERTAIN = 0.9;

export const itemId = (kind: ReviewKind, file: string, line: number | null, text: string) =>
  createHash("sha1").update(`${kind}|${file}|${line ?? ""}|${text}`).digest("hex").slice(0, 8);

export interface ReviewRows {
  rejects: { source_file: string; scope: string; reason_code: string; reason: string; message_code: string | null; message_params: string | null; source_line: number | null; raw_text: string; match_text: string | null; best_code: string | null; best_confidence: number | null }[];
  lowConfidence: { source_file: string; source_line: number; indicator_code: string; indicator_text: string | null; confidence: number; source_text: string | null; raw_value: string | null }[];
  ocr: { source_file: string; source_line: number; indicator_code: string; raw_value: string | null; ocr_confidence: number; source_location: string | null }[];
  units: { source_file: string; unit_level: string | null; unit_name: string | null; unit_confidence: number | null }[];
  warnings: { source_file: string; code: string; message: string; message_code: string | null; message_params: string | null; source_line: number | null; raw_text: string | null }[];
  conflicts: { unit_name: string; period_year: number; indicator_code: string; measure: "target" | "actual"; entries: { raw_value: string | null; source_file: string; source_line: number }[] }[];
}

/** Rows the analyst can give a value to (corrections/apply-corrections.ts reads the same list). */
const ROW_VALUE_REASONS = new Set(["ambiguous_result", "no_value", "unparsed_value"]);
/** "one result … for 3 targets", "cannot read the target …": which cell the reason is about, if it says. */
const measureOfReason = (reason: string): "target" | "actual" | null =>
  /^(?:one|cannot read the) result/u.test(reason) ? "actual" : /^(?:one|cannot read the) target/u.test(reason) ? "target" : null;

/** A finding; its id is made from its English detail (`english`: when the id keeps an English of its own). */
const item = (kind: ReviewKind, file: string, line: number | null, text: string, message: Message, extra: Partial<ReviewItem> = {}, english?: string): ReviewItem => {
  const detail = english ?? render(message, "en");
  return { id: itemId(kind, file, line, `${text}|${detail}`), kind, file, line, text, detail, message, ...extra };
};
/** "no_value: the row gives …": the reason's or warning's label, then its message. */
const coded = (label: string, stored: Message) => msg("review.coded", { label: msg(label as MessageCode), text: stored });

/** Every finding as a review item, ordered by file and line. */
export function reviewItems(rows: ReviewRows): ReviewItem[] {
  const out: ReviewItem[] = [];
  for (const r of rows.rejects) {
    // A file rejected for its unit is settled by naming the unit (--accept ID --unit …).
    const stored = fromStored(r.message_code, r.message_params, r.reason);
    if (r.scope === "file") out.push(item("file_rejected", r.source_file, null, r.raw_text.slice(0, 200), stored, r.reason_code === "unknown_unit" || r.reason_code === "ambiguous_unit" ? { fix: { kind: "unit", file: r.source_file } } : {}));
    else if (r.reason_code === "unmapped") {
      out.push(item("unmapped", r.source_file, r.source_line, r.raw_text, stored, { wording: r.match_text ?? r.raw_text, proposed: r.best_code }));
    } else out.push(item("unreadable_row", r.source_file, r.source_line, r.raw_text, coded(`reason.${r.reason_code}`, stored),
      ROW_VALUE_REASONS.has(r.reason_code) ? { fix: { kind: "row_value", file: r.source_file, text: r.raw_text, measure: measureOfReason(r.reason), proposed: r.best_code } } : {}));
  }
  for (const o of rows.lowConfidence) {
    out.push(item("low_confidence", o.source_file, o.source_line, o.source_text ?? "", msg("review.low_confidence_detail", { code: o.indicator_code, confidence: o.confidence, raw: o.raw_value ?? "" }),
      { wording: o.indicator_text ?? o.source_text ?? "", proposed: o.indicator_code }));
  }
  for (const o of rows.ocr) {
    const bound = /[≥≤]/u.test(o.raw_value ?? "");
    out.push(item("ocr_unsure", o.source_file, o.source_line, o.raw_value ?? "", msg(bound ? "review.ocr_bound_detail" : "review.ocr_detail",
      { confidence: o.ocr_confidence, raw: o.raw_value ?? "", code: o.indicator_code, where: o.source_location ?? msg("review.page_unknown") })));
  }
  for (const u of rows.units) {
    out.push(item("unit_uncertain", u.source_file, null, `${u.unit_level ?? ""} ${u.unit_name ?? ""}`.trim(), msg("review.unit_detail", { confidence: u.unit_confidence ?? 0 }),
      { fix: { kind: "unit", file: u.source_file } }));
  }
  for (const w of rows.warnings) {
    out.push(item(w.code === "placeholder_unfilled" ? "placeholder" : "warning", w.source_file, w.source_line, w.raw_text ?? "", coded(`warning.${w.code}`, fromStored(w.message_code, w.message_params, w.message)),
      w.code === "unit_name_mismatch" ? { fix: { kind: "unit", file: w.source_file } } : {}));
  }
  for (const c of rows.conflicts) {
    const values = c.entries.map((e) => msg("review.conflict_entry", { raw: e.raw_value ?? "", file: e.source_file, line: e.source_line }));
    const first = c.entries[0]!;
    const measures = msg(c.measure === "actual" ? "term.actuals" : "term.targets");
    // The id keeps the English of before the catalog, which put " vs " between the values.
    const english = render(msg("review.conflict_detail", { measures, values: values.map((v) => render(v, "en")).join(" vs ") }), "en");
    out.push(item("conflict", first.source_file, first.source_line, `${c.unit_name} ${c.period_year} ${c.indicator_code}`, msg("review.conflict_detail", { measures, values }),
      { fix: { kind: "value", files: [...new Set(c.entries.map((e) => e.source_file))], indicator: c.indicator_code, measure: c.measure, year: c.period_year } }, english));
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.kind.localeCompare(b.kind));
}


const clip = (s: string, n: number) => { const t = s.replace(/\s+/g, " ").trim(); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };

/** Unmapped wordings that recur across files: one accepted mapping maps every file that uses it. */
export interface WordingGroup { wording: string; ids: string[]; files: string[]; proposed: string | null }

// Two wordings are one when folded alike ("Tỷ lệ …" / "tỷ lệ …,"), or when they share their content
// words (numbers, names and the genre's filler left out), in any order.
const FILLER = new Set(["tỷ", "lệ", "các", "của", "và", "có", "được", "trên", "tại", "cho", "trong", "với", "là", "đạt", "năm", "đến", "nay", "đã", "xã", "huyện", "tỉnh", "phường"]);
// Names (capitalised words: "Yên Trường", "Thanh Hóa") differ between the files that share a wording.
const contentKey = (wording: string) => [...new Set(wording.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "" && !/^\p{Lu}/u.test(w)).map((w) => correctionKey(w))
  .filter((w) => w.length > 1 && !/\d/.test(w) && !FILLER.has(w)))].sort().join(" ");

/** Unmapped wordings found in two or more files, largest group first. */
export function recurringWordings(items: ReviewItem[]): WordingGroup[] {
  const groups = new Map<string, { wording: string; ids: string[]; files: Set<string>; proposed: Map<string, number> }>();
  for (const it of items) {
    if (it.kind !== "unmapped" || it.wording === undefined) continue;
    const key = contentKey(it.wording) || correctionKey(it.wording);
    const g = groups.get(key) ?? { wording: it.wording, ids: [] as string[], files: new Set<string>(), proposed: new Map<string, number>() };
    g.ids.push(it.id); g.files.add(it.file);
    if (it.proposed) g.proposed.set(it.proposed, (g.proposed.get(it.proposed) ?? 0) + 1);
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.files.size >= 2)
    .map((g) => ({ wording: g.wording, ids: g.ids, files: [...g.files].sort(), proposed: [...g.proposed].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null }))
    .sort((a, b) => b.files.length - a.files.length || a.wording.localeCompare(b.wording));
}

/** The review list as text, grouped by file, one finding per line with its id and source line. */
export function formatReview(items: ReviewItem[], lang: Lang = "vi"): string {
  const t = (code: MessageCode, params?: Record<string, Param>) => say(lang, code, params);
  const label = (kind: ReviewKind) => t(`review.${kind}`);
  if (items.length === 0) return t("review.nothing");
  const lines: string[] = [];
  const recurring = recurringWordings(items);
  if (recurring.length > 0) {
    lines.push(t("review.recurring"));
    for (const g of recurring.slice(0, 20)) {
      lines.push(`  [${g.ids[0]}] ${t("review.recurring_files", { n: g.files.length }).padStart(9)}  “${clip(g.wording, 110)}”`);
      lines.push(`  ${" ".repeat(17)}${clip(g.files.join(", "), 140)}`);
      lines.push(`  ${" ".repeat(17)}${t("review.recurring_accept", { id: g.ids[0]!, code: g.proposed ?? (lang === "vi" ? "MÃ" : "CODE") })}`);
    }
  }
  const pad = " ".repeat(18);
  let file = "";
  for (const it of items) {
    if (it.file !== file) { file = it.file; lines.push("", file); }
    const at = it.line === null ? "" : `:${it.line}`;
    lines.push(`  [${it.id}] ${at.padEnd(6)} ${label(it.kind).padEnd(15)} ${clip(render(it.message, lang), 150)}`);
    if (it.text) lines.push(`  ${pad}“${clip(it.text, 140)}”`);
    if (it.fix?.kind === "unit") lines.push(`  ${pad}${t("review.fix_unit", { id: it.id, file: it.fix.file })}`);
    if (it.fix?.kind === "row_value") {
      const measure = it.fix.measure ? "" : msg("review.fix_measure");
      lines.push(`  ${pad}${it.fix.proposed ? t("review.fix_row_value", { id: it.id, code: it.fix.proposed, measure }) : t("review.fix_row_value_no_code", { id: it.id, measure })}`);
    }
    if (it.fix?.kind === "value") lines.push(`  ${pad}${t("review.fix_value", { id: it.id, measure: msg(`term.${it.fix.measure}`) })}`);
    if (it.wording !== undefined) lines.push(`  ${pad}${it.proposed ? t("review.accept_proposed", { id: it.id, code: it.proposed }) : t("review.accept_none", { id: it.id })}`);
  }
  const counts = new Map<ReviewKind, number>();
  for (const it of items) counts.set(it.kind, (counts.get(it.kind) ?? 0) + 1);
  lines.push("", t("review.total", { n: items.length, counts: [...counts].map(([k, n]) => `${n} ${label(k)}`).join(", ") }));
  return lines.join("\n").trimStart();
}
