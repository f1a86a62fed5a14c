import { msg, type Message } from "@dx-atlas/schema";
import { readFileSync, statSync } from "node:fs";
import type { AdminUnit, Reject } from "@dx-atlas/schema";
import { indexCatalog, parseCatalog } from "../catalog/index.ts";
import { buildGazetteer, parseUnitsCsv } from "../gazetteer/index.ts";
import { nationalUnits } from "../gazetteer/national-lists.ts";
import { parseCorrections } from "../corrections/corrections.ts";
import type { ManifestEntry } from "../corrections/manifest.ts";
import { fileRejectRow, processDocument, type FileResult, type ProcessContext } from "../process-document.ts";

/** Everything a parser needs, as plain data that can cross to a worker thread. */
export interface ParseSetup {
  catalogText: string; catalogSource: string; unitsText: string; unitsSource: string; imported: AdminUnit[]; maxFileBytes: number;
  /** The analyst's corrections file (data/corrections.yaml), "" when there is none. */
  correctionsText: string; correctionsSource: string;
  /** What the analyst's manifest says about files of the run (checked when the run started). */
  manifest: ManifestEntry[];
  /** Seconds one file may take (processDocument's budget; parser threads are stopped at twice that). */
  fileSeconds: number;
  /** Read scanned pages by OCR (false: --no-ocr). */
  ocr: boolean;
  /** Seconds OCR may spend on one file (--ocr-timeout). */
  ocrSeconds: number;
}

/** One file to parse: where it is and the name it is recorded under. */
export interface ParseTask { path: string; name: string }

/** Builds the catalog index and gazetteer once per thread. */
export function contextFrom(setup: ParseSetup): ProcessContext {
  const indicators = parseCatalog(setup.catalogText, setup.catalogSource);
  const catalog = indexCatalog(indicators);
  const gazetteer = buildGazetteer(nationalUnits(), setup.imported, parseUnitsCsv(setup.unitsText, setup.unitsSource));
  const corrections = parseCorrections(setup.correctionsText, setup.correctionsSource, new Set(indicators.map((i) => i.code)));
  return { catalog, gazetteer, corrections, correctionsSource: setup.correctionsSource, fileSeconds: setup.fileSeconds, ocr: setup.ocr, ocrSeconds: setup.ocrSeconds, manifest: new Map(setup.manifest.map((e) => [e.file, e])) };
}

const mb = (n: number) => Number((n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0));

/**
 * Reads one file (refusing it unread when it is larger than the limit, so memory stays bounded) and
 * runs the pipeline on it. Never throws: an unreadable file comes back as a file-level reject.
 */
export async function parseFile(task: ParseTask, ctx: ProcessContext, maxBytes: number): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    const size = statSync(task.path).size;
    if (size > maxBytes) return fileReject(task.name, "too_large", msg("read.too_large", { size: mb(size), limit: mb(maxBytes) }));
    bytes = readFileSync(task.path);
  } catch (err) {
    return fileReject(task.name, "unreadable", msg("read.cannot_read_file", { error: (err as Error).message }));
  }
  // Test hook (test/hostile.test.ts): a file that never finishes parsing, to prove the watchdog stops it. Unset in normal use.
  const hang = process.env.DX_TEST_HANG_ON;
  if (hang && task.name.includes(hang)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600_000);
  try {
    return await processDocument(task.name, bytes, ctx);
  } catch (err) {
    // processDocument does not throw for bad input; this is a bug, reported against the file rather than lost.
    return fileReject(task.name, "unreadable", msg("read.bug", { error: (err as Error).stack ?? (err as Error).message }));
  }
}

export function fileReject(name: string, reason_code: Reject["reason_code"], reason: Message): FileResult {
  return {
    source_file: name, content_hash: "", submission: null, observations: [], warnings: [], stats: { rows: 0, mapped: 0, unmapped: 0 },
    rejects: [fileRejectRow(name, reason_code, reason)],
  };
}
