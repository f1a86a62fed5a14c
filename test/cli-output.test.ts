// The commands analysts type print their own words and nothing else: run through pnpm as package
// binaries, not scripts, there is no "$ tsx packages/…" echo and no "[ELIFECYCLE]" line after an error,
// and the exit code is the command's.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { repo, SAMPLES, tempDir } from "./helpers.ts";

const pnpm = spawnSync("pnpm", ["--version"], { encoding: "utf8" }).status === 0;
const run = (args: string[]) => spawnSync("pnpm", args, { cwd: repo(""), encoding: "utf8" });

let db: string;

describe.runIf(pnpm || process.env.CI === "true")("pnpm etl | metrics | query | export print only their own output", () => {
  beforeAll(async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "inbox"));
    copyFileSync(repo(`data/samples/${SAMPLES[1]}.txt`), join(dir, "inbox", "001.txt"));
    db = join(dir, "w.duckdb");
    await runEtl({ inputs: [join(dir, "inbox")], db, cwd: dir });
  });

  it("a query prints its table, and nothing on stderr", () => {
    const r = run(["query", "SELECT 1 AS one", "--db", db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("one\n---\n  1\n\n1 row.\n");
    expect(r.stderr).toBe("");
  });

  it("a failing query prints the reason and exits 1, with no package-manager lines", () => {
    const r = run(["query", "SELECT nonsense", "--db", db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^query: Binder Error: Referenced column "nonsense" was not found/);
    expect(r.stderr + r.stdout).not.toMatch(/ELIFECYCLE|\$ tsx|packages\//);
  });

  it.each([["etl"], ["metrics"], ["export"]])("pnpm %s --help prints its usage and only that", (cmd) => {
    const r = run([cmd, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage:\\s+pnpm ${cmd}`));
    expect(r.stderr).toBe("");
  });

  it("they run JavaScript bundled from the sources, rebuilt when a source is newer, with maps to the .ts lines", () => {
    const bundle = repo("packages/metrics/dist/query.mjs");
    expect(run(["query", "SELECT 1", "--db", db]).status).toBe(0);
    const map = JSON.parse(readFileSync(`${bundle}.map`, "utf8")) as { sources: string[] };
    expect(map.sources).toContain("../src/cli/query.ts");
    // No TypeScript loader at run time: the bundle imports no .ts file and no tsx.
    expect(readFileSync(bundle, "utf8")).not.toMatch(/from "tsx|\.ts"/);
    // A source edited after the bundle was built: the next command rebuilds before it runs.
    const source = repo("packages/metrics/src/cli/query.ts");
    const built = statSync(bundle).mtimeMs;
    const edited = new Date(built + 1);
    utimesSync(source, edited, edited);
    expect(run(["query", "SELECT 2 AS two", "--db", db]).stdout).toMatch(/^two\n/);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(built);
  });
});
