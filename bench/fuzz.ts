#!/usr/bin/env -S npx tsx
// `pnpm fuzz`: a long run of the hostile-input corpus (test/fixtures/mutate.ts) through the real pipeline,
// one case at a time, printing per mutation: cases, failures (a throw, or a result not naming the file),
// and the mean / p99 / max time per file. Tests run a small, fixed slice of the same corpus; this is for
// finding new slow or crashing inputs (a case is replayed by its seed and index). Line-level mutations are
// applied to the UTF-8 documents only; legacy-encoded, UTF-16, .docx, .xlsx and .pdf fixtures get byte-level ones.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { indexCatalog, parseCatalog } from "../packages/etl/src/catalog/index.ts";
import { buildGazetteer, parseUnitsCsv } from "../packages/etl/src/gazetteer/index.ts";
import { processDocument } from "../packages/etl/src/process-document.ts";
import { formatTable } from "../packages/metrics/src/format/table.ts";
import { mutant, type MutationName } from "../test/fixtures/mutate.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values: args } = parseArgs({ options: { n: { type: "string" }, seed: { type: "string" }, slow: { type: "string" } } });
const N = Number(args.n ?? 40);
const SEED = Number(args.seed ?? 1);
const SLOW_MS = Number(args.slow ?? 2000);

const catalog = indexCatalog(parseCatalog(readFileSync(`${root}data/catalog/indicators.yaml`, "utf8"), "indicators.yaml"));
const gazetteer = buildGazetteer(parseUnitsCsv(readFileSync(`${root}data/gazetteer/units.csv`, "utf8"), "bundled"));
const bases = [
  ...readdirSync(`${root}data/samples`).filter((f) => f.endsWith(".txt")).map((f) => ({ name: f, bytes: readFileSync(`${root}data/samples/${f}`), binary: false })),
  ...readdirSync(`${root}test/fixtures/formats`).map((f) => ({ name: f, bytes: readFileSync(`${root}test/fixtures/formats/${f}`), binary: !/\.utf-8(-bom|-nfd)?\.txt$/.test(f) })),
];

interface Tally { cases: number; failures: number; loaded: number; times: number[] }
const tally = new Map<MutationName, Tally>();
const failures: string[] = [];
const slow: string[] = [];
const started = performance.now();
// A rejection nobody handles ends a Node process (pnpm etl would die mid-run): a failure of the case running.
let current = "";
process.on("unhandledRejection", (reason) => { failures.push(`${current}: unhandled rejection: ${String(reason)}`); });
for (const base of bases) {
  for (let i = 0; i < N; i++) {
    const m = mutant(base, SEED, i);
    current = `${m.name} (seed ${SEED}, case ${i})`;
    const t = performance.now();
    let failure = "";
    let loaded = false;
    try {
      const r = await processDocument(m.name, m.bytes, { catalog, gazetteer });
      if (r.source_file !== m.name || r.rejects.some((x) => x.source_file !== m.name)) failure = "a result that does not name its file";
      else if (!r.submission && !r.rejects.some((x) => x.scope === "file" && x.reason.length > 0)) failure = "neither loaded nor rejected with a reason";
      else if (r.submission) loaded = true;
    } catch (err) {
      failure = `threw: ${(err as Error).stack ?? String(err)}`;
    }
    const ms = performance.now() - t;
    const s = tally.get(m.mutation) ?? { cases: 0, failures: 0, loaded: 0, times: [] };
    s.cases++; s.times.push(ms);
    if (loaded) s.loaded++;
    if (failure) { s.failures++; failures.push(`${m.name} (seed ${SEED}, case ${i}): ${failure.slice(0, 400)}`); }
    if (ms > SLOW_MS) slow.push(`${m.name} (seed ${SEED}, case ${i}): ${(ms / 1000).toFixed(1)} s`);
    tally.set(m.mutation, s);
  }
}
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };
const rows = [...tally].map(([name, s]) => ({
  mutation: name, cases: s.cases, loaded: s.loaded, rejected: s.cases - s.loaded - s.failures, failures: s.failures,
  mean_ms: Math.round(s.times.reduce((a, b) => a + b, 0) / s.times.length), p99_ms: Math.round(q(s.times, 0.99)), max_ms: Math.round(Math.max(...s.times)),
}));
const total = rows.reduce((a, r) => a + r.cases, 0);
console.log(formatTable(Object.keys(rows[0]!), rows.map((r) => Object.values(r))));
console.log(`\n${total} cases from ${bases.length} documents (seed ${SEED}) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${failures.length} failures (throws, unnamed results, unhandled rejections); ${slow.length} over ${SLOW_MS} ms.`);
for (const f of failures.slice(0, 20)) console.log(`FAIL ${f}`);
for (const s of slow.slice(0, 20)) console.log(`SLOW ${s}`);
process.exitCode = failures.length > 0 ? 1 : 0;
