import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { repo, tempDir } from "./helpers.ts";

// Forty real texts from other units, keyed by hand (../shared/realdocs, not committed: read in place).
// Floors for what the default setup gets right, measured by the keys' own scorer.
const REALDOCS = repo("../shared/realdocs");

describe.runIf(existsSync(join(REALDOCS, "score.mjs")))("real documents from other units", () => {
  it("metadata (unit, level, province, kind, year) right for ≥ 95% of the keyed fields, with no import and no manifest", async () => {
    const db = join(tempDir(), "realdocs.duckdb");
    await runEtl({ inputs: [join(REALDOCS, "docs")], db, cwd: repo(".") });
    const out = execFileSync(process.execPath, [join(REALDOCS, "score.mjs"), db], { cwd: repo("."), encoding: "utf8" });
    const [, rows, meta] = /rows ([\d.]+)% .*metadata ([\d.]+)%/.exec(out)!.map(Number);
    expect(meta).toBeGreaterThanOrEqual(95);
    expect(rows).toBeGreaterThanOrEqual(10);
  });
});
