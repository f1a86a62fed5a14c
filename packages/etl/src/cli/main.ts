#!/usr/bin/env -S npx tsx
// `pnpm etl` — the only place that prints, colours and sets exit codes.
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { importUnits, readNationalLists } from "../load/import-units.ts";
import { DEFAULT_PATHS } from "../paths.ts";
import { runEtl } from "../run-etl.ts";
import { explainWarehouseError, formatTable, openWarehouse } from "@dx-atlas/metrics";
import { addIndicator } from "../catalog/add-indicator.ts";
import { parseCatalog } from "../catalog/index.ts";
import { addMapping, addRowValue, addUnit, addValue } from "../corrections/write-corrections.ts";
import { readReviewRows } from "../review/read-review.ts";
import { chooseLang, formatNumber, langFromArgv, msg, render, say, type Lang, type MessageCode, type Param } from "@dx-atlas/schema";
import { formatReview, reviewItems, type ReviewItem } from "../review/review-items.ts";


const cwd = process.env.INIT_CWD ?? process.cwd();

async function main(argv: string[]): Promise<number> {
  const USAGE = say(langFromArgv(argv), "usage.etl");
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { db: { type: "string" }, json: { type: "boolean" }, lang: { type: "string" }, help: { type: "boolean" }, "max-file-mb": { type: "string" }, workers: { type: "string" }, "file-timeout": { type: "string" }, "ocr-timeout": { type: "string" }, gazetteer: { type: "string" }, corrections: { type: "string" }, catalog: { type: "string" }, manifest: { type: "string" }, "dry-run": { type: "boolean" }, "no-ocr": { type: "boolean" }, accept: { type: "string", multiple: true }, as: { type: "string" }, unit: { type: "string" }, value: { type: "string" }, measure: { type: "string" }, new: { type: "string" }, name: { type: "string" }, direction: { type: "string" } } });
  } catch (err) {
    console.error(`etl: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) { console.log(USAGE); return 0; }
  const lang = chooseLang(args.values.lang);
  const t = (code: MessageCode, params?: Record<string, Param>) => say(lang, code, params);
  const db = args.values.db ? resolve(cwd, args.values.db) : DEFAULT_PATHS.warehouse;
  const [first, second, third] = args.positionals;
  if (first === "gazetteer") {
    if (second !== "import" || !third) { console.error(`etl: gazetteer needs: import DIR\n${USAGE}`); return 2; }
    const counts = await importUnits(db, readNationalLists(resolve(cwd, third)));
    console.log(t("etl.imported", { before: counts.before, after: counts.after, db: relative(cwd, db) }));
    return 0;
  }
  const correctionsPath = args.values.corrections ? resolve(cwd, args.values.corrections) : DEFAULT_PATHS.corrections;
  const catalogPath = args.values.catalog ? resolve(cwd, args.values.catalog) : DEFAULT_PATHS.catalog;
  if (first === "review") {
    const choice = { as: args.values.as, unit: args.values.new ? undefined : args.values.unit, value: args.values.value, measure: args.values.measure,
      newIndicator: args.values.new ? { code: args.values.new, name: args.values.name, unit: args.values.unit, direction: args.values.direction } : undefined };
    return review(db, correctionsPath, catalogPath, args.values.accept ?? [], choice, Boolean(args.values.json), lang);
  }
  const inputs = args.positionals.length > 0 ? args.positionals : [relative(cwd, DEFAULT_PATHS.samples) || "."];
  const maxMb = args.values["max-file-mb"] === undefined ? undefined : Number(args.values["max-file-mb"]);
  if (maxMb !== undefined && !(maxMb > 0)) { console.error(`--max-file-mb: expected a positive number of megabytes, got "${args.values["max-file-mb"]}"`); return 2; }
  const maxFileBytes = maxMb === undefined ? undefined : maxMb * 1024 * 1024;
  const workers = args.values.workers === undefined ? undefined : Number(args.values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) { console.error(`--workers: expected a whole number ≥ 0, got "${args.values.workers}"`); return 2; }
  const fileSeconds = args.values["file-timeout"] === undefined ? undefined : Number(args.values["file-timeout"]);
  if (fileSeconds !== undefined && !(fileSeconds > 0)) { console.error(`--file-timeout: expected a positive number of seconds, got "${args.values["file-timeout"]}"`); return 2; }
  const ocrSeconds = args.values["ocr-timeout"] === undefined ? undefined : Number(args.values["ocr-timeout"]);
  if (ocrSeconds !== undefined && !(ocrSeconds > 0)) { console.error(`--ocr-timeout: expected a positive number of seconds, got "${args.values["ocr-timeout"]}"`); return 2; }
  const gazetteerPath = args.values.gazetteer ? resolve(cwd, args.values.gazetteer) : undefined;
  const bar = process.stderr.isTTY && !args.values.json;
  const report = await runEtl({
    hooks: faultHooks(process.env.DX_TEST_PAUSE_AT),
    inputs, db, cwd, maxFileBytes, workers, fileSeconds, ocrSeconds, ocr: !args.values["no-ocr"], onOcrPage: ocrProgress(process.stderr), gazetteerPath, correctionsPath, catalogPath,
    manifestPath: args.values.manifest ? resolve(cwd, args.values.manifest) : undefined, dryRun: Boolean(args.values["dry-run"]),
    onProgress: bar ? (done, total) => {
      if (total < 20) return;
      const w = 30; const k = Math.round((done / total) * w);
      process.stderr.write(`\r[${"#".repeat(k)}${" ".repeat(w - k)}] ${done}/${total}${done === total ? "\n" : ""}`);
    } : undefined,
  });
  const rows = report.files;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (args.values.json) {
    console.log(JSON.stringify({ db: relative(cwd, report.db), seconds: report.seconds, workers: report.workers, peak_rss_mb: peakMb, load: report.load, corrections: report.corrections, files: rows }, englishOnly, 2));
    return 0;
  }
  const TABLE_MAX = 60;
  const dry = Boolean(args.values["dry-run"]);
  // A dry run also says where each file's unit, kind and year came from (text, words, name, manifest, correction).
  const from = (r: (typeof rows)[number]) => (r.sources ? `unit:${r.sources.unit} kind:${r.sources.kind} year:${r.sources.year}` : "-");
  const status = (r: (typeof rows)[number]) => r.action === "rejected" ? t("etl.rejected", { reason: r.says }) : r.action === "duplicate" ? t("etl.duplicate", { reason: r.says })
    : r.action === "unchanged" ? t("etl.unchanged") : t("etl.ok");
  const columns: MessageCode[] = ["col.file", "col.read_as", "col.kind", "col.unit", "col.year", ...(dry ? ["col.from" as const] : []), "col.rows", "col.mapped", "col.unmapped", "col.obs", "col.warnings", "col.rejects", "col.status"];
  const kind = (k: string) => k === "plan" || k === "report" ? t(`term.${k}`) : k;
  console.log(formatTable(columns.map((c) => t(c)),
    rows.slice(0, TABLE_MAX).map((r) => [r.file, r.read_as, kind(r.kind), r.unit, r.year ?? "-", ...(dry ? [from(r)] : []), r.rows, r.mapped, r.unmapped, r.observations, r.warnings, r.rejects, status(r)])));
  if (rows.length > TABLE_MAX) console.log(t("etl.more_files", { n: rows.length - TABLE_MAX }));
  const total = (k: "rows" | "unmapped" | "observations" | "warnings" | "rejects") => rows.reduce((n, r) => n + r[k], 0);
  const { loaded, replaced, unchanged, rejected, duplicates } = report.load;
  console.log(`\n${t("etl.summary", {
    files: rows.length, loaded, replaced, unchanged, unchanged_note: unchanged > 0 ? msg("etl.unchanged_note") : "", duplicates, rejected,
    observations: total("observations"), rows: total("rows"), unmapped: total("unmapped"), warnings: total("warnings"), rejects: total("rejects"),
    seconds: formatNumber(report.seconds, lang, 2), threads: report.workers === 0 ? msg("etl.main_thread") : msg("etl.threads", { n: report.workers }), peak: peakMb,
  })}`);
  const flagged = report.flagged;
  const nFlagged = report.flaggedTotal;
  if (nFlagged > 0) {
    console.log(`\n${t("etl.to_review", { n: nFlagged })}`);
    for (const m of flagged.slice(0, 15)) console.log(`  ${clipLine(render(m, lang), 180)}`);
    if (nFlagged > 15) console.log(`  ${t("etl.more_flagged", { n: nFlagged - 15 })}`);
    console.log(`  ${t("etl.review_hint")}`);
  }
  const { unused, entries, file } = report.corrections;
  if (unused.length > 0) {
    console.log(`\n${t("etl.corrections_unused", { n: unused.length, entries, file })}`);
    for (const u of unused.slice(0, 10)) console.log(`  ${render(u.says, lang)}`);
  }
  if (dry) console.log(t("etl.dry_run", { db: relative(cwd, report.db) }));
  else console.log(t("etl.next", { db: relative(cwd, report.db) }));
  return 0;
}

/**
 * Fault injection for the crash tests (test/faults.test.ts): DX_TEST_PAUSE_AT=file:N pauses the load
 * after its Nth file, =commit just before COMMIT, printing DX_PAUSED on stderr so that a test can
 * `kill -9` the process at a known point inside the transaction. Unset in normal use.
 */
function faultHooks(at: string | undefined) {
  if (!at) return undefined;
  const pause = () => { process.stderr.write("DX_PAUSED\n"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000); };
  const nth = /^file:(\d+)$/.exec(at);
  let n = 0;
  return { afterFile: nth ? () => { if (++n === Number(nth[1])) pause(); } : undefined, beforeCommit: at === "commit" ? pause : undefined };
}

/**
 * A summary line at most `max` characters: cut after the last full sentence that fits (the advice
 * that follows is in `pnpm etl review`), else at `max` with "…".
 */
function clipLine(line: string, max: number): string {
  if (line.length <= max) return line;
  const end = line.lastIndexOf(". ", max - 1);
  return end > max / 2 ? line.slice(0, end + 1) : `${line.slice(0, max - 3)}…`;
}

/** --json keeps the English, stable fields: the catalog messages beside them are for the human output. */
const englishOnly = (key: string, value: unknown) => (key === "says" || key === "message" && typeof value === "object" ? undefined : value);

/** `pnpm etl review`: the list, or with --accept, entries written to the corrections file. */
async function review(db: string, correctionsPath: string, catalogPath: string, accept: string[],
  choice: { as?: string; unit?: string; value?: string; measure?: string; newIndicator?: { code: string; name?: string; unit?: string; direction?: string } }, json: boolean, lang: Lang): Promise<number> {
  const t = (code: MessageCode, params?: Record<string, Param>) => say(lang, code, params);
  const done = (replaced: boolean) => msg(replaced ? "accept.replaced" : "accept.added");
  const wh = await openWarehouse(db, { readOnly: true });
  let items: ReviewItem[];
  try {
    items = reviewItems(await readReviewRows(wh.conn));
  } finally {
    wh.close();
  }
  if (accept.length === 0) {
    console.log(json ? JSON.stringify(items, englishOnly, 2) : formatReview(items, lang));
    return 0;
  }
  for (const id of accept) {
    const it = items.find((i) => i.id === id);
    if (!it) { console.error(t("accept.no_item", { id })); return 2; }
    const note = `accepted from ${it.file}:${it.line ?? "-"} on ${new Date().toISOString().slice(0, 10)}`;
    const file = relative(cwd, correctionsPath);
    if (choice.unit !== undefined || choice.value !== undefined) {
      if (choice.unit !== undefined && it.fix?.kind === "unit") {
        const { replaced } = addUnit(correctionsPath, { file: it.fix.file, unit: choice.unit, note });
        console.log(t("accept.unit", { done: done(replaced), file, source: it.fix.file, unit: choice.unit }));
        continue;
      }
      if (choice.value !== undefined && it.fix?.kind === "row_value") {
        const indicator = choice.as ?? it.fix.proposed;
        const measure = (choice.measure ?? it.fix.measure) as "target" | "actual" | null;
        if (!indicator || indicator === "none") { console.error(`etl review: item ${id} names no indicator: give --as CODE`); return 2; }
        const codes = new Set(parseCatalog(readFileSync(catalogPath, "utf8"), catalogPath).map((i) => i.code));
        if (!codes.has(indicator)) { console.error(`etl review: "${indicator}" is not a code of ${relative(cwd, catalogPath)}`); return 2; }
        if (measure !== "target" && measure !== "actual") { console.error(`etl review: item ${id} does not say whether it is a target or a result: give --measure target or --measure actual`); return 2; }
        const { replaced } = addRowValue(correctionsPath, { file: it.fix.file, text: it.fix.text, indicator, measure, value: choice.value, note });
        console.log(t("accept.row_value", { done: done(replaced), file, measure: msg(`term.${measure}`), code: indicator, source: `${it.fix.file}:${it.line ?? "-"}`, value: choice.value }));
        continue;
      }
      if (choice.value !== undefined && it.fix?.kind === "value") {
        for (const f of it.fix.files) {
          const { replaced } = addValue(correctionsPath, { file: f, indicator: it.fix.indicator, measure: it.fix.measure, year: it.fix.year, value: choice.value, note });
          console.log(t("accept.value", { done: done(replaced), file, code: it.fix.indicator, measure: msg(`measure.${it.fix.measure}`), year: it.fix.year, source: f, value: choice.value }));
        }
        continue;
      }
      console.error(`etl review: item ${id} is a ${it.kind}: ${it.fix?.kind === "unit" ? "give --unit" : it.fix?.kind === "value" ? "give --value" : it.wording !== undefined ? "give --as CODE (or none)" : "nothing to set for it; fix it in the document, or re-submit the file"}`);
      return 2;
    }
    if (choice.newIndicator && it.wording !== undefined) {
      const n = choice.newIndicator;
      if (!n.name) { console.error("etl review: --new CODE needs --name \"the indicator's name\""); return 2; }
      try {
        addIndicator(catalogPath, { code: n.code, name: n.name, unit: n.unit, direction: n.direction, phrasing: it.wording, note });
      } catch (err) { console.error(`etl review: ${(err as Error).message}`); return 2; }
      addMapping(correctionsPath, { text: it.wording, indicator: n.code, note });
      console.log(t("accept.new_indicator", { code: n.code, catalog: relative(cwd, catalogPath), text: it.wording, file }));
      continue;
    }
    if (it.wording === undefined) { console.error(`etl review: item ${id} is a ${it.kind}, not a mapping: ${it.fix?.kind === "unit" ? "give --unit \"xã …\"" : it.fix?.kind === "value" ? "give --value \"…\"" : "fix it in the document, or re-submit the file"}`); return 2; }
    const code = choice.as ?? it.proposed;
    if (!code) { console.error(`etl review: item ${id} has no proposed code: give one with --as CODE (or --as none)`); return 2; }
    const { replaced } = addMapping(correctionsPath, { text: it.wording, indicator: code, note });
    console.log(t("accept.mapping", { done: done(replaced), file, text: it.wording, code }));
  }
  console.log(t("accept.run_again"));
  return 0;
}

// `pnpm etl | head`: a reader that stops early is not an error (the run itself is already committed or not).
process.stdout.on("error", (err: NodeJS.ErrnoException) => { if (err.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw err; });

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: Error) => {
  console.error(render(msg("etl.failed", { error: explainWarehouseError(err, "") }), langFromArgv(process.argv)));
  process.exitCode = 1;
});

/**
 * "OCR 3/12 pages: inbox/scan.pdf", one line per scanned file: rewritten in place on a terminal;
 * elsewhere (a log) printed at the first page, every 10th and the last, so a long scan shows it moves.
 */
function ocrProgress(out: NodeJS.WriteStream): (file: string, read: number, of: number) => void {
  return (file, read, of) => {
    const line = `OCR ${read}/${of} pages: ${file}`;
    if (out.isTTY) out.write(`\r${line}\x1b[K${read === of ? "\n" : ""}`);
    else if (read === 1 || read === of || read % 10 === 0) out.write(`${line}\n`);
  };
}

