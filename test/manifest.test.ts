import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { readReviewRows } from "../packages/etl/src/review/read-review.ts";
import { reviewItems } from "../packages/etl/src/review/review-items.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { etlCli, tempDir, warehouseFingerprint } from "./helpers.ts";

// Invented posts in the genre (a commune portal's news): one names a commune shared by many ("Đồng
// Tâm") without its district, one says no year, one names its unit only in passing.
const SHARED_NAME = `Đồng Tâm đẩy mạnh chuyển đổi số
Theo báo cáo của UBND xã Đồng Tâm, đến nay 100% cán bộ, công chức xã sử dụng chữ ký số; tỷ lệ hồ sơ giải quyết trực tuyến đạt 85%.
Xã đã thành lập 9 Tổ công nghệ số cộng đồng tại 9 thôn.`;
const NO_YEAR = `Xã Yên Trường: chuyển biến rõ nét về chuyển đổi số
Đến nay, UBND xã Yên Trường (huyện Yên Định, tỉnh Thanh Hóa) đã có 100% cán bộ, công chức xã sử dụng chữ ký số; tỷ lệ hồ sơ giải quyết trực tuyến đạt 76,5%.`;

function inbox(files: Record<string, string>): { dir: string; db: string } {
  const dir = tempDir();
  mkdirSync(join(dir, "in"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "in", name), text);
  return { dir, db: join(dir, "w.duckdb") };
}

async function submissions(db: string) {
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    return await queryRows(wh.conn, "SELECT source_file, unit_name, unit_level, district, doc_kind, doc_year FROM submissions ORDER BY source_file");
  } finally { wh.close(); }
}

