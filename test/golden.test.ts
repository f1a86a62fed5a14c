import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenHeader, keyOf, toGoldenRows } from "./golden-format.ts";
import { processSample, repo, SAMPLES } from "./helpers.ts";

// Expected rows were written by reading each document (see test/golden/README.md). On any mismatch
// the actual rows are written to test/golden/<sample>.changed.tsv for review.
const results = await Promise.all(SAMPLES.map(async (name) => {
  const expectedPath = repo(`test/golden/${name}.tsv`);
  const expected = existsSync(expectedPath) ? readFileSync(expectedPath, "utf8").trim().split("\n").slice(1) : [];
  const actual = toGoldenRows(await processSample(name));
  const pool = new Map<string, number>();
  for (const a of actual) pool.set(keyOf(a), (pool.get(keyOf(a)) ?? 0) + 1);
  let correct = 0;
  const missed: string[] = [];
  for (const e of expected) {
    const k = keyOf(e);
    if ((pool.get(k) ?? 0) > 0) { correct++; pool.set(k, pool.get(k)! - 1); } else missed.push(e);
  }
  const extra = [...pool.entries()].flatMap(([k, n]) => Array(n).fill(k) as string[]);
  if (missed.length + extra.length > 0) writeFileSync(repo(`test/golden/${name}.changed.tsv`), [goldenHeader, ...actual].join("\n") + "\n");
  return { name, expected: expected.length, correct, missed, extra };
}));

describe("golden rows of the five samples", () => {
  it.each(results.map((r) => [r.name, r] as const))("%s: every expected row is extracted", (_name, r) => {
    expect(r.expected).toBeGreaterThan(0);
    // Known misses are listed in test/golden/README.md; the overall bar is the accuracy test below.
    expect(r.correct / (r.expected + r.extra.length)).toBeGreaterThanOrEqual(0.9);
  });

  it("row-level accuracy over all samples is at least 98%", () => {
    const expected = results.reduce((n, r) => n + r.expected, 0);
    const correct = results.reduce((n, r) => n + r.correct, 0);
    const extra = results.reduce((n, r) => n + r.extra.length, 0);
    const accuracy = correct / (expected + extra);
    console.log(results.map((r) => `${r.name}: ${r.correct}/${r.expected} expected rows right, ${r.extra.length} extra`).join("\n") + `\noverall ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });
});
