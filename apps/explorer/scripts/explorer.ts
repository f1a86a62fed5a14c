#!/usr/bin/env -S npx tsx
// `pnpm explorer` (build from the current warehouse and serve on 127.0.0.1) and `pnpm explorer:build`.
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_WAREHOUSE } from "@dx-atlas/metrics";
import { APP_DIR, buildSite } from "./build-site.ts";
import { serveStatic } from "./serve-static.ts";

const USAGE = `Usage:
  pnpm explorer [--db PATH] [--port N]          build from the warehouse and serve on http://127.0.0.1:N (default 3000)
  pnpm explorer:build [--db PATH] [--out DIR]   build the static site only (default apps/explorer/dist)`;

const cwd = process.env.INIT_CWD ?? process.cwd();

function siteSize(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).reduce((n, f) => n + (statSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0), 0);
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { db: { type: "string" }, out: { type: "string" }, port: { type: "string" }, "build-only": { type: "boolean" }, help: { type: "boolean" } } });
  } catch (err) {
    console.error(`explorer: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) { console.log(USAGE); return 0; }
  const warehouse = args.values.db ? resolve(cwd, args.values.db) : DEFAULT_WAREHOUSE;
  const out = args.values.out ? resolve(cwd, args.values.out) : join(APP_DIR, "dist");
  console.log(`Building the explorer from ${relative(cwd, warehouse) || warehouse} …`);
  const { seconds } = await buildSite({ warehouse, out, quiet: true });
  console.log(`Built ${relative(cwd, out) || out} in ${seconds.toFixed(1)} s (${(siteSize(out) / 1e6).toFixed(1)} MB, works offline: any static web server can host it).`);
  if (args.values["build-only"]) return 0;
  const port = Number(args.values.port ?? 3000);
  await serveStatic(out, port);
  console.log(`Explorer: http://127.0.0.1:${port}/   (Ctrl+C to stop)`);
  return await new Promise<number>(() => {});
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: Error) => {
  console.error(`explorer: ${err.message}`);
  process.exitCode = 1;
});
