import { createHash } from "node:crypto";
import { correctionKey } from "../corrections/corrections.ts";

// What needs a human after a run, as items with a stable id (the same finding keeps its id across
// runs, so `pnpm etl review --accept ID` can name it). Pure: the rows come from read-review.ts.

export type ReviewKind = "unmapped" | "low_confidence" | "unit_uncertain" | "conflict" | "placeholder" | "unreadable_row" | "file_rejected" | "warning" | "ocr_unsure";

export interface ReviewItem {
  id: string;
  kind: ReviewKind;
  file: string;
  line: number | null;
  /** The source text (the row, or the start of the file). */
  text: string;
  /** What is wrong, in a sentence. */
  detail: string;
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
  rejects: { source_file: string; scope: string; reason_code: string; reason: string; source_line: number | null; raw_text: string; match_text: string | null; best_code: string | null; best_confidence: number | null }[];
  lowConfidence: { source_file: string; source_line: number; indicator_code: string; indicator_text: string | null; confidence: number; source_text: string | null; raw_value: string | null }[];
  ocr: { source_file: string; source_line: number; indicator_code: string; raw_value: string | null; ocr_confidence: number; source_location: string | null }[];
  units: { source_file: string; unit_level: string | null; unit_name: string | null; unit_confidence: number | null }[];
  warnings: { source_file: string; code: string; message: string; source_line: number | null; raw_text: string | null }[];
  conflicts: { unit_name: string; period_year: number; indicator_code: string; measure: "target" | "actual"; entries: { raw_value: string | null; source_file: string; source_line: number }[] }[];
}

/** Rows the analyst can give a value to (corrections/apply-corrections.ts reads the same list). */
const ROW_VALUE_REASONS = new Set(["ambiguous_result", "no_value", "unparsed_value"]);
/** "one result … for 3 targets", "cannot read the target …": which cell the reason is about, if it says. */
const measureOfReason = (reason: string): "target" | "actual" | null =>
  /^(?:one|cannot read the) result/u.test(reason) ? "actual" : /^(?:one|cannot read the) target/u.test(reason) ? "target" : null;

const item = (kind: ReviewKind, file: string, line: number | null, text: string, detail: string, extra: Partial<ReviewItem> = {}): ReviewItem =>
  ({ id: itemId(kind, file, line, `${text}|${detail}`), kind, file, line, text, detail, ...extra });

/** Every finding as a review item, ordered by file and line. */
export function reviewItems(rows: ReviewRows): ReviewItem[] {
  const out: ReviewItem[] = [];
  for (const r of rows.rejects) {
    // A file rejected for its unit is settled by naming the unit (--accept ID --unit …).
    if (r.scope === "file") out.push(item("file_rejected", r.source_file, null, r.raw_text.slice(0, 200), r.reason, r.reason_code === "unknown_unit" || r.reason_code === "ambiguous_unit" ? { fix: { kind: "unit", file: r.source_file } } : {}));
    else if (r.reason_code === "unmapped") {
      out.push(item("unmapped", r.source_file, r.source_line, r.raw_text, r.reason, { wording: r.match_text ?? r.raw_text, proposed: r.best_code }));
    } else out.push(item("unreadable_row", r.source_file, r.source_line, r.raw_text, `${r.reason_code}: ${r.reason}`,
      ROW_VALUE_REASONS.has(r.reason_code) ? { fix: { kind: "row_value", file: r.source_file, text: r.raw_text, measure: measureOfReason(r.reason), proposed: r.best_code } } : {}));
  }
  for (const o of rows.lowConfidence) {
    out.push(item("low_confidence", o.source_file, o.source_line, o.source_text ?? "", `mapped to ${o.indicator_code} at confidence ${o.confidence.toFixed(2)} (value "${o.raw_value ?? ""}"): confirm or correct`,
      { wording: o.indicator_text ?? o.source_text ?? "", proposed: o.indicator_code }));
  }
  for (const o of rows.ocr) {
    const bound = /[≥≤]/u.test(o.raw_value ?? "") ? " (OCR cannot tell \"≥\" from \">\" and reads both as \"≥\")" : "";
    out.push(item("ocr_unsure", o.source_file, o.source_line, o.raw_value ?? "", `read by OCR at confidence ${o.ocr_confidence.toFixed(0)}: "${o.raw_value ?? ""}" for ${o.indicator_code}${bound}; check it against the page image (${o.source_location ?? "page unknown"}); if it is misread, correct it in data/corrections.yaml (values: file, indicator, measure, year, value)`));
  }
  for (const u of rows.units) {
    out.push(item("unit_uncertain", u.source_file, null, `${u.unit_level ?? ""} ${u.unit_name ?? ""}`.trim(), `the unit was resolved at confidence ${(u.unit_confidence ?? 0).toFixed(2)}: check it is the unit that filed the document`,
      { fix: { kind: "unit", file: u.source_file } }));
  }
  for (const w of rows.warnings) {
    out.push(item(w.code === "placeholder_unfilled" ? "placeholder" : "warning", w.source_file, w.source_line, w.raw_text ?? "", `${w.code}: ${w.message}`,
      w.code === "unit_name_mismatch" ? { fix: { kind: "unit", file: w.source_file } } : {}));
  }
  for (const c of rows.conflicts) {
    const values = c.entries.map((e) => `"${e.raw_value ?? ""}" (${e.source_file}:${e.source_line})`).join(" vs ");
    const first = c.entries[0]!;
    out.push(item("conflict", first.source_file, first.source_line, `${c.unit_name} ${c.period_year} ${c.indicator_code}`, `${c.measure === "actual" ? "results" : "targets"} disagree: ${values}`,
      { fix: { kind: "value", files: [...new Set(c.entries.map((e) => e.source_file))], indicator: c.indicator_code, measure: c.measure, year: c.period_year } }));
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.kind.localeCompare(b.kind));
}

