#!/usr/bin/env -S npx tsx
// `pnpm query "SQL"` — read-only SQL against the warehouse: the analyst's escape hatch.
import { parseArgs } from "node:util";
import { toCsv } from "../format/csv.ts";
import { formatTable } from "../format/table.ts";
import { runQuery } from "../query/run-query.ts";
import { openWarehouse } from "../warehouse/connection.ts";
import { runCli, warehousePath } from "./common.ts";
import { chooseLang, langFromArgv, msg, say } from "@dx-atlas/schema";


async function main(argv: string[]): Promise<number> {
  const USAGE = say(langFromArgv(argv), "usage.query");
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: {
      json: { type: "boolean" }, csv: { type: "boolean" }, "max-rows": { type: "string" }, db: { type: "string" }, help: { type: "boolean" }, lang: { type: "string" },
    } });
  } catch (err) {
    console.error(`query: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) { console.log(USAGE); return 0; }
  const sql = args.positionals.join(" ").trim();
  if (!sql) { console.error(`query: give the SQL as one quoted argument\n${USAGE}`); return 2; }
  const maxRows = Number(args.values["max-rows"] ?? 200);
  const lang = chooseLang(args.values.lang);
  const wh = await openWarehouse(warehousePath(args.values.db), { readOnly: true });
  try {
    let result;
    try {
      result = await runQuery(wh.conn, sql);
    } catch (err) {
      const msg = (err as Error).message;
      console.error(`query: ${msg}${/read-only/i.test(msg) ? "\n(pnpm query only reads; the warehouse is written by pnpm etl)" : ""}`);
      return 1;
    }
    if (args.values.json) console.log(JSON.stringify(result.rows, null, 2));
    else if (args.values.csv) process.stdout.write(toCsv(result.rows, result.columns.map((c) => c.name)));
    else {
      const shown = result.rows.slice(0, maxRows);
      console.log(formatTable(result.columns.map((c) => c.name), shown.map((r) => result.columns.map((c) => cell(r[c.name])))));
      const more = result.rows.length - shown.length;
      console.log(`\n${say(lang, "query.rows", { n: result.rows.length, more: more > 0 ? msg("query.more", { n: more }) : "" })}`);
    }
  } finally {
    wh.close();
  }
  return 0;
}

/** A cell for the table view: numbers stay numbers (right-aligned), nested values as JSON, long text clipped. */
function cell(v: unknown): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  const s = typeof v === "object" ? JSON.stringify(v) : String(v);
  const flat = s.replaceAll("\n", "⏎");
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

runCli("query", main);
