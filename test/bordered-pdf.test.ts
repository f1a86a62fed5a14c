// PDFs with drawn table borders, as Word and LibreOffice print them (fixtures made by
// scripts/make-bordered-fixtures.ts): the grid the page draws decides the cells, so each sample's
// appendix reads as its text original does, and so does an invented plan whose table crosses pages,
// repeats its header, merges group rows across all columns and one cell down many rows.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { processDocument } from "../packages/etl/src/process-document.ts";
import { findGrids, gridRows, type Ruling } from "../packages/etl/src/read/pdf-grid.ts";
import type { TextItem } from "../packages/etl/src/read/pdf-layout.ts";
import { agreement } from "./format-agreement.ts";
import { catalogIndex, gazetteer, processSample, repo, SAMPLES } from "./helpers.ts";

const read = (file: string) => processDocument(`test/fixtures/bordered/${file}`, readFileSync(repo(`test/fixtures/bordered/${file}`)), { catalog: catalogIndex, gazetteer });

describe("bordered tables in PDFs", () => {
  it("the five samples printed with bordered tables give the observations of their text originals (≥ 98% overall)", async () => {
    let agreed = 0, total = 0;
    const per: string[] = [];
    for (const s of SAMPLES) {
      const a = agreement((await processSample(s)).observations, (await read(`${s.slice(0, 3)}.pdf`)).observations);
      agreed += a.agreed; total += a.total;
      per.push(`${s.slice(0, 3)} ${a.agreed}/${a.total}`);
      expect(a.ratio, `${s}: ${a.missing.join("; ")} | extra ${a.extra.join("; ")}`).toBeGreaterThanOrEqual(0.9);
    }
    console.log(`bordered PDFs: ${per.join(", ")} = ${((100 * agreed) / total).toFixed(1)}%`);
    expect(agreed / total).toBeGreaterThanOrEqual(0.98);
    // Sample 000's appendix (31 targets in a bordered table) read nothing before the grid was used.
    const a000 = agreement((await processSample(SAMPLES[0]!)).observations, (await read("000.pdf")).observations);
    expect(a000.agreed).toBe(31);
  });

  it("an invented multi-page plan with merged cells reads exactly as its text original, with pages", async () => {
    const text = await processDocument("test/fixtures/bordered/yen-truong-2025.txt", readFileSync(repo("test/fixtures/bordered/yen-truong-2025.txt")), { catalog: catalogIndex, gazetteer });
    const pdf = await read("yen-truong-2025.pdf");
    expect(text.observations).toHaveLength(16);
    const a = agreement(text.observations, pdf.observations);
    expect(a, [...a.missing, ...a.extra].join("\n")).toMatchObject({ agreed: 16, total: 16 });
    const sme = pdf.observations.find((o) => o.indicator_code === "kts.sme_digital_platforms")!;
    expect(sme).toMatchObject({ comparator: "gt", value: 40, measure: "target", period_year: 2025 });
    expect(sme.source_location).toMatch(/^page [2-7]$/);
    // The merged "responsible unit" cell and the notes are not values; the repeated header is read once.
    expect(pdf.rejects.filter((r) => r.reason_code === "unparsed_value")).toEqual([]);
  });
});

describe("the grid of a page", () => {
  // A 3-column table: header row, a group row merged across all columns, two rows; y grows upwards.
  const h = (y: number, x0 = 50, x1 = 350): Ruling => ({ x0, x1, y0: y, y1: y });
  const v = (x: number, y0: number, y1: number): Ruling => ({ x0: x, x1: x, y0, y1 });
  const rulings = [h(700), h(680), h(660), h(640), h(620), v(50, 620, 700), v(350, 620, 700), v(100, 680, 700), v(100, 620, 660), v(250, 680, 700), v(250, 620, 660),
    // Word's double border: a second line half a point away is the same boundary.
    h(699.5), v(50.5, 620, 700)];
  const t = (text: string, x: number, y: number): TextItem => ({ text, x, y, width: text.length * 4, size: 10 });
  it("finds the cells, keeps a merged group row as one cell at the table's width, and joins a cell's wrapped lines", () => {
    const [g] = findGrids(rulings);
    expect(g!.ys.length).toBe(5);
    const rows = gridRows(g!, [
      t("STT", 55, 685), t("Tên chỉ tiêu", 105, 685), t("Chỉ tiêu", 255, 685),
      t("I. CHÍNH QUYỀN SỐ", 55, 665),
      t("1", 55, 645), t("Tỷ lệ hồ sơ công việc", 105, 650), t("xử lý trên môi trường mạng", 105, 643), t("90%", 255, 645),
      t("2", 55, 625), t("Tỷ lệ văn bản điện tử", 105, 625), t("100%", 255, 625),
    ]);
    expect(rows).toEqual([
      ["STT", "Tên chỉ tiêu", "Chỉ tiêu"],
      ["I. CHÍNH QUYỀN SỐ", "", ""],
      ["1", "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", "90%"],
      ["2", "Tỷ lệ văn bản điện tử", "100%"],
    ]);
  });
  it("a lone underline or a page frame (one cell) is not a table", () => {
    expect(findGrids([h(500, 50, 200)])).toEqual([]);
    expect(findGrids([v(50, 100, 700)])).toEqual([]);
    expect(findGrids([h(700), h(100), v(50, 100, 700), v(350, 100, 700)])).toEqual([]);
  });
});
