// Hostile input: the readers and the value grammar under fuzzing (fast-check) and a corpus of mutated
// real documents (test/fixtures/mutate.ts: truncated, shuffled lines, flipped and random bytes, mixed
// encodings, 1 MB lines, control characters). No crash, every file named in what the run reports, and
// a time limit per file that holds even for a file that never finishes. `pnpm fuzz` runs the corpus longer.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { processDocument, type FileResult } from "../packages/etl/src/process-document.ts";
import { runEtl, type EtlReport } from "../packages/etl/src/run-etl.ts";
import { findValuesInText } from "../packages/etl/src/values/find-values.ts";
import { parseValue } from "../packages/etl/src/values/parse-value.ts";
import { BINARY_MUTATIONS, MUTATION_NAMES, mutant } from "./fixtures/mutate.ts";
import { catalogIndex, etlCli, gazetteer, repo, SAMPLES, tempDir } from "./helpers.ts";

const ctx = { catalog: catalogIndex, gazetteer };
const TEXT_BASES = SAMPLES.map((s) => ({ name: `${s}.txt`, bytes: readFileSync(repo(`data/samples/${s}.txt`)), binary: false }));
const BINARY_BASES = ["000.docx", "001.xlsx", "002.pdf"].map((f) => ({ name: f, bytes: readFileSync(repo(`test/fixtures/formats/${f}`)), binary: true }));

/** What every result must be, whatever the input: about the file it was given, loaded or refused with a reason. */
function expectWellFormed(r: FileResult, name: string) {
  expect(r.source_file).toBe(name);
  for (const x of [...r.rejects, ...r.warnings]) expect(x.source_file).toBe(name);
  if (r.submission) {
    expect(r.submission.source_file).toBe(name);
    for (const o of r.observations) expect(o.source_line).toBeGreaterThanOrEqual(1);
  } else {
    const file = r.rejects.filter((x) => x.scope === "file");
    expect(file).toHaveLength(1);
    expect(file[0]!.reason.length).toBeGreaterThan(10);
  }
}

describe("fuzzing the readers (fast-check)", () => {
  it("any bytes, under any name, give a well-formed result naming the file (never a throw)", async () => {
    const names = fc.constantFrom("a.txt", "b.docx", "c.pdf", "d.xlsx", "e.csv", "f");
    const zipHead = fc.uint8Array({ maxLength: 3000 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]));
    const pdfHead = fc.uint8Array({ maxLength: 3000 }).map((b) => Uint8Array.from([...new TextEncoder().encode("%PDF-1.4\n"), ...b]));
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 5000 }), zipHead, pdfHead, fc.string({ unit: "grapheme", maxLength: 3000 }).map((s) => new TextEncoder().encode(s)));
    await fc.assert(fc.asyncProperty(names, bytes, async (name, b) => expectWellFormed(await processDocument(name, b, ctx), name)), { numRuns: 300 });
  });

  it("any mutation of a real document gives a well-formed result naming the file", async () => {
    const bases = [...TEXT_BASES, ...BINARY_BASES];
    // The 1 MB mutations are left to the corpus run below and to `pnpm fuzz`: here, many small cases.
    const cases = fc.record({ base: fc.integer({ min: 0, max: bases.length - 1 }), seed: fc.integer({ min: 1, max: 1e6 }), i: fc.nat(1000) })
      .filter(({ base, i }) => !/^megabyte/.test(mutant(bases[base]!, 1, i).mutation));
    await fc.assert(fc.asyncProperty(cases, async ({ base, seed, i }) => {
      const m = mutant(bases[base]!, seed, i);
      expectWellFormed(await processDocument(m.name, m.bytes, ctx), m.name);
    }), { numRuns: 150 });
  });

  it("the value grammar reads any run of its own words without a throw, and every match lies inside the text", () => {
    const atoms = fc.constantFrom("đạt", "trên", "từ", "≥", "%", "/", "4371/4864", "89,9", "1.234", "-", "–", "đến", "trở lên", "tăng", "ít nhất", "/năm",
      "phần trăm", "(Ghi rõ bao nhiêu/ bao nhiêu, đạt ...%)", "Đang thực hiện", "Đạt", "9", "0", ",", ".", " ", "\t", "06/06 thôn", "$\\geq 80\\%$");
    fc.assert(fc.property(fc.array(atoms, { maxLength: 400 }).map((a) => a.join(" ")), (text) => {
      for (const m of findValuesInText(text)) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(Number.isFinite(m.value.value)).toBe(true);
      }
      const v = parseValue(text);
      expect(["number", "status", "bool", "placeholder", "empty", "unparsed"]).toContain(v.kind);
    }), { numRuns: 400 });
  });
});

