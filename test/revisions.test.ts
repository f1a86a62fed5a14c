// Revisions: a later submission for the same unit, kind and year supersedes the earlier one. The metrics
// read the current version; the earlier stays queryable (submission_history, observations) with both
// files named; values of two versions are not reported as conflicts.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWarehouse, queryRows, targetVsActual } from "../packages/metrics/src/index.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { repo, SAMPLES, tempDir } from "./helpers.ts";

const HA_TAN = SAMPLES[1]!;

/** The Hà Tân report with the e-health result and the date line changed, as a commune resubmits it. */
function revise(text: string, result: string, date: string): string {
  const out = text.replace("đạt 96,8%)", `đạt ${result})`).replace("Hà Tân, ngày tháng 12 năm 2023", `Hà Tân, ngày ${date} tháng 12 năm 2023`);
  expect(out).not.toBe(text);
  return out;
}

async function load(files: Record<string, string>) {
  const dir = tempDir();
  mkdirSync(join(dir, "in"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "in", name), text);
  const db = join(dir, "w.duckdb");
  await runEtl({ inputs: ["in"], db, cwd: dir });
  return { dir, db };
}

describe("a revised report supersedes the earlier one", () => {
  const original = readFileSync(repo(`data/samples/${HA_TAN}.txt`), "utf8");

  it("the metrics show the revision; the original stays as history, both files named; no conflict between versions", async () => {
    const { db } = await load({ "ha-tan-2023.txt": original, "ha-tan-2023-sua-doi.txt": revise(original, "97,5%", "28") });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, "SELECT source_file, issue_date, is_current, superseded_by, versions FROM submission_history WHERE unit_name = 'Hà Tân' ORDER BY source_file")).toEqual([
        { source_file: "in/ha-tan-2023-sua-doi.txt", issue_date: "2023-12-28", is_current: true, superseded_by: null, versions: 2 },
        { source_file: "in/ha-tan-2023.txt", issue_date: "2023-12", is_current: false, superseded_by: "in/ha-tan-2023-sua-doi.txt", versions: 2 },
      ]);
      const [row] = await targetVsActual(wh.conn, { unit: "Hà Tân", indicator: "xhs.ehealth_record", year: 2023 });
      expect(row).toMatchObject({ actual_value: 97.5, actual_file: "in/ha-tan-2023-sua-doi.txt", target_value: 90, status: "met" });
      // History: both versions' values are still in the observations, each with its file.
      expect(await queryRows(wh.conn, "SELECT source_file, value FROM observations WHERE indicator_code = 'xhs.ehealth_record' AND measure = 'actual' AND source_line = 225 ORDER BY source_file")).toEqual([
        { source_file: "in/ha-tan-2023-sua-doi.txt", value: 97.5 }, { source_file: "in/ha-tan-2023.txt", value: 96.8 },
      ]);
      // The revision's own disagreement (appendix vs prose) is still a conflict; the versions' is not.
      const conflicts = await queryRows(wh.conn, "SELECT CAST(to_json(entries) AS VARCHAR) AS e FROM conflicts WHERE indicator_code = 'xhs.ehealth_record'");
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.e).not.toContain("in/ha-tan-2023.txt");
      expect(await queryRows(wh.conn, "SELECT count(*)::INTEGER AS n FROM completeness WHERE unit_key = 'before-2025-07:15322' AND year = 2023 AND reports = 1")).toEqual([{ n: 1 }]);
    } finally { wh.close(); }
  });

  it("'later' is the document's own date: an older version loaded afterwards does not supersede", async () => {
    const { dir, db } = await load({ "ha-tan-2023-sua-doi.txt": revise(original, "97,5%", "28") });
    copyFileSync(repo(`data/samples/${HA_TAN}.txt`), join(dir, "in", "ha-tan-2023-ban-dau.txt"));
    await runEtl({ inputs: ["in"], db, cwd: dir });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect(await queryRows(wh.conn, "SELECT source_file, is_current FROM submission_history WHERE unit_name = 'Hà Tân' ORDER BY 1")).toEqual([
        { source_file: "in/ha-tan-2023-ban-dau.txt", is_current: false }, { source_file: "in/ha-tan-2023-sua-doi.txt", is_current: true },
      ]);
      expect((await targetVsActual(wh.conn, { unit: "Hà Tân", indicator: "xhs.ehealth_record", year: 2023 }))[0]).toMatchObject({ actual_value: 97.5 });
    } finally { wh.close(); }
  });

  it("with the same date, the file loaded later is the current one", async () => {
    const { dir, db } = await load({ "a.txt": original });
    writeFileSync(join(dir, "in", "b.txt"), original.replace("đạt 96,8%)", "đạt 98%)"));
    await runEtl({ inputs: ["in"], db, cwd: dir, now: () => new Date(Date.now() + 60_000) });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect((await targetVsActual(wh.conn, { unit: "Hà Tân", indicator: "xhs.ehealth_record", year: 2023 }))[0]).toMatchObject({ actual_value: 98, actual_file: "in/b.txt" });
    } finally { wh.close(); }
  });
});
