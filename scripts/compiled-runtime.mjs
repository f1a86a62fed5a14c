// The commands' runtime: `pnpm etl`, `metrics`, `query`, `export` and the ETL's parser threads run
// JavaScript bundled from the TypeScript sources by esbuild, so no command compiles TypeScript when it
// starts (tsx did, about 1 s per process and per thread). `pnpm install` builds the bundles (the root
// package's prepare script); a command whose sources are newer than its bundle rebuilds it first, so
// an edit is never run stale. Source maps keep stack traces pointing at the .ts lines.
// Tests and the explorer's scripts keep running the sources under tsx.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Each bundle: its entry and where it is written. A bundle sits at the same depth below the repository
 * as the sources, so paths the code builds from its own location (../../../data) hold in both.
 */
export const BUNDLES = {
  etl: { entry: "packages/etl/src/cli/main.ts", out: "packages/etl/dist/etl.mjs" },
  // The parser thread: pool.ts starts ./worker-entry.mjs next to itself, which is this in a bundle.
  "etl-worker": { entry: "packages/etl/src/parallel/worker.ts", out: "packages/etl/dist/worker-entry.mjs" },
  metrics: { entry: "packages/metrics/src/cli/metrics.ts", out: "packages/metrics/dist/metrics.mjs" },
  query: { entry: "packages/metrics/src/cli/query.ts", out: "packages/metrics/dist/query.mjs" },
  export: { entry: "packages/metrics/src/cli/export.ts", out: "packages/metrics/dist/export.mjs" },
};

/** Sources a bundle may include: the workspace packages' code (their dependencies stay external). */
const SOURCE_DIRS = ["packages/etl/src", "packages/metrics/src", "packages/schema/src"];

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(ROOT, d));
  return newest;
}

/** Builds the bundles (all, or the names given) with esbuild. */
export async function buildBundles(names = Object.keys(BUNDLES)) {
  const { build } = await import("esbuild");
  const results = await Promise.all(names.map((name) => build({
    entryPoints: [join(ROOT, BUNDLES[name].entry)],
    outfile: join(ROOT, BUNDLES[name].out),
    bundle: true, platform: "node", format: "esm", target: "node20", sourcemap: true, logLevel: "warning", write: false,
    // Dependencies are loaded from node_modules as they are (DuckDB's native addon, pdf.js, mammoth,
    // tesseract.js); only the workspace's own TypeScript is bundled.
    plugins: [{
      name: "external-dependencies",
      setup(b) { b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith("@dx-atlas/") ? undefined : { path: a.path, external: true })); },
    }],
  })));
  // Each file is written whole and renamed into place, so a command starting meanwhile (or a second
  // one rebuilding too) never imports half a bundle.
  for (const r of results) {
    for (const f of r.outputFiles) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = `${f.path}.${process.pid}.tmp`;
      writeFileSync(tmp, f.contents);
      renameSync(tmp, f.path);
    }
  }
}

/** Runs a command's bundle, building it first when it is missing or older than the sources. */
export async function runCompiled(name) {
  const out = join(ROOT, BUNDLES[name].out);
  if (!existsSync(out) || statSync(out).mtimeMs < newestSource()) await buildBundles(Object.keys(BUNDLES));
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(out).href);
}

// `node scripts/compiled-runtime.mjs`: build every bundle (the prepare step of `pnpm install`).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildBundles();
  console.error(`built ${Object.keys(BUNDLES).length} bundles in ${((performance.now() - started) / 1000).toFixed(1)} s: ${[...new Set(Object.values(BUNDLES).map((b) => dirname(b.out)))].join(", ")}`);
}