describe("a corpus of mutated samples through pnpm etl's pipeline", () => {
  let dir: string;
  let report: EtlReport;
  let names: string[];
  beforeAll(async () => {
    dir = tempDir();
    mkdirSync(join(dir, "in"));
    names = [];
    // One of each mutation of each sample, and each byte-level mutation of a .docx, .xlsx and .pdf.
    for (const base of [...TEXT_BASES, ...BINARY_BASES]) {
      const kinds = base.binary ? BINARY_MUTATIONS : MUTATION_NAMES;
      for (let i = 0; i < kinds.length; i++) {
        const m = mutant(base, 7, i);
        writeFileSync(join(dir, "in", m.name), m.bytes);
        names.push(`in/${m.name}`);
      }
    }
    report = await runEtl({ inputs: ["in"], db: join(dir, "w.duckdb"), cwd: dir, fileSeconds: 30 });
  }, 120_000);

  it("every file is accounted for: loaded, or rejected with a reason that names it; none timed out", async () => {
    expect(names).toHaveLength(TEXT_BASES.length * MUTATION_NAMES.length + BINARY_BASES.length * BINARY_MUTATIONS.length);
    expect(report.files.map((f) => f.file).sort()).toEqual([...names].sort());
    const actions = report.files.map((f) => f.action);
    expect(actions.every((a) => a === "loaded" || a === "rejected" || a === "duplicate")).toBe(true);
    const wh = await openWarehouse(join(dir, "w.duckdb"), { readOnly: true });
    try {
      const files = await queryRows(wh.conn, "SELECT source_file, status FROM files ORDER BY 1");
      expect(files.map((f) => f.source_file)).toEqual([...names].sort());
      const rejected = await queryRows(wh.conn, "SELECT source_file, reason_code, reason FROM rejects WHERE scope = 'file' ORDER BY 1");
      expect(rejected.map((r) => r.source_file)).toEqual(files.filter((f) => f.status === "rejected").map((f) => f.source_file));
      // One readable sentence each: no library's position dump, tabs or line breaks.
      for (const r of rejected) expect(String(r.reason), String(r.source_file)).toMatch(/^[^\t\n]{10,400}$/);
      expect(rejected.filter((r) => r.reason_code === "timed_out")).toEqual([]);
    } finally { wh.close(); }
  });

  it("what survives mutation is still read: damaged bytes, spliced junk, mixed encodings, control characters and 1 MB lines keep (nearly) every value", () => {
    const obs = (mutation: string) => TEXT_BASES.map((b) => report.files.find((f) => f.file.startsWith(`in/${b.name.replace(/\.txt$/, "")}.${mutation}.`))!.observations);
    const original = [31, 80, 54, 29, 37]; // the samples as they are (golden)
    const kept = (mutation: string) => obs(mutation).reduce((a, b) => a + b) / original.reduce((a, b) => a + b);
    // Added noise takes nothing away: a 1 MB line, one line made 1 MB long, 2,000 repeats of a line.
    expect(obs("megabyteLine")).toEqual(original);
    expect(kept("megabyteRow")).toBeGreaterThan(0.97);
    // Damage to a few bytes or a stretch of junk costs the lines it touches, not the document (each
    // line is read in the encoding that makes it Vietnamese, a damaged UTF-8 byte stays one bad letter).
    expect(kept("flipBytes")).toBeGreaterThan(0.95);
    expect(kept("spliceRandom")).toBeGreaterThan(0.95);
    expect(kept("mixedEncodings")).toBeGreaterThan(0.95);
    expect(kept("controlChars")).toBeGreaterThan(0.85);
    // Random bytes are never a document; a document with its lines shuffled or joined into one is
    // still recognised as a plan or report (its tables are gone, so few or no values).
    const loaded = (mutation: string) => report.files.filter((f) => f.file.includes(`.${mutation}.`) && f.action === "loaded").length;
    expect(loaded("randomBytes")).toBe(0);
    expect(loaded("oneLine")).toBe(TEXT_BASES.length);
  });
});

