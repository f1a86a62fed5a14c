// Scanned pages read by OCR (tesseract.js with its Vietnamese model from node_modules; fixtures made
// by scripts/make-scan-fixtures.ts from sample 002's PDF). OCR is evidence, not truth: every value it
// reads carries its confidence and the box it stands in on the page image.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { ManifestEntry } from "../packages/etl/src/corrections/manifest.ts";
import { processDocument, type FileResult } from "../packages/etl/src/process-document.ts";
import { skewAngle } from "../packages/etl/src/read/deskew.ts";
import { imageRulings, stopOcr, withoutRulings } from "../packages/etl/src/read/ocr.ts";
import { findGrids } from "../packages/etl/src/read/pdf-grid.ts";
import { agreement } from "./format-agreement.ts";
import { catalogIndex, gazetteer, repo } from "./helpers.ts";

// A photo of one page does not say who filed it: the analyst's manifest does, as it would in an inbox.
const manifest = new Map<string, ManifestEntry>([
  ...["002-page4.png", "002-page5-sideways.png"].map((f): [string, ManifestEntry] => [`test/fixtures/scans/${f}`, { file: f, row: 1, unit: "xã Yên Hùng, huyện Yên Định", kind: "report", year: 2024, source: "manifest.csv" }]),
  ["test/fixtures/scans/000-appendix-scan.pdf", { file: "000-appendix-scan.pdf", row: 3, unit: "phường Mỹ Hòa, thành phố Long Xuyên", kind: "plan", year: 2024, source: "manifest.csv" }],
]);
const read = (file: string, ocr = true) => processDocument(`test/fixtures/scans/${file}`, readFileSync(repo(`test/fixtures/${file.includes("/") ? file : `scans/${file}`}`)), { catalog: catalogIndex, gazetteer, ocr, manifest });
afterAll(() => stopOcr());

// The text layer of the same pages (1, 4 and 5 of 002.pdf) is the key.
const textPages = async (pages: number[]) => (await read("formats/002.pdf")).observations.filter((o) => pages.includes(Number(/^page (\d+)/.exec(o.source_location ?? "")?.[1])));

