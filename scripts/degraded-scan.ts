/**
 * A scan as a commune's copier makes it, from a PDF: every page rendered by poppler (pdftoppm, a
 * renderer other than the one the ETL uses) at `dpi`, greyscale, turned by a small skew, with mild
 * noise, saved as JPEG (its block artefacts) and wrapped back into an image-only PDF by img2pdf.
 * For fixtures and the bench only: needs `apt-get install -y poppler-utils img2pdf`; the ETL needs
 * neither.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type ScanOptions = { dpi?: number; skewDegrees?: number; noise?: number; jpegQuality?: number; seed?: number; pages?: number[] };

type Ctx = {
  fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; translate(x: number, y: number): void; rotate(a: number): void; setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }; putImageData(d: unknown, x: number, y: number): void;
};
type Canvas = { getContext(t: "2d"): Ctx; encode(m: "jpeg", q: number): Promise<Buffer> };
const require = createRequire(join(import.meta.dirname, "../packages/etl/package.json"));
const { createCanvas, loadImage } = require("@napi-rs/canvas") as { createCanvas(w: number, h: number): Canvas; loadImage(b: Buffer): Promise<{ width: number; height: number }> };

/** The tools a scan is made with, or the apt line that installs them. */
export function missingScanTools(): string | undefined {
  for (const tool of ["pdftoppm", "img2pdf"]) {
    try { execFileSync(tool, ["-v"], { stdio: "ignore" }); } catch (e) { if ((e as NodeJS.ErrnoException).code === "ENOENT") return `${tool} not found: apt-get install -y poppler-utils img2pdf`; }
  }
  return undefined;
}

/** A small deterministic generator, so a fixture made twice is the same file. */
const random = (seed: number) => () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };

/** Writes `out`, an image-only PDF of `pdf`'s pages degraded as a copier does; returns its page count. */
export async function degradedScan(pdf: string, out: string, o: ScanOptions = {}): Promise<number> {
  const { dpi = 200, skewDegrees = 1.5, noise = 18, jpegQuality = 0.7, seed = 1 } = o;
  const rnd = random(seed);
  const work = mkdtempSync(join(tmpdir(), "dx-scan-"));
  try {
    const range = o.pages ? ["-f", String(Math.min(...o.pages)), "-l", String(Math.max(...o.pages))] : [];
    execFileSync("pdftoppm", [...range, "-r", String(dpi), "-gray", "-png", pdf, join(work, "p")]);
    const pngs = readdirSync(work).filter((f) => f.endsWith(".png")).sort()
      .filter((f) => !o.pages || o.pages.includes(Number(/(\d+)\.png$/.exec(f)![1])));
    const jpgs: string[] = [];
    for (const [i, f] of pngs.entries()) {
      const img = await loadImage(readFileSync(join(work, f)));
      const c = createCanvas(img.width, img.height);
      const ctx = c.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, img.width, img.height);
      // Alternate the skew's direction page by page, as sheets go into a feeder.
      const angle = ((i % 2 ? -1 : 1) * skewDegrees * Math.PI) / 180;
      ctx.translate(img.width / 2, img.height / 2);
      ctx.rotate(angle);
      ctx.drawImage(img, -img.width / 2, -img.height / 2);
      // @napi-rs/canvas applies the transform to putImageData too (the spec says it must not).
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height);
      for (let p = 0; p < d.data.length; p += 4) {
        const v = Math.max(0, Math.min(255, d.data[p]! + (rnd() + rnd() + rnd() - 1.5) * noise));
        d.data[p] = d.data[p + 1] = d.data[p + 2] = v;
      }
      ctx.putImageData(d, 0, 0);
      const jpg = join(work, `${f}.jpg`);
      writeFileSync(jpg, await c.encode("jpeg", Math.round(jpegQuality * 100)));
      jpgs.push(jpg);
    }
    execFileSync("img2pdf", ["--imgsize", `${dpi}dpix${dpi}dpi`, ...jpgs, "-o", out]);
    return jpgs.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