describe("crashes fuzzing found", () => {
  it("PDFs with a damaged page tree are rejected with pdf.js's reason, and no stray rejection inside pdf.js ends the run", () => {
    // pdf.js prefetches page dictionaries and left a failed prefetch unhandled, which ends a Node
    // process: fixed by patches/pdfjs-dist@5.4.624.patch. These three byte-flipped fixtures hit it.
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    for (const [f, seed] of [["000.pdf", 41], ["002.pdf", 35], ["004.pdf", 390]] as const) {
      const m = mutant({ name: f, bytes: readFileSync(repo(`test/fixtures/formats/${f}`)), binary: true }, seed, 1);
      writeFileSync(join(dir, "in", m.name), m.bytes);
    }
    copyFileSync(repo(`data/samples/${SAMPLES[0]}.txt`), join(dir, "in", "good.txt"));
    const out = etlCli(dir, ["in", "--db", "w.duckdb", "--json"]);
    const files = (JSON.parse(out) as { files: { file: string; action: string; reason: string | null }[] }).files;
    expect(files.filter((f) => f.file.endsWith(".pdf")).map((f) => [f.action, f.reason])).toEqual(Array(3).fill(["rejected", "cannot be read as pdf: Page dictionary kid reference points to wrong type of object."]));
    expect(files.find((f) => f.file === "in/good.txt")?.action).toBe("loaded");
  });
});

describe("time per file is bounded", () => {
  it("a file over its time budget is rejected as timed_out, naming where it stopped, with nothing half-kept", async () => {
    const bytes = readFileSync(repo(`data/samples/${SAMPLES[1]}.txt`));
    const r = await processDocument("slow.txt", bytes, { ...ctx, fileSeconds: 1e-9 });
    expect(r.observations).toEqual([]);
    expect(r.rejects).toEqual([expect.objectContaining({ source_file: "slow.txt", scope: "file", reason_code: "timed_out", reason: expect.stringMatching(/^parsing stopped after 1e-9 s, while reading it/) })]);
  });

  it("a parser thread stuck on one file is stopped at twice the limit; its file is rejected and the run completes", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    for (const s of SAMPLES.slice(0, 3)) copyFileSync(repo(`data/samples/${s}.txt`), join(dir, "in", `${s}.txt`));
    copyFileSync(repo(`data/samples/${SAMPLES[3]}.txt`), join(dir, "in", "stuck.txt"));
    const out = etlCli(dir, ["in", "--db", "w.duckdb", "--workers", "1", "--file-timeout", "2", "--json"], { DX_TEST_HANG_ON: "stuck" });
    const files = (JSON.parse(out) as { files: { file: string; action: string; reason: string | null }[] }).files;
    expect(files.find((f) => f.file === "in/stuck.txt")).toMatchObject({ action: "rejected", reason: expect.stringMatching(/^parsing did not finish in 4 s and was stopped/) });
    expect(files.filter((f) => f.action === "loaded")).toHaveLength(3);
  });
});
