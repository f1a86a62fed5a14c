import { copyFileSync, mkdirSync, readdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { runEtl, type EtlReport } from "../packages/etl/src/run-etl.ts";
import { repo, tempDir } from "./helpers.ts";

// One run over every bad fixture (test/fixtures/bad, see its README), a 200 MB file and one good
// sample: each bad file is refused with its reason, the good one still loads.
let dir: string;
let report: EtlReport;
let rejects: Record<string, { reason_code: string; reason: string }>;
let warnings: { source_file: string; code: string; message: string }[];

beforeAll(async () => {
  dir = tempDir();
  mkdirSync(join(dir, "in"));
  for (const f of readdirSync(repo("test/fixtures/bad")).filter((f) => f !== "README.md")) copyFileSync(repo(`test/fixtures/bad/${f}`), join(dir, "in", f));
  copyFileSync(repo("data/samples/001_e735b5701492984f.txt"), join(dir, "in", "good.txt"));
  // 200 MB, sparse: no disk space used, and the ETL must not read it.
  writeFileSync(join(dir, "in", "huge.pdf"), "%PDF-1.4\n");
  truncateSync(join(dir, "in", "huge.pdf"), 200 * 1024 * 1024);
  report = await runEtl({ inputs: ["in"], db: join(dir, "w.duckdb"), cwd: dir, keepResults: true });
  const wh = await openWarehouse(join(dir, "w.duckdb"), { readOnly: true });
  try {
    rejects = Object.fromEntries((await queryRows(wh.conn, "SELECT source_file, reason_code, reason FROM rejects WHERE scope = 'file'"))
      .map((r) => [r.source_file as string, { reason_code: r.reason_code as string, reason: r.reason as string }]));
    warnings = (await queryRows(wh.conn, "SELECT source_file, code, message FROM warnings WHERE code = 'extension_mismatch' ORDER BY 1")) as typeof warnings;
  } finally {
    wh.close();
  }
});

describe("bad input: each file gets its reason and the run goes on", () => {
  it("loads the good files (a sample, and the two whose names lie) and rejects the other seven", () => {
    expect(report.load).toMatchObject({ loaded: 3, rejected: 7 });
    expect(Object.keys(rejects).sort()).toEqual(["in/bomb.docx", "in/huge.pdf", "in/legacy.doc", "in/password.pdf", "in/scan.pdf", "in/truncated.docx", "in/truncated.xlsx"]);
  });

  it("a truncated .docx or .xlsx is a damaged zip", () => {
    expect(rejects["in/truncated.docx"]).toMatchObject({ reason_code: "unreadable", reason: expect.stringMatching(/^Word .docx: not a complete zip archive .*truncated or corrupt/) });
    expect(rejects["in/truncated.xlsx"]).toMatchObject({ reason_code: "unreadable", reason: expect.stringMatching(/(truncated|corrupt)/) });
  });

  it("a decompression bomb is stopped at the unpacked-size cap", () => {
    expect(rejects["in/bomb.docx"]).toMatchObject({ reason_code: "too_large", reason: expect.stringMatching(/word\/document\.xml unpacks to more than 64 MB.*decompression bomb/) });
  });

  it("a password-protected PDF says so", () => {
    expect(rejects["in/password.pdf"]).toMatchObject({ reason_code: "encrypted", reason: expect.stringMatching(/password-protected/) });
  });

  it("a scan whose image holds no words is refused as needing OCR, not as an empty document", () => {
    // OCR reads every page without a text layer (test/ocr.test.ts); this one's image has no words.
    expect(rejects["in/scan.pdf"]).toMatchObject({ reason_code: "needs_ocr", reason: expect.stringMatching(/^no text layer, and OCR found no words on its 1 page/) });
  });

  it("a 200 MB file is refused unread, with its size", () => {
    expect(rejects["in/huge.pdf"]).toMatchObject({ reason_code: "too_large", reason: expect.stringMatching(/200 MB, more than the 64 MB limit/) });
  });

  it("a legacy .doc (OLE file) is refused with what to do", () => {
    expect(rejects["in/legacy.doc"]).toMatchObject({ reason_code: "unsupported_format", reason: expect.stringMatching(/save it as \.docx/i) });
  });

  it("files whose extension lies are read as what they are, with a warning naming both", () => {
    expect(warnings).toEqual([
      { source_file: "in/plan-is-text.docx", code: "extension_mismatch", message: "the name says .docx but the content is plain text: read as text" },
      { source_file: "in/report-is-docx.pdf", code: "extension_mismatch", message: "the name says .pdf but the content is a Word .docx file: read as docx" },
    ]);
    expect(report.results.find((f) => f.source_file === "in/report-is-docx.pdf")!.submission).toMatchObject({ format: "docx", unit_name: "Hà Tân" });
    expect(report.results.find((f) => f.source_file === "in/plan-is-text.docx")!.submission).toMatchObject({ format: "text", unit_name: "Bắc Giang" });
  });
});
