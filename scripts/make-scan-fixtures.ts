/**
 * Scans as communes send them, made from the format fixtures: sample 000's bordered appendix (pages
 * 12–13 of test/fixtures/bordered/000.pdf) scanned as a copier does (scripts/degraded-scan.ts: 200 dpi,
 * noise, a 1.5° skew, JPEG), and pages of sample 002's PDF rendered to
 * 150 dpi greyscale images (poppler's pdftoppm) and re-wrapped as an image-only PDF (img2pdf), as a
 * scanner's "scan to PDF" does; one page as a PNG (a phone photo of a page, squared), and one turned a
 * quarter (a page fed sideways). A blank page is added to the PDF (scanners keep the back of a sheet).
 * Output: test/fixtures/scans/; commit it, so tests need none of these tools.
 *
 *   apt-get install -y poppler-utils img2pdf
 *   pnpm exec tsx scripts/make-scan-fixtures.ts
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { degradedScan } from "./degraded-scan.ts";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "test/fixtures/scans");
const SOURCE = join(ROOT, "test/fixtures/formats/002.pdf");
const PAGES = [1, 4, 5];
const APPENDIX = [12, 13];
const require = createRequire(join(ROOT, "packages/etl/package.json"));
type Ctx = { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; translate(x: number, y: number): void; rotate(a: number): void; drawImage(i: unknown, x: number, y: number): void };
type Canvas = { getContext(t: "2d"): Ctx; toBuffer(m: "image/png"): Buffer };
const { createCanvas, loadImage } = require("@napi-rs/canvas") as { createCanvas(w: number, h: number): Canvas; loadImage(b: Buffer): Promise<{ width: number; height: number }> };

const work = mkdtempSync(join(tmpdir(), "dx-scans-"));
const page = (n: number) => {
  execFileSync("pdftoppm", ["-f", String(n), "-l", String(n), "-r", "150", "-gray", "-singlefile", "-png", SOURCE, join(work, `p${n}`)]);
  return join(work, `p${n}.png`);
};
const images = PAGES.map(page);
// The back of a sheet: a white page of the same size.
const first = await loadImage(readFileSync(images[0]!));
const blank = createCanvas(first.width, first.height);
const bctx = blank.getContext("2d");
bctx.fillStyle = "#ffffff";
bctx.fillRect(0, 0, first.width, first.height);
writeFileSync(join(work, "blank.png"), blank.toBuffer("image/png"));

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
execFileSync("img2pdf", [...images, join(work, "blank.png"), "-o", join(OUT, "002-scan.pdf")]);
copyFileSync(images[1]!, join(OUT, "002-page4.png"));
// Page 5 fed sideways: turned a quarter clockwise.
const img = await loadImage(readFileSync(images[2]!));
const turned = createCanvas(img.height, img.width);
const ctx = turned.getContext("2d");
ctx.translate(img.height / 2, img.width / 2);
ctx.rotate(Math.PI / 2);
ctx.drawImage(img, -img.width / 2, -img.height / 2);
writeFileSync(join(OUT, "002-page5-sideways.png"), turned.toBuffer("image/png"));
rmSync(work, { recursive: true, force: true });
await degradedScan(join(ROOT, "test/fixtures/bordered/000.pdf"), join(OUT, "000-appendix-scan.pdf"), { dpi: 200, pages: APPENDIX, seed: 1 });
console.log("000-appendix-scan.pdf (pages 12-13 of bordered/000.pdf, degraded), " + "002-scan.pdf (pages 1, 4, 5 of 002.pdf + a blank page), 002-page4.png, 002-page5-sideways.png");