describe("metadata an analyst supplies", () => {
  it("without a manifest a shared name is ambiguous_unit; a post without a year loads its values with no year, out of the metrics", async () => {
    const { dir, db } = inbox({ "dong-tam.txt": SHARED_NAME, "yen-truong.txt": NO_YEAR });
    const report = await runEtl({ inputs: ["in"], db, cwd: dir });
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byFile["in/dong-tam.txt"]!.action).toBe("rejected");
    expect(byFile["in/dong-tam.txt"]!.reason).toMatch(/xã Đồng Tâm, which is \d+ units/);
    expect(byFile["in/yen-truong.txt"]).toMatchObject({ action: "loaded", unit: "xã Yên Trường", year: null, sources: { unit: "text", kind: "words", year: "none" } });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      const noYear = await queryRows(wh.conn, "SELECT count(*)::INTEGER AS n FROM observations WHERE source_file = 'in/yen-truong.txt' AND period_year IS NULL");
      expect(noYear[0]!.n).toBeGreaterThan(0);
      expect(await queryRows(wh.conn, "SELECT count(*)::INTEGER AS n FROM target_vs_actual WHERE unit_name LIKE '%Yên Trường%'")).toEqual([{ n: 0 }]);
    } finally { wh.close(); }
  });

  it("a manifest.csv in the inbox settles the unit and the year; where it disagrees with the text, a warning says both", async () => {
    const { dir, db } = inbox({ "dong-tam.txt": SHARED_NAME, "yen-truong.txt": NO_YEAR });
    writeFileSync(join(dir, "in", "manifest.csv"), "file,unit,kind,year\ndong-tam.txt,\"xã Đồng Tâm, huyện Mỹ Đức, thành phố Hà Nội\",report,2024\nyen-truong.txt,,,2024\n");
    const report = await runEtl({ inputs: ["in"], db, cwd: dir });
    expect(report.files.map((f) => f.file)).toEqual(["in/dong-tam.txt", "in/yen-truong.txt"]); // the manifest itself is not a submission
    expect(await submissions(db)).toEqual([
      { source_file: "in/dong-tam.txt", unit_name: "Đồng Tâm", unit_level: "xã", district: "Mỹ Đức", doc_kind: "report", doc_year: 2024 },
      { source_file: "in/yen-truong.txt", unit_name: "Yên Trường", unit_level: "xã", district: "Yên Định", doc_kind: "report", doc_year: 2024 },
    ]);
    expect(report.files[0]!.sources).toEqual({ unit: "manifest", kind: "manifest", year: "manifest" });
    // A manifest that names another unit than the text wins, and says so.
    writeFileSync(join(dir, "in", "manifest.csv"), "file,unit\nyen-truong.txt,xã Yên Hùng\n");
    const again = await runEtl({ inputs: ["in"], db, cwd: dir, keepResults: true });
    const warned = again.results.find((r) => r.source_file === "in/yen-truong.txt")!.warnings.find((w) => w.code === "manifest_differs");
    expect(warned?.message).toMatch(/gives the unit xã Yên Hùng; the text says xã Yên Trường/);
  });

  it("a bad manifest stops the run before anything is written, naming the row", async () => {
    const { dir, db } = inbox({ "yen-truong.txt": NO_YEAR });
    const bad = async (csv: string) => {
      writeFileSync(join(dir, "m.csv"), csv);
      return runEtl({ inputs: ["in"], db, cwd: dir, manifestPath: join(dir, "m.csv") });
    };
    await expect(bad("file,unit\nyen-truong.txt,xã Không Có\n")).rejects.toThrow(/m\.csv:2: .*"xã Không Có" is not in the gazetteer/);
    await expect(bad("file,kind\nyen-truong.txt,kehoach\n")).rejects.toThrow(/m\.csv:2: kind must be plan or report/);
    await expect(bad("file,year\nyen-truong.txt,24\n")).rejects.toThrow(/m\.csv:2: year must be a year/);
    await expect(bad("file,year\nmissing.txt,2024\n")).rejects.toThrow(/m\.csv:2: "missing\.txt" is not among the files/);
    await expect(bad("file,year\nyen-truong.txt,2024\nin/yen-truong.txt,2024\n")).rejects.toThrow(/m\.csv:3: .* is already given on row 2/);
    await expect(bad("name,year\n")).rejects.toThrow(/m\.csv:1: the header must be file,unit,kind,year/);
    expect(existsSync(db)).toBe(false);
  });

  it("--dry-run reports what a load would and writes nothing, to a new or an existing warehouse", async () => {
    const { dir, db } = inbox({ "dong-tam.txt": SHARED_NAME, "yen-truong.txt": NO_YEAR });
    const dry = await runEtl({ inputs: ["in"], db, cwd: dir, dryRun: true });
    expect(existsSync(db)).toBe(false);
    const real = await runEtl({ inputs: ["in"], db, cwd: dir });
    expect(dry.files).toEqual(real.files);
    expect(dry.flagged).toEqual(real.flagged);
    const before = await warehouseFingerprint(db);
    writeFileSync(join(dir, "in", "manifest.csv"), "file,year\nyen-truong.txt,2023\n");
    const out = etlCli(dir, ["in", "--db", db, "--dry-run"]);
    expect(out).toMatch(/unit:text kind:words year:manifest/);
    expect(out).toMatch(/Dry run: nothing was written/);
    expect(await warehouseFingerprint(db)).toEqual(before);
  });

  it("a manifest unit that names several units rejects its file as ambiguous_unit, and the run goes on", async () => {
    const { dir, db } = inbox({ "yen-truong.txt": NO_YEAR, "dong-tam.txt": SHARED_NAME });
    writeFileSync(join(dir, "in", "manifest.csv"), "file,unit\nyen-truong.txt,xã Đồng Tâm\n");
    const report = await runEtl({ inputs: ["in"], db, cwd: dir });
    const file = report.files.find((f) => f.file === "in/yen-truong.txt")!;
    expect(file.action).toBe("rejected");
    expect(file.reason).toMatch(/"xã Đồng Tâm" names \d+ units/);
  });

  it("pnpm etl review --accept ID --unit settles a file rejected as ambiguous_unit", async () => {
    const { dir, db } = inbox({ "dong-tam.txt": SHARED_NAME });
    const corrections = join(dir, "corrections.yaml");
    await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    const wh = await openWarehouse(db, { readOnly: true });
    const item = reviewItems(await readReviewRows(wh.conn)).find((i) => i.kind === "file_rejected")!;
    wh.close();
    expect(item.fix).toEqual({ kind: "unit", file: "in/dong-tam.txt" });
    etlCli(dir, ["review", "--db", db, "--corrections", corrections, "--accept", item.id, "--unit", "xã Đồng Tâm, huyện Mỹ Đức"]);
    await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    expect((await submissions(db)).map((s) => [s.unit_name, s.district])).toEqual([["Đồng Tâm", "Mỹ Đức"]]);
  });
});
