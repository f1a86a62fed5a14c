import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { AdminUnit } from "@dx-atlas/schema";
import { adminUnitSchema } from "@dx-atlas/schema";
import { indexCatalog, parseCatalog } from "./catalog/index.ts";
import { buildGazetteer, parseUnitsCsv } from "./gazetteer/index.ts";
import { openWarehouse, queryRows } from "@dx-atlas/metrics";
import { loadRun, type LoadHooks, type LoadSummary } from "./load/warehouse.ts";
import { DEFAULT_PATHS } from "./paths.ts";
import { processDocument, type FileResult } from "./process-document.ts";

export interface EtlOptions {
  inputs: string[];
  db: string;
  catalogPath?: string;
  gazetteerPath?: string;
  /** Working directory that source_file paths are made relative to. */
  cwd?: string;
  now?: () => Date;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Files larger than this are refused unread (default 64 MB). */
  maxFileBytes?: number;
  hooks?: LoadHooks;
}

export interface EtlReport { files: FileResult[]; load: LoadSummary; db: string; seconds: number }

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A file's bytes, or why they were not read: too large (checked before reading, so memory stays bounded) or unreadable. */
function readInput(path: string, maxBytes: number): Uint8Array | { code: "too_large" | "unreadable"; reason: string } {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { code: "too_large", reason: `the file is ${mb(size)}, more than the ${mb(maxBytes)} limit (--max-file-mb): not read. A plan or report is rarely over 10 MB; a scan or embedded media may be` };
    return readFileSync(path);
  } catch (err) {
    return { code: "unreadable", reason: `cannot read the file: ${(err as Error).message}` };
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function fileReject(name: string, reason_code: "too_large" | "unreadable", reason: string): FileResult {
  return {
    source_file: name, content_hash: "", submission: null, observations: [], warnings: [], stats: { rows: 0, mapped: 0, unmapped: 0 },
    rejects: [{ source_file: name, submission_id: null, scope: "file", reason_code, reason, source_line: null, source_ref: null, raw_text: "", best_code: null, best_confidence: null, source_location: null }],
  };
}

/** Bump when a change to the extractor should re-read files that did not change. */
export const EXTRACTOR_VERSION = "2026-11-23.2";

const SKIP = /(^|\/)(\.|README|readme)[^/]*$/;

/** Every file named, or found below a named folder (hidden files and READMEs skipped), sorted. */
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

/** The ETL job: read every input, process it, load the run into the warehouse atomically. */
export async function runEtl(opts: EtlOptions): Promise<EtlReport> {
  const started = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const catalogPath = opts.catalogPath ?? DEFAULT_PATHS.catalog;
  const gazetteerPath = opts.gazetteerPath ?? DEFAULT_PATHS.gazetteer;
  const catalogText = readFileSync(catalogPath, "utf8");
  const unitsText = readFileSync(gazetteerPath, "utf8");
  const catalog = parseCatalog(catalogText, relative(cwd, catalogPath) || catalogPath);
  const bundled = parseUnitsCsv(unitsText, "bundled:data/gazetteer/units.csv");
  const imported = await warehouseUnits(opts.db);
  const gazetteer = buildGazetteer(imported, bundled);
  const rulesetHash = createHash("sha256").update(`${EXTRACTOR_VERSION}\n${catalogText}\n${unitsText}\n${imported.length}`).digest("hex").slice(0, 16);
  const index = indexCatalog(catalog);
  const paths = expandInputs(opts.inputs, cwd);
  const files: FileResult[] = [];
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  for (const [i, p] of paths.entries()) {
    const name = relative(cwd, p).startsWith("..") ? p : relative(cwd, p);
    const bytes = readInput(p, maxBytes);
    if (bytes instanceof Uint8Array) files.push(await processDocument(name, bytes, { catalog: index, gazetteer }));
    else files.push(fileReject(name, bytes.code, bytes.reason));
    opts.onProgress?.(i + 1, paths.length, name);
  }
  const wh = await openWarehouse(opts.db);
  try {
    const load = await loadRun(wh.conn, { results: files, catalog, units: bundled, now: (opts.now ?? (() => new Date()))(), rulesetHash }, opts.hooks);
    return { files, load, db: opts.db, seconds: (performance.now() - started) / 1000 };
  } finally {
    wh.close();
  }
}
