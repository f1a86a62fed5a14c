#!/usr/bin/env -S npx tsx
// `pnpm export` — observations and every metric as Parquet (or CSV) for statistics offices.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exportWarehouse, type ExportFormat } from "../export/export-warehouse.ts";
import { formatTable } from "../format/table.ts";
import { DEFAULT_EXPORT_DIR } from "../paths.ts";
import { openWarehouse } from "../warehouse/connection.ts";
import { cwd, runCli, warehousePath } from "./common.ts";
import { chooseLang, formatNumber, say } from "@dx-atlas/schema";

const USAGE = `Usage: pnpm export [--out DIR] [--format parquet|csv] [--with comparison_missing] [--db PATH]
Writes observations, target vs actual, trends, comparisons and completeness to DIR (default:
data/export), partitioned Hive-style by current province and year, with data-dictionary.md / .json and
the JSON Schemas. --with adds a table written only on request (comparison_missing: units with a
document and no value, derivable and large). CSV files start with a UTF-8 byte-order mark for Excel.
Replaces an earlier export in DIR only when the new one is complete.
--lang vi|en: the language of what it prints (default Vietnamese, or DX_LANG); the files are the same.`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { out: { type: "string" }, format: { type: "string" }, with: { type: "string", multiple: true }, db: { type: "string" }, help: { type: "boolean" }, lang: { type: "string" } } });
  } catch (err) {
    console.error(`export: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) { console.log(USAGE); return 0; }
  const format = (args.values.format ?? "parquet") as ExportFormat;
  if (format !== "parquet" && format !== "csv") { console.error(`export: --format must be parquet or csv, got "${format}"`); return 2; }
  const out = args.values.out ? resolve(cwd, args.values.out) : DEFAULT_EXPORT_DIR;
  const started = performance.now();
  const wh = await openWarehouse(warehousePath(args.values.db), { readOnly: true });
  try {
    const summary = await exportWarehouse(wh.conn, out, format, { with: (args.values.with ?? []).flatMap((w) => w.split(",")) });
    const lang = chooseLang(args.values.lang);
    console.log(formatTable((["table", "rows", "files"] as const).map((c) => say(lang, `export.col.${c}`)), summary.tables.map((t) => [t.table, t.rows, t.files])));
    console.log(`\n${say(lang, "export.wrote", { out: relative(cwd, out) || ".", format, seconds: formatNumber((performance.now() - started) / 1000, lang, 2) })}`);
  } finally {
    wh.close();
  }
  return 0;
}

runCli("export", main);
