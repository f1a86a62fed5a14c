// The analyst's review loop on the real samples: `pnpm etl review` lists what needs a human by file and
// line; `--accept` writes a correction to a YAML file; the next run applies it, keyed by the row's
// wording so it survives the document being re-extracted with its lines moved.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { readReviewRows } from "../packages/etl/src/review/read-review.ts";
import { reviewItems, type ReviewItem } from "../packages/etl/src/review/review-items.ts";
import { etlCli as etl, repo, SAMPLES, tempDir } from "./helpers.ts";

const etlCli = (dir: string, ...args: string[]) => etl(dir, args);


async function review(db: string): Promise<ReviewItem[]> {
  const wh = await openWarehouse(db, { readOnly: true });
  try { return reviewItems(await readReviewRows(wh.conn)); } finally { wh.close(); }
}

/** The same document with two lines added at the top (its lines move, its wording does not), read again. */
async function rerunWithLinesMoved(dir: string, db: string, corrections: string, sample: string) {
  const file = join(dir, "in", `${sample}.txt`);
  writeFileSync(file, `Bản sửa đổi\n\n${readFileSync(file, "utf8")}`);
  return runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
}

function inbox(): { dir: string; db: string; corrections: string } {
  const dir = tempDir();
  mkdirSync(join(dir, "in"));
  for (const s of SAMPLES) copyFileSync(repo(`data/samples/${s}.txt`), join(dir, "in", `${s}.txt`));
  return { dir, db: join(dir, "w.duckdb"), corrections: join(dir, "corrections.yaml") };
}

