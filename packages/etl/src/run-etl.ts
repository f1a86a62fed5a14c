import { fromStored, msg, render, type Message } from "@dx-atlas/schema";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import type { AdminUnit } from "@dx-atlas/schema";
import { adminUnitSchema } from "@dx-atlas/schema";
import { parseCatalog } from "./catalog/index.ts";
import { parseCorrections, type CorrectionEntry } from "./corrections/corrections.ts";
import { buildGazetteer, parseUnitsCsv } from "./gazetteer/index.ts";
import { nationalListVersion, nationalUnits } from "./gazetteer/national-lists.ts";
import { unitsForSpec } from "./corrections/apply-corrections.ts";
import { MANIFEST_NAME, parseManifest, type ManifestEntry } from "./corrections/manifest.ts";
import { openWarehouse, queryRows } from "@dx-atlas/metrics";
import { loadRun, type FilePlan, type LoadHooks, type LoadSummary } from "./load/warehouse.ts";
import type { ParseSetup } from "./parallel/context.ts";
import { stopOcr } from "./read/ocr.ts";
import { parseAll } from "./parallel/pool.ts";
import { DEFAULT_PATHS } from "./paths.ts";
import { DEFAULT_FILE_SECONDS, DEFAULT_OCR_SECONDS, type FileResult } from "./process-document.ts";
import { NOT_REVIEWED } from "./review/review-items.ts";

export interface EtlOptions {
  inputs: string[];
  db: string;
  catalogPath?: string;
  /** The bundled units list (default data/gazetteer/units.csv); a province may pass its own. */
  gazetteerPath?: string;
  /** The analyst's corrections (default data/corrections.yaml; a missing file means none). */
  correctionsPath?: string;
  /** A manifest (file,unit,kind,year) to use; without it, a manifest.csv inside an input folder is used. */
  manifestPath?: string;
  /** Read, resolve and report as a load would, and write nothing. */
  dryRun?: boolean;
  /** Working directory that source_file paths are made relative to. */
  cwd?: string;
  now?: () => Date;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Told after each page OCR reads (file, pages read so far, of its pages). */
  onOcrPage?: (file: string, read: number, of: number) => void;
  /** Seconds OCR may spend on one file's scanned pages (default 300); pages past it are named as unread. */
  ocrSeconds?: number;
  /** Files larger than this are refused unread (default 64 MB). */
  maxFileBytes?: number;
  /** Seconds one file may take before it is rejected as timed_out (default 60; parser threads are stopped at twice that). */
  fileSeconds?: number;
  /** Parser threads (default: one per core, at most 8; 0 parses on the calling thread). */
  workers?: number;
  /** Read scanned pages and page images by OCR (default true); false refuses them as needs_ocr (--no-ocr). */
  ocr?: boolean;
  /** Keep every file's full result in the report (tests, small runs); otherwise only a summary per file. */
  keepResults?: boolean;
  hooks?: LoadHooks;
}

/** One file of a run, in a few numbers: what the CLI prints and --json returns. */
export interface FileSummary {
  file: string; action: "loaded" | "replaced" | "rejected" | "unchanged" | "duplicate"; read_as: string; kind: string; unit: string; year: number | null;
  rows: number; mapped: number; unmapped: number; observations: number; warnings: number; rejects: number; reason: string | null;
  /** The reason as a catalog message, for the CLI's language (left out of --json, which keeps `reason`). */
  says: Message | null;
  /** Where the unit, kind and year came from: text, words (a post's), name (the file's), manifest, correction. */
  sources: FileResult["sources"] | null;
}

export interface EtlReport {
  files: FileSummary[];
  /** Full results of the files parsed in this run, when `keepResults` was set. */
  results: FileResult[];
  /** The first 200 things to review (rejects, warnings), as "file:line: code: reason" messages. */
  flagged: Message[];
  /** How many things to review there are in all (what \`pnpm etl review\` lists of this run's files). */
  flaggedTotal: number;
  load: LoadSummary;
  db: string;
  seconds: number;
  /** Parser threads this run used (0: the main thread). */
  workers: number;
  /** The corrections file's entries (mappings, units, values), and those that matched no row of any loaded file. */
  corrections: { file: string; entries: number; unused: CorrectionEntry[] };
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Bump when a change to the extractor should re-read files that did not change. */
export const EXTRACTOR_VERSION = "2026-11-23.5";

const SKIP = /(^|\/)(\.|README|readme)[^/]*$|(^|\/)manifest\.csv$/;

/** Every file named, or found below a named folder (hidden files, READMEs and manifests skipped), sorted. */
export function expandInputs(inputs: string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else if (!SKIP.test(p)) out.push(p);
  };
  for (const input of inputs) {
    const p = resolve(cwd, input);
    try { statSync(p); } catch { throw new Error(`${input}: no such file or folder`); }
    walk(p);
  }
  return [...new Set(out)];
}

/** manifest.csv files directly inside the input folders. */
function findManifests(inputs: string[], cwd: string): string[] {
  return inputs.map((i) => join(resolve(cwd, i), MANIFEST_NAME)).filter((p) => existsSync(p));
}

