// Builds the explorer's static site from a warehouse: Framework renders the pages (which read no data at
// build time), then scripts/site-data.ts writes the pieces of the warehouse the pages fetch.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openWarehouse } from "@dx-atlas/metrics";
import { writeSiteData, type SiteDataSummary } from "./site-data.ts";

export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

/**
 * Builds into a fresh folder inside the app (Framework clears only an output folder under its working
 * directory, and refuses to overwrite files elsewhere: "file conflict"), then replaces `out` with it,
 * so building again into any folder works and a failed build leaves the last site as it was.
 */
export async function buildSite(opts: { warehouse: string; out: string; quiet?: boolean }): Promise<{ seconds: number; pagesSeconds: number; data: SiteDataSummary }> {
  if (!existsSync(opts.warehouse)) throw new Error(`no warehouse at ${opts.warehouse}: run \`pnpm etl\` first`);
  const started = performance.now();
  const staging = join(APP_DIR, ".build", `${process.pid}-${Date.now()}`);
  try {
    // The warehouse is opened first, so a missing or locked one fails before the slower page build.
    const wh = await openWarehouse(opts.warehouse, { readOnly: true });
    let data: SiteDataSummary;
    let pagesSeconds: number;
    try {
      const pagesStarted = performance.now();
      await observableBuild({ ...opts, out: staging });
      pagesSeconds = (performance.now() - pagesStarted) / 1000;
      data = await writeSiteData(wh, staging);
    } finally {
      wh.close();
    }
    addPageFolders(staging);
    rmSync(opts.out, { recursive: true, force: true });
    mkdirSync(dirname(opts.out), { recursive: true });
    cpSync(staging, opts.out, { recursive: true });
    return { seconds: (performance.now() - started) / 1000, pagesSeconds, data };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A folder per page holding an index.html that forwards to the page's .html (query and hash kept):
 * a link written without .html ("…/chi-tieu") then works on a plain static server, which answers it
 * with the folder's index. Relative, so the site works under any sub-path ("/dx/").
 */
export function addPageFolders(site: string): void {
  for (const f of readdirSync(site, { recursive: true, encoding: "utf8" })) {
    if (!f.endsWith(".html") || f.endsWith("index.html") || f.startsWith("_")) continue;
    const folder = join(site, f.slice(0, -".html".length));
    if (existsSync(join(folder, "index.html"))) continue; // a section's own index page
    mkdirSync(folder, { recursive: true });
    const target = `../${basename(f)}`;
    writeFileSync(join(folder, "index.html"), `<!doctype html><meta charset="utf-8"><title>DX Atlas</title>
<script>location.replace(${JSON.stringify(target)} + location.search + location.hash)</script>
<noscript><meta http-equiv="refresh" content="0; url=${target}"></noscript><a href="${target}">${target}</a>
`);
  }
}

async function observableBuild(opts: { out: string; quiet?: boolean }): Promise<void> {
  const bin = `${APP_DIR}node_modules/.bin/observable`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, ["build"], {
      cwd: APP_DIR,
      stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, DX_EXPLORER_OUT: opts.out, OBSERVABLE_TELEMETRY_DISABLE: "true" },
    });
    let output = "";
    child.stdout?.on("data", (b: Buffer) => { output += b.toString(); });
    child.stderr?.on("data", (b: Buffer) => { output += b.toString(); });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`observable build failed (exit ${code})${output ? `:\n${output.slice(-3000)}` : ""}`))));
  });
}