describe("pnpm etl review on the samples", () => {
  let items: ReviewItem[];
  let flaggedTotal: number;
  beforeAll(async () => {
    const { dir, db, corrections } = inbox();
    flaggedTotal = (await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections })).flaggedTotal;
    items = await review(db);
  });

  it("the run summary's 'To review' counts the rejects and warnings the review lists (summary lines are neither)", () => {
    const fromTables = items.filter((i) => ["warning", "unreadable_row", "placeholder", "unmapped", "file_rejected"].includes(i.kind));
    expect(flaggedTotal).toBe(12);
    expect(fromTables).toHaveLength(flaggedTotal);
  });

  it("lists placeholders, unsure mappings, conflicts, copied unit names and unread rows, each with its file and line", () => {
    const find = (kind: string, file: string, line: number) => items.find((i) => i.kind === kind && i.file === `in/${file}.txt` && i.line === line);
    expect(find("placeholder", SAMPLES[1]!, 221)?.text).toContain("(Ghi rõ bao nhiêu/ bao nhiêu, đạt ...%)");
    expect(find("warning", SAMPLES[2]!, 1279)?.detail).toMatch(/unit_name_mismatch.*Yên Trường/);
    expect(find("conflict", SAMPLES[1]!, 128)?.detail).toMatch(/results disagree: "4371\/4864 đạt 89,9%".*"\(Ghi rõ bao nhiêu\/ bao nhiêu, đạt 96,8%\)"/);
    expect(find("low_confidence", SAMPLES[0]!, 233)).toMatchObject({ proposed: "kts.digital_economy_share_grdp" });
    expect(find("unreadable_row", SAMPLES[1]!, 198)?.detail).toMatch(/^ambiguous_result/);
    const kinds = Object.fromEntries([...new Set(items.map((i) => i.kind))].map((k) => [k, items.filter((i) => i.kind === k).length]));
    expect(kinds).toEqual({ low_confidence: 3, warning: 5, unreadable_row: 5, conflict: 8, placeholder: 1, unmapped: 1 });
    // Ids are unique and stable: the same finding gets the same id in another warehouse.
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe("corrections", () => {
  it("--accept writes the mapping; the next run applies it, even after the document's lines moved", async () => {
    const { dir, db, corrections } = inbox();
    await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    const unsure = (await review(db)).find((i) => i.kind === "low_confidence" && i.line === 233)!;
    const out = etlCli(dir, "review", "--db", db, "--corrections", corrections, "--accept", unsure.id);
    expect(out).toContain(`→ kts.digital_economy_share_grdp`);
    expect(readFileSync(corrections, "utf8")).toMatch(/text: Phần đầu kinh tế số\n\s+indicator: kts.digital_economy_share_grdp/);

    // The same document with three lines added at the top: line numbers move, the wording does not.
    const file = join(dir, "in", `${SAMPLES[0]}.txt`);
    writeFileSync(file, `Bản sửa đổi\n\n\n${readFileSync(file, "utf8")}`);
    const again = await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    expect(again.load).toMatchObject({ replaced: 5 }); // the corrections changed: every file is read again
    expect(again.corrections).toMatchObject({ entries: 1, unused: [] });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, `SELECT source_line, confidence FROM observations WHERE source_file = 'in/${SAMPLES[0]}.txt' AND indicator_code = 'kts.digital_economy_share_grdp'`))
        .toEqual([{ source_line: 236, confidence: 1 }]);
    } finally { wh.close(); }
    expect((await review(db)).filter((i) => i.kind === "low_confidence")).toHaveLength(2);
  });

  it("'none' keeps a wording out of the metrics (kept as an 'excluded' reject); a correction that matches nothing is reported", async () => {
    const { dir, db, corrections } = inbox();
    writeFileSync(corrections, [
      "mappings:",
      "  - text: \"PHẦN ĐẦU kinh tế số\"", // folded: case and spacing do not matter
      "    indicator: none",
      "  - text: Tỷ lệ hộ gia đình nuôi cá cảnh",
      "    indicator: xhs.ehealth_record",
    ].join("\n"));
    const report = await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    expect(report.corrections.unused.map((u) => u.label)).toEqual(['mapping "Tỷ lệ hộ gia đình nuôi cá cảnh" → xhs.ehealth_record']);
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, "SELECT count(*)::INTEGER AS n FROM observations WHERE indicator_code = 'kts.digital_economy_share_grdp' AND source_line = 233")).toEqual([{ n: 0 }]);
      expect(await queryRows(wh.conn, "SELECT source_line, match_text FROM rejects WHERE reason_code = 'excluded'")).toEqual([{ source_line: 233, match_text: "Phần đầu kinh tế số" }]);
    } finally { wh.close(); }
    const printed = etlCli(dir, "in", "--db", db, "--corrections", corrections);
    expect(printed).toMatch(/1 of 2 corrections in corrections\.yaml matched nothing[^\n]*\n\s+mapping "Tỷ lệ hộ gia đình nuôi cá cảnh" → xhs\.ehealth_record/);
  });

  it("--value settles a conflict: one line keeps the corrected value (raw text kept, `corrected` says why), the other is excluded; it holds after lines move", async () => {
    const { dir, db, corrections } = inbox();
    await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    const conflict = (await review(db)).find((i) => i.kind === "conflict" && i.line === 128 && i.file === `in/${SAMPLES[1]}.txt`)!;
    const out = etlCli(dir, "review", "--db", db, "--corrections", corrections, "--accept", conflict.id, "--value", "4371/4864 đạt 89,9%");
    expect(out).toContain(`xhs.ehealth_record actual 2023 in in/${SAMPLES[1]}.txt is 4371/4864 đạt 89,9%`);
    // Keyed by file, indicator, measure and year, not by line: add lines at the top and re-run.
    const again = await rerunWithLinesMoved(dir, db, corrections, SAMPLES[1]!);
    expect(again.corrections).toMatchObject({ entries: 1, unused: [] });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, `SELECT source_line, raw_value, value, numerator, denominator, corrected FROM observations WHERE source_file = 'in/${SAMPLES[1]}.txt' AND indicator_code = 'xhs.ehealth_record' AND measure = 'actual' AND period_year = 2023`))
        .toEqual([{ source_line: 130, raw_value: "4371/4864 đạt 89,9%", value: 89.9, numerator: 4371, denominator: 4864, corrected: expect.stringMatching(/^"4371\/4864 đạt 89,9%" read as "4371\/4864 đạt 89,9%" by corrections\.yaml values: xhs\.ehealth_record actual 2023/) }]);
      expect(await queryRows(wh.conn, `SELECT source_line, reason_code FROM rejects WHERE source_file = 'in/${SAMPLES[1]}.txt' AND reason_code = 'excluded'`))
        .toEqual([{ source_line: 227, reason_code: "excluded" }]);
      expect(await queryRows(wh.conn, `SELECT count(*)::INTEGER AS n FROM conflicts WHERE indicator_code = 'xhs.ehealth_record' AND period_year = 2023`)).toEqual([{ n: 0 }]);
      expect(await queryRows(wh.conn, `SELECT detail FROM correction_uses WHERE correction_key LIKE 'value:%' ORDER BY detail`))
        .toEqual([{ detail: 'line 130: "4371/4864 đạt 89,9%" → "4371/4864 đạt 89,9%"' }, { detail: 'line 227: "(Ghi rõ bao nhiêu/ bao nhiêu, đạt 96,8%)" excluded' }]);
    } finally { wh.close(); }
    const after = await review(db);
    expect(after.filter((i) => i.kind === "conflict")).toHaveLength(7);
  });

  it("--value gives a row the ETL could not read (one result for several targets) its value and indicator; it holds after lines move", async () => {
    const { dir, db, corrections } = inbox();
    await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    const row = (await review(db)).find((i) => i.kind === "unreadable_row" && i.file === `in/${SAMPLES[1]}.txt` && i.line === 198)!;
    expect(row.fix).toMatchObject({ kind: "row_value", measure: "actual" });
    // No indicator proposed for a result shared by several targets: the analyst says which one.
    expect(() => etlCli(dir, "review", "--db", db, "--corrections", corrections, "--accept", row.id, "--value", "98,6%", "--as", "cqs.no_such_code")).toThrow(/"cqs\.no_such_code" is not a code of/);
    const out = etlCli(dir, "review", "--db", db, "--corrections", corrections, "--accept", row.id, "--value", "98,6%", "--as", "cqs.full_online_public_services");
    expect(out).toContain(`the result of cqs.full_online_public_services in in/${SAMPLES[1]}.txt:198 is 98,6%`);
    expect(readFileSync(corrections, "utf8").match(/^row_values:/gm)).toHaveLength(1);
    const again = await rerunWithLinesMoved(dir, db, corrections, SAMPLES[1]!);
    expect(again.corrections).toMatchObject({ entries: 1, unused: [] });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, `SELECT source_line, measure, period_year, value, raw_value, corrected FROM observations WHERE source_file = 'in/${SAMPLES[1]}.txt' AND corrected LIKE 'a row not read%'`))
        .toEqual([{ source_line: 200, measure: "actual", period_year: 2023, value: 98.6, raw_value: "98,6%", corrected: expect.stringMatching(/^a row not read \(ambiguous_result: .*\) given "98,6%" by corrections\.yaml row_values: cqs\.full_online_public_services actual/) }]);
      expect(await queryRows(wh.conn, `SELECT count(*)::INTEGER AS n FROM rejects WHERE source_file = 'in/${SAMPLES[1]}.txt' AND reason_code = 'ambiguous_result'`)).toEqual([{ n: 2 }]);
    } finally { wh.close(); }
  });

  it("a value correction can change the value ('97,5%') or say the file gives none; a wrong value text stops the run", async () => {
    const { dir, db, corrections } = inbox();
    writeFileSync(corrections, [
      "values:",
      `  - { file: ${SAMPLES[2]}.txt, indicator: xhs.bank_account_15plus, measure: target, year: 2025, value: none }`,
      `  - { file: ${SAMPLES[4]}.txt, indicator: xhs.ehealth_record, measure: target, year: 2024, value: "≥ 97,5%" }`,
      `  - { file: ${SAMPLES[4]}.txt, indicator: xhs.ehealth_record, measure: target, year: 2031, value: "90%" }`,
    ].join("\n"));
    const report = await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    expect(report.corrections.unused.map((u) => u.label)).toEqual([`value xhs.ehealth_record target 2031 in ${SAMPLES[4]}.txt → 90%`]);
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, `SELECT count(*)::INTEGER AS n FROM observations WHERE source_file = 'in/${SAMPLES[2]}.txt' AND indicator_code = 'xhs.bank_account_15plus' AND measure = 'target'`)).toEqual([{ n: 0 }]);
      expect(await queryRows(wh.conn, `SELECT source_line, comparator, value, raw_value FROM observations WHERE source_file = 'in/${SAMPLES[4]}.txt' AND indicator_code = 'xhs.ehealth_record' AND measure = 'target' AND period_year = 2024`))
        .toEqual([{ source_line: 168, comparator: "gte", value: 97.5, raw_value: "đạt trên 95%" }]);
    } finally { wh.close(); }
    writeFileSync(corrections, `values:\n  - { file: ${SAMPLES[4]}.txt, indicator: xhs.ehealth_record, measure: target, year: 2024, value: "chưa rõ" }\n`);
    await expect(runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections }))
      .rejects.toThrow(/corrections\.yaml: values → entry 1 \(.*xhs\.ehealth_record target 2024\): "chưa rõ" is not a value/);
  });

  it("--unit sets the unit that filed a file, settling a copied name; a unit the gazetteer does not know stops the run", async () => {
    const { dir, db, corrections } = inbox();
    await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    const copied = (await review(db)).find((i) => i.kind === "warning" && /unit_name_mismatch/.test(i.detail))!;
    etlCli(dir, "review", "--db", db, "--corrections", corrections, "--accept", copied.id, "--unit", "xã Yên Hùng, Thanh Hóa");
    expect(readFileSync(corrections, "utf8")).toMatch(new RegExp(`units:\\n  - file: in/${SAMPLES[2]}.txt\\n    unit: xã Yên Hùng, Thanh Hóa`));
    await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    expect((await review(db)).filter((i) => /unit_name_mismatch/.test(i.detail))).toEqual([]);
    // The unit can be another than the text names: the submission and its observations follow it.
    writeFileSync(corrections, `units:\n  - file: ${SAMPLES[2]}.txt\n    unit: xã Yên Trường\n    note: the heading was pasted from Yên Hùng's plan\n`);
    await runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, `SELECT unit_level, unit_name, district, province, unit_confidence FROM submissions WHERE source_file = 'in/${SAMPLES[2]}.txt'`))
        .toEqual([{ unit_level: "xã", unit_name: "Yên Trường", district: "Yên Định", province: "Thanh Hóa", unit_confidence: 1 }]);
      expect(await queryRows(wh.conn, `SELECT DISTINCT unit_name FROM observations WHERE source_file = 'in/${SAMPLES[2]}.txt'`)).toEqual([{ unit_name: "Yên Trường" }]);
      expect(await queryRows(wh.conn, `SELECT detail FROM correction_uses WHERE correction_key LIKE 'unit:%'`))
        .toEqual([{ detail: expect.stringMatching(/^unit xã Yên Trường \(\d+\); read from the text: xã Yên Hùng at confidence/) }]);
    } finally { wh.close(); }
    writeFileSync(corrections, `units:\n  - file: ${SAMPLES[2]}.txt\n    unit: xã Không Có\n`);
    await expect(runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections }))
      .rejects.toThrow(/corrections\.yaml: units → entry 1 \(002_d48d77757f9ad9ed\.txt\): "xã Không Có" is not in the gazetteer/);
  });

  it("a broken corrections file stops the run before anything is written, naming the file and the entry", async () => {
    const { dir, db, corrections } = inbox();
    writeFileSync(corrections, "mappings:\n  - text: Tỷ lệ hộ có cáp quang\n    indicator: hts.no_such_code\n");
    await expect(runEtl({ inputs: ["in"], db, cwd: dir, correctionsPath: corrections }))
      .rejects.toThrow(/corrections\.yaml: mappings → entry 1 \("Tỷ lệ hộ có cáp quang"\): "hts.no_such_code" is not a catalog code/);
  });
});
