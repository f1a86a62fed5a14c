// The explorer builds from any warehouse: empty, one document, plans with no report. Each site opens
// in real Chromium without console errors and says what is missing and how to load it; building twice
// into the same folder outside the project works; a plain static server (python3 -m http.server)
// serves it under a sub-path, with links written with and without .html.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../apps/explorer/scripts/build-site.ts";
import { CHROMIUM_ARGS } from "../apps/explorer/scripts/chromium.ts";
import { serveStatic } from "../apps/explorer/scripts/serve-static.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { reportText, WORDING } from "./fixtures/documents.ts";
import { repo, SAMPLES, tempDir } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM) || process.env.DX_REQUIRE_BROWSER === "1";
const python = spawnSync("python3", ["--version"]).status === 0;

/** A warehouse loaded from the given samples (none: an empty one). */
async function warehouse(dir: string, samples: string[]): Promise<string> {
  const inbox = join(dir, "inbox");
  mkdirSync(inbox, { recursive: true });
  for (const s of samples) copyFileSync(repo(`data/samples/${s}.txt`), join(inbox, `${s}.txt`));
  const db = join(dir, "w.duckdb");
  await runEtl({ inputs: [inbox], db, cwd: dir });
  return db;
}

let browser: Browser;
const cases: Record<string, { site: string; note: RegExp }> = {};

async function pageText(base: string, path: string): Promise<{ text: string; errors: string[]; outside: string[]; status: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => { if (!r.url().startsWith("http://127.0.0.1:")) outside.push(r.url()); });
  const res = await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  const text = await page.evaluate(() => document.body.innerText);
  await page.close();
  return { text, errors, outside, status: res?.status() ?? 0 };
}

describe.runIf(haveBrowser)("explorer build from any warehouse", () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const plan = SAMPLES[0]!, report = SAMPLES[1]!; // 000 is a plan, 001 a report
    for (const [name, samples, note] of [
      ["empty", [], /Kho dữ liệu chưa có văn bản nào/],
      ["one report", [report], /Chưa có kế hoạch nào/],
      ["plans only", [plan], /Chưa có báo cáo nào/],
    ] as const) {
      const dir = tempDir();
      const site = join(dir, "site");
      await buildSite({ warehouse: await warehouse(dir, [...samples]), out: site, quiet: true });
      cases[name] = { site, note };
    }
  }, 360_000);
  afterAll(async () => { await browser?.close(); });

  it("each builds; its overview says what is missing and how to load it, with no console errors", async () => {
    for (const [name, c] of Object.entries(cases)) {
      const server = await serveStatic(c.site, 0);
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      try {
        const index = await pageText(base, "/");
        expect(index.text, name).toMatch(c.note);
        expect(index.text, name).toMatch(/pnpm etl/);
        const ranking = await pageText(base, "/chi-tieu");
        if (name !== "one report") expect(ranking.text, name).toMatch(/Chưa có kết quả nào để xếp hạng/);
        for (const p of [index, ranking, await pageText(base, "/so-sanh"), await pageText(base, "/chat-luong")]) {
          expect(p.errors, name).toEqual([]);
          expect(p.outside, name).toEqual([]);
        }
      } finally { server.close(); }
    }
  }, 120_000);

  it("building again into the same folder outside the project replaces it", async () => {
    const c = cases["one report"]!;
    writeFileSync(join(c.site, "stale.txt"), "from an earlier build");
    const dir = tempDir();
    await buildSite({ warehouse: await warehouse(dir, [SAMPLES[1]!]), out: c.site, quiet: true });
    expect(existsSync(join(c.site, "index.html"))).toBe(true);
    expect(existsSync(join(c.site, "stale.txt"))).toBe(false);
    // Links end in .html; every page also has a folder that forwards to it.
    expect(readdirSync(c.site)).toEqual(expect.arrayContaining(["chi-tieu.html", "chi-tieu", "don-vi"]));
  }, 120_000);

  it("districts before the reform: the province view ranks a district's own results at their level", async () => {
    const dir = tempDir();
    const inbox = join(dir, "inbox");
    mkdirSync(inbox);
    const district = { level: "huyện", name: "Yên Định", province: "Thanh Hóa" } as const;
    const commune = { level: "xã", name: "Yên Trường", district: "Yên Định", province: "Thanh Hóa" } as const;
    writeFileSync(join(inbox, "yen-dinh-2024.txt"), reportText(district, 2024, [{ indicator: WORDING.ehealth, target: "80%", result: "đạt 71%" }]));
    writeFileSync(join(inbox, "yen-truong-2024.txt"), reportText(commune, 2024, [{ indicator: WORDING.ehealth, target: "80%", result: "đạt 83%" }]));
    const db = join(dir, "w.duckdb");
    await runEtl({ inputs: [inbox], db, cwd: dir });
    const site = join(dir, "site");
    await buildSite({ warehouse: db, out: site, quiet: true });
    const server = await serveStatic(site, 0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    try {
      await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/chi-tieu.html`, { waitUntil: "networkidle" });
      // Communes first; the district's own result at the district level.
      await expect.poll(() => page.textContent("#ranking-table"), { timeout: 30_000 }).toMatch(/xã Yên Trường.*83%/);
      await page.getByLabel("Huyện, quận, thị xã, thành phố (trước 7/2025)").check();
      await expect.poll(() => page.textContent("#ranking-table"), { timeout: 30_000 }).toMatch(/huyện Yên Định.*71%.*Không đạt/);
      expect(await page.textContent("#ranking-summary")).toMatch(/1 huyện của Thanh Hoá có số liệu/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      server.close();
    }
  }, 120_000);

  it.runIf(python)("a plain static server (python3 -m http.server) serves it under a sub-path, links with and without .html", async () => {
    const c = cases["one report"]!;
    // The site under /dx/: the server's root is the folder above it.
    const root = join(c.site, "..");
    const { renameSync } = await import("node:fs");
    renameSync(c.site, join(root, "dx"));
    let server: ChildProcess | undefined;
    try {
      const port = 20000 + Math.floor(Math.random() * 20000);
      server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root], { stdio: "ignore" });
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 50; i++) { try { await fetch(`${base}/dx/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); } }
      const index = await pageText(base, "/dx/");
      expect(index.text).toMatch(/Chưa có kế hoạch nào/);
      expect(index.errors).toEqual([]);
      for (const path of ["/dx/chi-tieu.html", "/dx/chi-tieu", "/dx/chi-tieu/"]) {
        const p = await pageText(base, path);
        expect(p.text, path).toMatch(/Chỉ tiêu/);
        expect(p.text, path).toMatch(/Hà Tân/);
        expect(p.errors, path).toEqual([]);
        expect(p.outside, path).toEqual([]);
      }
    } finally {
      server?.kill();
      renameSync(join(root, "dx"), c.site);
    }
  }, 120_000);
});
