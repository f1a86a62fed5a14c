#!/usr/bin/env -S npx tsx
// `pnpm etl` — the only place that prints, colours and sets exit codes.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { importUnits, readNationalLists } from "../load/import-units.ts";
import { DEFAULT_PATHS } from "../paths.ts";
import { runEtl } from "../run-etl.ts";
import { formatTable } from "@dx-atlas/metrics";

const USAGE = `Usage:
  pnpm etl [FILES_OR_DIRS…] [--db PATH] [--json]   load submissions: .txt (any Vietnamese encoding), .docx, .pdf
                                                   with a text layer, .xlsx (default: data/samples/)
  pnpm etl gazetteer import DIR [--db PATH]        load the national unit lists (DIR holds before-2025-07/dvhcvn.json,
                                                   reform-2025-07/splits.json, after-2025-07/units.json)
Options:
  --db PATH   warehouse file (default: data/warehouse.duckdb)
  --json      print the run summary as JSON
  --max-file-mb N  refuse files larger than N MB unread (default 64)
  --workers N      parser threads (default: one per core, at most 8; 0 = parse on the main thread)
  --gazetteer CSV  units list to use instead of data/gazetteer/units.csv (same columns)
  --help      this text`;

const cwd = process.env.INIT_CWD ?? process.cwd();

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { db: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" }, "max-file-mb": { type: "string" }, workers: { type: "string" }, gazetteer: { type: "string" } } });
  } catch (err) {
    console.error(`etl: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) { console.log(USAGE); return 0; }
  const db = args.values.db ? resolve(cwd, args.values.db) : DEFAULT_PATHS.warehouse;
  const [first, second, third] = args.positionals;
  if (first === "gazetteer") {
    if (second !== "import" || !third) { console.error(`etl: gazetteer needs: import DIR\n${USAGE}`); return 2; }
    const counts = await importUnits(db, readNationalLists(resolve(cwd, third)));
    console.log(`Imported ${counts.before} units before the 2025 reform and ${counts.after} after it into ${relative(cwd, db)}.`);
    return 0;
  }
  const inputs = args.positionals.length > 0 ? args.positionals : [relative(cwd, DEFAULT_PATHS.samples) || "."];
  const maxMb = args.values["max-file-mb"] === undefined ? undefined : Number(args.values["max-file-mb"]);
  if (maxMb !== undefined && !(maxMb > 0)) { console.error(`--max-file-mb: expected a positive number of megabytes, got "${args.values["max-file-mb"]}"`); return 2; }
  const maxFileBytes = maxMb === undefined ? undefined : maxMb * 1024 * 1024;
  const workers = args.values.workers === undefined ? undefined : Number(args.values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) { console.error(`--workers: expected a whole number ≥ 0, got "${args.values.workers}"`); return 2; }
  const gazetteerPath = args.values.gazetteer ? resolve(cwd, args.values.gazetteer) : undefined;
  const bar = process.stderr.isTTY && !args.values.json;
  const report = await runEtl({
    inputs, db, cwd, maxFileBytes, workers, gazetteerPath,
    onProgress: bar ? (done, total) => {
      if (total < 20) return;
      const w = 30; const k = Math.round((done / total) * w);
      process.stderr.write(`\r[${"#".repeat(k)}${" ".repeat(w - k)}] ${done}/${total}${done === total ? "\n" : ""}`);
    } : undefined,
  });
  const rows = report.files;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (args.values.json) {
    console.log(JSON.stringify({ db: relative(cwd, report.db), seconds: report.seconds, workers: report.workers, peak_rss_mb: peakMb, load: report.load, files: rows }, null, 2));
    return 0;
  }
  const TABLE_MAX = 60;
  console.log(formatTable(["file", "read as", "kind", "unit", "year", "rows", "mapped", "unmapped", "obs", "warnings", "rejects", "status"],
    rows.slice(0, TABLE_MAX).map((r) => [r.file, r.read_as, r.kind, r.unit, r.year ?? "-", r.rows, r.mapped, r.unmapped, r.observations, r.warnings, r.rejects,
      r.action === "rejected" ? `rejected: ${r.reason}` : r.action === "duplicate" ? `duplicate: ${r.reason}` : r.action === "unchanged" ? "unchanged" : "ok"])));
  if (rows.length > TABLE_MAX) console.log(`… ${rows.length - TABLE_MAX} more files (all of them: --json, or the warehouse table 'files')`);
  const total = (k: "rows" | "unmapped" | "observations" | "warnings" | "rejects") => rows.reduce((n, r) => n + r[k], 0);
  const { loaded, replaced, unchanged, rejected, duplicates } = report.load;
  console.log(`\n${rows.length} files: ${loaded} loaded (${replaced} replacing an earlier version), ${unchanged} unchanged${unchanged > 0 ? " (already in the warehouse, not re-read)" : ""}, ${duplicates} duplicates, ${rejected} rejected; ` +
    `${total("observations")} observations from ${total("rows")} rows, ${total("unmapped")} unmapped, ${total("warnings")} warnings, ${total("rejects")} rejects; ` +
    `${report.seconds.toFixed(2)} s on ${report.workers === 0 ? "the main thread" : `${report.workers} threads`}, peak memory ${peakMb} MB.`);
  const flagged = report.flagged;
  const nFlagged = total("warnings") + total("rejects");
  if (nFlagged > 0) {
    console.log(`\nTo review (${nFlagged}; all of them are in the warehouse tables 'rejects' and 'warnings'):`);
    for (const line of flagged.slice(0, 15)) console.log(`  ${line.length > 180 ? `${line.slice(0, 177)}…` : line}`);
    if (nFlagged > 15) console.log(`  … and ${nFlagged - 15} more`);
  }
  console.log(`Warehouse: ${relative(cwd, report.db)}  ·  next: pnpm metrics target-vs-actual | pnpm query "SQL" | pnpm export`);
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: Error) => {
  console.error(`etl: run failed, the warehouse is unchanged: ${err.message}`);
  process.exitCode = 1;
});