/** Units known to the warehouse (an imported national list) plus the bundled ones. */
async function warehouseUnits(db: string): Promise<AdminUnit[]> {
  try {
    statSync(db);
  } catch {
    return [];
  }
  const wh = await openWarehouse(db);
  try {
    const exists = await queryRows(wh.conn, "SELECT 1 FROM information_schema.tables WHERE table_name = 'units'");
    if (exists.length === 0) return [];
    const rows = await queryRows(wh.conn, "SELECT code, name, level, parent_code, era, successor_codes, source FROM units WHERE source LIKE 'import:%'");
    return rows.map((r) => adminUnitSchema.parse(r));
  } finally {
    wh.close();
  }
}

/** SHA-256 of a file's bytes ("" when it is too large to read or unreadable: such a file is always looked at again). */
function hashFile(path: string, maxBytes: number): string {
  try {
    if (statSync(path).size > maxBytes) return "";
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return "";
  }
}

/** Below this many files to parse, threads are only used when asked for (--workers). */
export const THREADS_FROM = 1000;

export const defaultWorkers = () => Math.min(8, Math.max(1, availableParallelism()));

/**
 * The ETL job: hash every input, parse the new and changed ones on worker threads, append their rows
 * to the warehouse in one transaction. Memory stays flat: files are read one at a time per thread and
 * only a summary of each is kept.
 */
export async function runEtl(opts: EtlOptions): Promise<EtlReport> {
  const started = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const catalogPath = opts.catalogPath ?? DEFAULT_PATHS.catalog;
  const gazetteerPath = opts.gazetteerPath ?? DEFAULT_PATHS.gazetteer;
  const catalogText = readFileSync(catalogPath, "utf8");
  const unitsText = readFileSync(gazetteerPath, "utf8");
  const catalogSource = relative(cwd, catalogPath) || catalogPath;
  const unitsSource = `bundled:${relative(cwd, gazetteerPath) || gazetteerPath}`;
  // Parsed here once so that a broken catalog or units list stops the run before any thread starts.
  const catalog = parseCatalog(catalogText, catalogSource);
  const bundled = parseUnitsCsv(unitsText, unitsSource);
  const imported = await warehouseUnits(opts.db);
  const correctionsPath = opts.correctionsPath ?? DEFAULT_PATHS.corrections;
  const correctionsText = existsSync(correctionsPath) ? readFileSync(correctionsPath, "utf8") : "";
  const correctionsSource = relative(cwd, correctionsPath) || correctionsPath;
  const corrections = parseCorrections(correctionsText, correctionsSource, new Set(catalog.map((i) => i.code)));
  // A unit correction that names no unit, or several, stops the run here rather than rejecting its file.
  const national = nationalUnits();
  // Built only for unit corrections and manifests (the parser threads build their own): an
  // unchanged re-run needs neither.
  let built: ReturnType<typeof buildGazetteer> | undefined;
  const gazetteer = () => (built ??= buildGazetteer(national, imported, bundled));
  corrections.units.forEach((u, i) => {
    const found = unitsForSpec(gazetteer(), u.unit);
    if (!Array.isArray(found)) throw new Error(`${correctionsSource}: units → entry ${i + 1} (${u.file}): ${render(found, "en")}`);
  });
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const paths = expandInputs(opts.inputs, cwd).map((p) => ({ path: p, name: relative(cwd, p).startsWith("..") ? p : relative(cwd, p) }));
  // The analyst's manifest: checked against the run's files and the gazetteer before anything is read.
  const manifestFiles = opts.manifestPath ? [resolve(cwd, opts.manifestPath)] : findManifests(opts.inputs, cwd);
  const manifest: ManifestEntry[] = [];
  let manifestText = "";
  for (const m of manifestFiles) {
    let text: string;
    try { text = readFileSync(m, "utf8"); } catch (err) { throw new Error(`${relative(cwd, m) || m}: cannot read the manifest: ${(err as Error).message}`); }
    manifestText += `${m}\n${text}\n`;
    for (const e of parseManifest(text, m, relative(cwd, m) || m, paths, gazetteer())) {
      const earlier = manifest.find((x) => x.file === e.file);
      if (earlier) throw new Error(`${e.source}:${e.row}: ${e.file} is already given in ${earlier.source}:${earlier.row}`);
      manifest.push(e);
    }
  }
  // The corrections and the manifest are rules too: editing them re-reads every file, so each one's use is known.
  const rulesetHash = createHash("sha256").update(`${EXTRACTOR_VERSION}\n${catalogText}\n${nationalListVersion()}\n${unitsText}\n${imported.length}\n${correctionsText}\n${manifestText}`).digest("hex").slice(0, 16);
  const setup: ParseSetup = { catalogText, catalogSource, unitsText, unitsSource, imported, maxFileBytes, correctionsText, correctionsSource, manifest, fileSeconds: opts.fileSeconds ?? DEFAULT_FILE_SECONDS, ocr: opts.ocr ?? true, ocrSeconds: opts.ocrSeconds ?? Math.max(DEFAULT_OCR_SECONDS, opts.fileSeconds ?? DEFAULT_FILE_SECONDS) };
  const workers = opts.workers ?? defaultWorkers();
  let threads = 0;
  const files: FileSummary[] = [];
  const results: FileResult[] = [];
  const flagged: Message[] = [];
  let flaggedTotal = 0;
  const runKeys = new Set<string>();
  // A dry run on a warehouse that does not exist yet works on a scratch file, removed afterwards.
  const scratch = opts.dryRun && !existsSync(opts.db) ? join(mkdtempSync(join(tmpdir(), "dx-dry-run-")), "warehouse.duckdb") : null;
  const wh = await openWarehouse(scratch ?? opts.db);
  try {
    let done = 0;
    const load = await loadRun(wh.conn, { paths, hashOf: (p) => hashFile(p, maxFileBytes), catalog, units: buildGazetteer(national, bundled).units, now: (opts.now ?? (() => new Date()))(), rulesetHash, dryRun: opts.dryRun },
      // Runs under THREADS_FROM files are parsed on this thread: each thread spends about a second
      // loading the pipeline, and on 2 cores 600 files took 2.8 s on one thread and 4.0 s on two.
      (plans) => {
        threads = plans.length === 0 || (plans.length < THREADS_FROM && opts.workers === undefined) ? 0 : Math.min(workers, plans.length);
        return parseAll(plans.map((p) => ({ path: p.path, name: p.name })), setup, threads, opts.onOcrPage);
      },
      ({ plan, result }) => {
        files.push(summariseFile(plan, result));
        if (result) {
          if (opts.keepResults) results.push(result);
          for (const u of result.corrections_used ?? []) runKeys.add(u.key);
          const lines = flaggedLines(result);
          flaggedTotal += lines.length;
          for (const line of lines) if (flagged.length < 200) flagged.push(line);
        }
        opts.onProgress?.(++done, paths.length, plan.name);
      }, opts.hooks);
    const order = new Map(paths.map((p, i) => [p.name, i]));
    files.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
    // Corrections used by this run's files, and (unchanged files) by earlier runs; a dry run rolled the table back.
    const usedKeys = new Set(runKeys);
    if (!opts.dryRun) for (const r of await queryRows(wh.conn, "SELECT DISTINCT correction_key FROM correction_uses")) usedKeys.add(r.correction_key as string);
    const unused = corrections.entries.filter((e) => !usedKeys.has(e.key));
    return { files, results, flagged, flaggedTotal, load, db: opts.db, seconds: (performance.now() - started) / 1000, workers: threads,
      corrections: { file: correctionsSource, entries: corrections.entries.length, unused } };
  } finally {
    wh.close();
    if (scratch) rmSync(dirname(scratch), { recursive: true, force: true });
    // Files parsed on this thread may have started the OCR engine; its worker would keep the process up.
    await stopOcr();
  }
}

