// Builds the explorer's static site from a warehouse: the data loaders' cache is cleared first, so the
// snapshots are re-read from the warehouse named here and never come from an earlier build.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

export async function buildSite(opts: { warehouse: string; out: string; quiet?: boolean }): Promise<{ seconds: number }> {
  if (!existsSync(opts.warehouse)) throw new Error(`no warehouse at ${opts.warehouse}: run \`pnpm etl\` first`);
  rmSync(`${APP_DIR}src/.observablehq/cache/data`, { recursive: true, force: true });
  const started = performance.now();
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
  return { seconds: (performance.now() - started) / 1000 };
}
