#!/usr/bin/env -S npx tsx
// `pnpm export` — observations and every metric as Parquet (or CSV) for statistics offices.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exportWarehouse, type ExportFormat } from "../export/export-warehouse.ts";
import { formatTable } from "../format/table.ts";
import { DEFAULT_EXPORT_DIR } from "../paths.ts";
import { openWarehouse } from "../warehouse/connection.ts";
import { cwd, runCli, warehousePath } from "./common.ts";
import { chooseLang, formatNumber, langFromArgv, say } from "@dx-atlas/schema";


async function main(argv: string[]): Promise<number> {
  const USAGE = say(langFromArgv(argv), "usage.export");
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