function summariseFile(plan: FilePlan, r: FileResult | null): FileSummary {
  const fileReject = r?.rejects.find((x) => x.scope === "file");
  const s = r?.submission ?? null;
  const action = plan.action === "parse" ? (!s ? "rejected" : plan.replaces ? "replaced" : "loaded") : plan.action;
  const says = fileReject ? fromStored(fileReject.message_code, fileReject.message_params, fileReject.reason)
    : plan.action === "duplicate" ? msg("doc.duplicate", { original: plan.original }) : null;
  return {
    file: plan.name, action,
    read_as: s ? (s.format === "text" ? s.encoding ?? "text" : s.encoding ? `${s.format}, ${s.encoding}` : s.format) : "-",
    kind: s?.doc_kind ?? "-", unit: s ? `${s.unit_level} ${s.unit_name}` : "-", year: s?.doc_year ?? null,
    rows: r?.stats.rows ?? 0, mapped: r?.stats.mapped ?? 0, unmapped: r?.stats.unmapped ?? 0, observations: r?.observations.length ?? 0,
    warnings: r?.warnings.length ?? 0, rejects: r?.rejects.length ?? 0,
    reason: says && render(says, "en"), says,
    sources: r?.sources ?? null,
  };
}

/** A file's rejects and warnings as review lines (not what an analyst's correction excluded: that is settled). */
function flaggedLines(f: FileResult): Message[] {
  return [
    ...f.rejects.filter((r) => !(NOT_REVIEWED.rejects as readonly string[]).includes(r.reason_code)).map((r) => msg("etl.flagged", {
      where: `${r.source_file}${r.source_location ? ` (${r.source_location})` : r.source_line ? `:${r.source_line}` : ""}`,
      label: msg(r.scope === "file" ? "etl.flagged_file" : `reason.${r.reason_code}`), text: fromStored(r.message_code, r.message_params, r.reason) })),
    ...f.warnings.filter((w) => !(NOT_REVIEWED.warnings as readonly string[]).includes(w.code)).map((w) => msg("etl.flagged", {
      where: `${w.source_file}${w.source_line ? `:${w.source_line}` : ""}`, label: msg(`warning.${w.code}`), text: fromStored(w.message_code, w.message_params, w.message) })),
  ];
}