const LABEL: Record<ReviewKind, string> = {
  unmapped: "unmapped", low_confidence: "unsure mapping", unit_uncertain: "unit unsure", conflict: "conflict",
  placeholder: "placeholder", unreadable_row: "row not read", file_rejected: "file rejected", warning: "warning", ocr_unsure: "OCR unsure",
};

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
export function formatReview(items: ReviewItem[]): string {
  if (items.length === 0) return "Nothing to review.";
  const lines: string[] = [];
  const recurring = recurringWordings(items);
  if (recurring.length > 0) {
    lines.push("Unmapped wordings in several files (accepting one maps every file that uses it):");
    for (const g of recurring.slice(0, 20)) {
      lines.push(`  [${g.ids[0]}] ${String(g.files.length).padStart(3)} files  “${clip(g.wording, 110)}”`);
      lines.push(`  ${" ".repeat(17)}${clip(g.files.join(", "), 140)}`);
      lines.push(`  ${" ".repeat(17)}accept: pnpm etl review --accept ${g.ids[0]} --as ${g.proposed ?? "CODE"}   (or --new CODE --name "…" [--unit percent] [--direction higher] for a new indicator)`);
    }
  }
  let file = "";
  for (const it of items) {
    if (it.file !== file) { file = it.file; lines.push("", file); }
    const at = it.line === null ? "" : `:${it.line}`;
    lines.push(`  [${it.id}] ${at.padEnd(6)} ${LABEL[it.kind].padEnd(14)} ${clip(it.detail, 150)}`);
    if (it.text) lines.push(`  ${" ".repeat(18)}“${clip(it.text, 140)}”`);
    if (it.fix?.kind === "unit") lines.push(`  ${" ".repeat(18)}fix: pnpm etl review --accept ${it.id} --unit "xã …, huyện …"   (the unit that filed ${it.fix.file}; or a GSO code)`);
    if (it.fix?.kind === "row_value") lines.push(`  ${" ".repeat(18)}fix: pnpm etl review --accept ${it.id} --value "…"${it.fix.proposed ? ` [--as CODE]   (for ${it.fix.proposed} unless --as says)` : " --as CODE"}${it.fix.measure ? "" : " --measure target|actual"}`);
    if (it.fix?.kind === "value") lines.push(`  ${" ".repeat(18)}fix: pnpm etl review --accept ${it.id} --value "…"   (the right ${it.fix.measure === "actual" ? "result" : "target"}, as the documents write it; or --value none)`);
    if (it.wording !== undefined) lines.push(`  ${" ".repeat(18)}accept: pnpm etl review --accept ${it.id}${it.proposed ? "" : " --as CODE"}   (${it.proposed ? `maps it to ${it.proposed}` : "no code proposed"}; --as CODE or --as none to choose)`);
  }
  const counts = new Map<ReviewKind, number>();
  for (const it of items) counts.set(it.kind, (counts.get(it.kind) ?? 0) + 1);
  lines.push("", `${items.length} to review: ${[...counts].map(([k, n]) => `${n} ${LABEL[k]}`).join(", ")}.`);
  return lines.join("\n").trimStart();
}
