#!/usr/bin/env -S npx tsx
// `pnpm metrics` — prints a metric view as a table (default), JSON or CSV.
import { parseArgs } from "node:util";
import type { MetricFilter } from "../filter.ts";
import { toCsv } from "../format/csv.ts";
import { renderCompare, renderCompleteness, renderTargetVsActual, renderTrend } from "../format/render-metric.ts";
import { formatTable } from "../format/table.ts";
import { describeValue, num, shortRef } from "../format/values.ts";
import { readMetric } from "../read-metric.ts";
import { chooseLang, langFromArgv, say, type Lang, type MessageCode } from "@dx-atlas/schema";
import { openWarehouse } from "../warehouse/connection.ts";
import { runCli, warehousePath } from "./common.ts";


const COMMANDS = ["target-vs-actual", "trend", "compare", "completeness"] as const;
type Command = (typeof COMMANDS)[number];

async function main(argv: string[]): Promise<number> {
  const USAGE = say(langFromArgv(argv), "usage.metrics");
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: {
      indicator: { type: "string" }, unit: { type: "string" }, year: { type: "string" }, province: { type: "string" },
      json: { type: "boolean" }, csv: { type: "boolean" }, points: { type: "boolean" }, db: { type: "string" }, lang: { type: "string" }, help: { type: "boolean" },
    } });
  } catch (err) {
    console.error(`metrics: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) { console.log(USAGE); return 0; }
  const command = args.positionals[0] as Command | undefined;
  if (!command || !COMMANDS.includes(command) || args.positionals.length > 1) {
    console.error(`metrics: name one of ${COMMANDS.join(", ")}\n${USAGE}`);
    return 2;
  }
  const year = args.values.year === undefined ? undefined : Number(args.values.year);
  if (year !== undefined && !Number.isInteger(year)) { console.error(`metrics: --year must be a year, got "${args.values.year}"`); return 2; }
  const lang = chooseLang(args.values.lang);
  const print = (table: string, n: number, counts = "") => printRows(table, n, counts, lang);
  const tally = (codes: string[], prefix: "status" | "progress") => tallyOf(codes.map((c) => say(lang, `${prefix}.${c}` as MessageCode)));
  const filter: MetricFilter = { indicator: args.values.indicator, unit: args.values.unit, year, province: args.values.province };
  const wh = await openWarehouse(warehousePath(args.values.db), { readOnly: true });
  try {
    const machine = args.values.json ? "json" : args.values.csv ? "csv" : null;
    const emit = (rows: object[]) => {
      if (machine === "json") console.log(JSON.stringify(rows, null, 2));
      else process.stdout.write(toCsv(rows as Record<string, unknown>[]));
    };
    if (command === "target-vs-actual") {
      const rows = await readMetric(wh.conn, "target-vs-actual", filter);
      if (machine) emit(rows); else print(renderTargetVsActual(rows, lang), rows.length, tally(rows.map((r) => r.status), "status"));
    } else if (command === "trend" && args.values.points) {
      const rows = await readMetric(wh.conn, "trend-points", filter);
      if (machine) emit(rows);
      else print(formatTable((["unit", "indicator", "year", "value", "change", "annual_growth", "source"] as const).map((c) => say(lang, `metrics.col.${c}`)), rows.map((r) => [
        r.unit_name ?? r.unit_key, r.indicator_code, r.year, describeValue({ comparator: null, value: r.value, unit: r.unit }, lang),
        r.change === null ? "" : num(r.change, 2, lang), r.annual_growth === null ? "" : `${num(r.annual_growth * 100, 1, lang)}%`, shortRef(r.source_file, r.source_line),
      ])), rows.length);
    } else if (command === "trend") {
      const rows = await readMetric(wh.conn, "trend", filter);
      if (machine) emit(rows); else print(renderTrend(rows, lang), rows.length, tally(rows.map((r) => r.status), "progress"));
    } else if (command === "compare") {
      const rows = await readMetric(wh.conn, "compare", filter);
      const missing = await readMetric(wh.conn, "compare-missing", { ...filter, unit: undefined });
      if (machine) emit(rows); else print(renderCompare(rows, missing, lang), rows.length);
    } else {
      const rows = await readMetric(wh.conn, "completeness", filter);
      if (machine) emit(rows); else print(renderCompleteness(rows, lang), rows.length);
    }
  } finally {
    wh.close();
  }
  return 0;
}

function tallyOf(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(", ");
}

function printRows(table: string, n: number, counts: string, lang: Lang): void {
  if (n === 0) { console.log(say(lang, "metrics.no_rows")); return; }
  console.log(table);
  console.log(`\n${counts ? say(lang, "metrics.rows_counts", { n, counts }) : say(lang, "metrics.rows_end", { n })}`);
}

runCli("metrics", main);