describe("OCR of scanned pages", () => {
  let scan: FileResult;
  it("reads a scanned PDF (three pages and a blank one) as its text layer reads, with confidence and page boxes", async () => {
    scan = await read("002-scan.pdf");
    expect(scan.submission).toMatchObject({ unit_name: "Yên Hùng", format: "pdf", encoding: "ocr: pages 1,2,3; blank 4" });
    const a = agreement(await textPages([1, 4, 5]), scan.observations);
    console.log(`OCR scan of 002 pages 1, 4, 5: ${a.agreed}/${a.total} rows agree with the text layer`);
    expect(a.ratio, [...a.missing, ...a.extra].join("\n")).toBeGreaterThanOrEqual(0.75);
    for (const o of scan.observations) {
      expect(o.ocr_confidence).toBeGreaterThanOrEqual(80);
      expect(o.source_location).toMatch(/^page [1-3], box \d+,\d+-\d+,\d+ px at 150 dpi, ocr \d+$/);
    }
  }, 60_000);

  it("reads a photo of a page (PNG) and a page fed sideways", async () => {
    const photo = await read("002-page4.png");
    expect(photo.submission).toMatchObject({ format: "image", encoding: "ocr: page 1" });
    const sideways = await read("002-page5-sideways.png");
    const got = (r: FileResult) => r.observations.map((o) => `${o.indicator_code} ${o.value}`);
    // The photo's values are page 4's; the sideways page is turned back and read like page 5.
    expect(agreement(await textPages([4]), photo.observations).ratio).toBeGreaterThanOrEqual(0.75);
    expect(got(sideways).length).toBeGreaterThanOrEqual(4);
    expect(sideways.observations.every((o) => (o.ocr_confidence ?? 0) >= 80)).toBe(true);
  }, 90_000);

  it("reads a copier's scan of a bordered appendix (200 dpi, skewed 1.5°, noise, JPEG) as the PDF's text layer reads", async () => {
    const scan = await read("000-appendix-scan.pdf");
    const key = (await processDocument("bordered/000.pdf", readFileSync(repo("test/fixtures/bordered/000.pdf")), { catalog: catalogIndex, gazetteer }))
      .observations.filter((o) => [12, 13].includes(Number(/^page (\d+)/.exec(o.source_location ?? "")?.[1])));
    expect(key.length).toBe(11);
    const a = agreement(key, scan.observations);
    console.log(`OCR scan of 000's appendix (pages 12-13): ${a.agreed}/${a.total} rows agree with the text layer`);
    expect(a.ratio, [...a.missing, ...a.extra].join("\n")).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it("a scan longer than its OCR budget keeps what was read and names the pages left, with a progress report per page", async () => {
    const seen: string[] = [];
    // Half a second: the first page starts inside the budget and takes longer than that to read.
    const r = await processDocument("002-scan.pdf", readFileSync(repo("test/fixtures/scans/002-scan.pdf")), {
      catalog: catalogIndex, gazetteer, ocrSeconds: 0.5, onOcrPage: (f, n, of) => seen.push(`${f} ${n}/${of}`),
    });
    expect(seen).toEqual(["002-scan.pdf 1/4"]);
    expect(r.submission?.encoding).toBe("ocr: page 1; unread 2,3,4 (time)");
    expect(r.warnings.find((w) => w.code === "ocr_pages_unread")?.message).toMatch(/did not read pages 2-4; the values of the pages it read are kept/);
    expect(r.observations.length).toBeGreaterThan(0);
    expect(r.observations.every((o) => o.source_location?.startsWith("page 1,"))).toBe(true);
  }, 60_000);

  it("--no-ocr keeps the old refusal: a scan or an image needs OCR", async () => {
    expect((await read("002-scan.pdf", false)).rejects[0]).toMatchObject({ reason_code: "needs_ocr" });
    expect((await read("002-page4.png", false)).rejects[0]).toMatchObject({ reason_code: "needs_ocr" });
  });
});

describe("a scanned table's borders", () => {
  it("are found in the page image as ruled lines, and make the grid a drawn table makes", () => {
    // A 600 × 400 px white image (150 dpi) with a 3 × 2 table drawn 2 px thick, and a line of "text"
    // (short dark runs) that must not count as a border.
    const w = 600, h = 400;
    const gray = new Uint8Array(w * h).fill(255);
    const hline = (y: number) => { for (let t = 0; t < 2; t++) for (let x = 50; x <= 550; x++) gray[(y + t) * w + x] = 0; };
    const vline = (x: number) => { for (let t = 0; t < 2; t++) for (let y = 50; y <= 350; y++) gray[y * w + x + t] = 0; };
    [50, 150, 250, 350].forEach(hline);
    [50, 200, 550].forEach(vline);
    for (let x = 60; x < 190; x += 12) for (let y = 100; y < 112; y++) for (let k = 0; k < 8; k++) gray[y * w + x + k] = 0;
    const [grid, ...more] = findGrids(imageRulings(gray, w, h));
    expect(more).toEqual([]);
    expect(grid!.ys.length).toBe(4);
    expect(grid!.xs.length).toBe(3);
    // Pixels to points: x 50 px at 150 dpi is 24 pt.
    expect(grid!.xs[0]).toBeCloseTo(24.2, 0);
  });
});

describe("a page fed askew", () => {
  // A 600 × 800 px page of "text": rows of dark dashes, turned by a known angle (y grows downwards,
  // so a positive angle runs a line down to the right, as a clockwise turn does).
  const page = (degrees: number) => {
    const w = 600, h = 800, gray = new Uint8Array(w * h).fill(255);
    const t = Math.tan((degrees * Math.PI) / 180);
    for (let row = 100; row < 700; row += 30) for (let x = 60; x < 540; x++) {
      if (x % 14 > 10) continue; // gaps between letters
      for (let dy = 0; dy < 8; dy++) { const y = Math.round(row + dy + (x - 300) * t); gray[y * w + x] = 0; }
    }
    return { gray, w, h };
  };
  it("is measured to a tenth of a degree either way, and a straight page as straight", () => {
    for (const d of [1.5, -1.5, 0.7, 0]) { const p = page(d); expect(Math.abs(skewAngle(p.gray, p.w, p.h) - d)).toBeLessThanOrEqual(0.1); }
  });
  it("has its borders painted out for the OCR, its text kept", () => {
    const w = 300, h = 200, gray = new Uint8Array(w * h).fill(255);
    for (let x = 20; x < 280; x++) gray[100 * w + x] = 190; // a border, scanned grey
    for (let x = 40; x < 48; x++) for (let y = 60; y < 80; y++) gray[y * w + x] = 20; // a letter
    const out = withoutRulings(gray, w, h);
    expect(out[100 * w + 150]).toBe(255);
    expect(out[70 * w + 44]).toBe(20);
  });
});

