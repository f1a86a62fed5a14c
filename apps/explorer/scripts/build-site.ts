// Builds the explorer's static site from a warehouse: the data loaders' cache is cleared first, so the
// snapshots are re-read from the warehouse named here and never come from an earlier build.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeUnitData } from "./unit-data.ts";

export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

/**
 * Builds into a fresh folder inside the app (Framework clears only an output folder under its working
 * directory, and refuses to overwrite files elsewhere: "file conflict"), then replaces `out` with it,
 * so building again into any folder works and a failed build leaves the last site as it was.
 */
export async function buildSite(opts: { warehouse: string; out: string; quiet?: boolean }): Promise<{ seconds: number }> {
  if (!existsSync(opts.warehouse)) throw new Error(`no warehouse at ${opts.warehouse}: run \`pnpm etl\` first`);
  rmSync(`${APP_DIR}src/.observablehq/cache/data`, { recursive: true, force: true });
  const started = performance.now();
  const staging = join(APP_DIR, ".build", `${process.pid}-${Date.now()}`);
  try {
    await observableBuild({ ...opts, out: staging });
    await writeUnitData(opts.warehouse, staging);
    addPageFolders(staging);
    rmSync(opts.out, { recursive: true, force: true });
    mkdirSync(dirname(opts.out), { recursive: true });
    cpSync(staging, opts.out, { recursive: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { seconds: (performance.now() - started) / 1000 };
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

async function observableBuild(opts: { warehouse: string; out: string; quiet?: boolean }): Promise<void> {
  const bin = `${APP_DIR}node_modules/.bin/observable`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, ["build"], {
      cwd: APP_DIR,
      stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, DX_WAREHOUSE: opts.warehouse, DX_EXPLORER_OUT: opts.out, OBSERVABLE_TELEMETRY_DISABLE: "true" },
    });
    let output = "";
    child.stdout?.on("data", (b: Buffer) => { output += b.toString(); });
    child.stderr?.on("data", (b: Buffer) => { output += b.toString(); });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`observable build failed (exit ${code})${output ? `:\n${output.slice(-3000)}` : ""}`))));
  });
}
