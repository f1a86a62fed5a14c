// The explorer on a national-size warehouse (bench/national-warehouse.ts: the fixture inbox loaded by the
// real ETL, its communes' submissions copied onto about 4,800 real communes of the gazetteer, ≥ 150,000
// observations), built and served by python3 -m http.server under a sub-path (/dx/), in real Chromium:
// the picker finds a commune typed without diacritics, the province view ranks that province's
// communes and its CSV has the same rows, a unit page opened by URL shows the unit's values with
// their provenance; no console errors, nothing outside 127.0.0.1, no file over 5 MB, nothing wider than
// a phone. Speed is measured by `pnpm bench`, not here.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../apps/explorer/scripts/build-site.ts";
import { CHROMIUM_ARGS } from "../apps/explorer/scripts/chromium.ts";
import { serveStatic } from "../apps/explorer/scripts/serve-static.ts";
// @ts-expect-error: plain JavaScript shared with the pages (no types)
import { fold, unitSlug } from "../apps/explorer/src/components/slug.js";
import { spreadOverGazetteer } from "../bench/national-warehouse.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { writeFixtureInbox } from "./fixtures/inbox.ts";
import { repo, tempDir } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM) || process.env.DX_REQUIRE_BROWSER === "1";
const python = spawnSync("python3", ["--version"]).status === 0;
const SHOTS = repo("test/output/explorer");
const MB = 1024 * 1024;

let db: string;
let base: string;
let browser: Browser;
let python3: ChildProcess | undefined;
let server: Server | undefined;
let counts: { units: number; observations: number };
const sql = async (q: string) => {
  const wh = await openWarehouse(db, { readOnly: true });
  try { return await queryRows(wh.conn, q); } finally { wh.close(); }
};

/** Opens a page; records console errors, requests leaving 127.0.0.1 and the size of every file it loads. */
async function open(path: string, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  const sizes: [string, number][] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => { if (!r.url().startsWith("http://127.0.0.1:")) outside.push(r.url()); });
  page.on("response", async (r) => { try { sizes.push([r.url(), (await r.body()).length]); } catch { /* a redirect has no body */ } });
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  const done = async () => {
    expect(errors, path).toEqual([]);
    expect(outside, path).toEqual([]);
    const largest = sizes.reduce((a, b) => (b[1] > a[1] ? b : a), ["", 0] as [string, number]);
    expect(largest[1], `${path}: ${largest[0]}`).toBeLessThanOrEqual(5 * MB);
    await page.close();
  };
  return { page, done };
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: page.viewportSize()!.width, height: Math.min(height, 3000) } });
}

describe.runIf(haveBrowser)("explorer at national size", () => {
  beforeAll(async () => {
    const dir = tempDir();
    db = join(dir, "w.duckdb");
    await runEtl({ inputs: [writeFixtureInbox(dir).inbox], db, cwd: dir });
    counts = await spreadOverGazetteer(db, { units: 4800 });
    const site = join(dir, "site", "dx");
    await buildSite({ warehouse: db, out: site, quiet: true });
    if (python) {
      const port = 20000 + Math.floor(Math.random() * 20000);
      python3 = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", join(dir, "site")], { stdio: "ignore" });
      base = `http://127.0.0.1:${port}/dx`;
      for (let i = 0; i < 100; i++) { try { await fetch(`${base}/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); } }
    } else {
      server = await serveStatic(site, 0);
      base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 300_000);
  afterAll(async () => { await browser?.close(); python3?.kill(); server?.close(); });

  it("is national size: ≥ 3,000 units with documents, ≥ 150,000 observations, in every province", async () => {
    expect(counts.units).toBeGreaterThanOrEqual(3000);
    expect(counts.observations).toBeGreaterThanOrEqual(150_000);
    const [p] = await sql("SELECT CAST(count(DISTINCT current_province_code) AS INTEGER) AS n FROM submission_units");
    expect(p!.n).toBe(34);
  });

  it("the picker finds a commune typed without diacritics, and a merged commune by the name of its successor", async () => {
    const [unit] = await sql(`SELECT su.unit_key, su.unit_level, su.unit_name, su.province FROM submission_units su
      WHERE su.source_file LIKE 'toan-quoc/%' AND su.unit_era = 'after-2025-07' AND su.unit_name <> strip_accents(su.unit_name) ORDER BY su.unit_key LIMIT 1`);
    const typed = fold(`${unit!.unit_name} ${unit!.province}`);
    expect(typed).not.toBe(`${unit!.unit_name} ${unit!.province}`);
    const { page, done } = await open("/");
    await page.fill("#unit-picker-input", typed);
    const link = page.locator(`#unit-picker-list a[href="./don-vi.html?unit=${unitSlug(unit!.unit_key)}"]`);
    await link.waitFor();
    expect(await link.textContent()).toContain(`${unit!.unit_level} ${unit!.unit_name}`);
    // Hà Tân was merged into Tống Sơn in 2025: typing the successor's name finds it too.
    await page.fill("#unit-picker-input", "Tống Sơn");
    const haTan = page.locator("#unit-picker-list a", { hasText: "xã Hà Tân" });
    await haTan.first().waitFor();
    expect(await haTan.first().textContent()).toMatch(/nay: xã Tống Sơn/);
    await done();
  });

  it("the province view ranks the province's communes; its CSV has the same rows", async () => {
    const [best] = await sql(`SELECT c.year, c.current_province_code AS code, any_value(c.current_province) AS name, CAST(count(*) AS INTEGER) AS n,
        CAST(count(*) FILTER (WHERE c.unit_level IN ('xã', 'phường', 'thị trấn', 'đặc khu')) AS INTEGER) AS communes
      FROM comparison c WHERE c.indicator_code = 'xhs.ehealth_record' AND c.current_province_code IS NOT NULL GROUP BY ALL ORDER BY n DESC, code LIMIT 1`) as
      { year: number; code: string; name: string; n: number; communes: number }[];
    const [{ name: indicator }] = (await sql("SELECT name_vi AS name FROM indicators WHERE code = 'xhs.ehealth_record'")) as [{ name: string }];
    const { page, done } = await open("/chi-tieu.html");
    await page.waitForSelector("#ranking-summary");
    const summary = () => page.evaluate(() => document.querySelector("#ranking-summary")?.textContent ?? "");
    const choose = async (menu: number, label: string, shown: (t: string) => boolean) =>
      expect.poll(async () => { if (!shown(await summary())) await page.locator("select").nth(menu).selectOption({ label }); return shown(await summary()); },
        { timeout: 30_000, interval: 500 }).toBe(true);
    await choose(0, indicator, (t) => t.startsWith(`${indicator},`));
    await choose(1, String(best!.year), (t) => t.includes(`năm ${best!.year}:`));
    await choose(2, `${best!.name} (${best!.n.toLocaleString("vi-VN")})`, (t) => t.includes(`của ${best!.name} có số liệu`));
    await page.waitForFunction((n) => document.querySelector("#n-ranked")?.textContent === String(n), best!.communes);
    // A long table shows its first 200 rows and a button for the rest.
    if (await page.locator("#ranking-table-all").count()) await page.click("#ranking-table-all");
    const shown = await page.$$eval("#ranking-table tbody tr", (trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));
    expect(shown).toHaveLength(best!.communes);
    // Ranked by result, highest first, with ranks 1…
    expect(shown[0]![0]).toBe("1");
    const values = shown.map((r) => Number(r[3]!.replace("%", "").replace(",", ".")));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#ranking-table-csv")]);
    const lines = readFileSync((await download.path())!).toString("utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + best!.communes);
    expect(lines.slice(1).map((l) => l.match(/^\d+,([^,]+),/)?.[1])).toEqual(shown.map((r) => r[1]));
    await shot(page, "national-desktop-province");
    await done();
    const phone = await open("/chi-tieu.html", 390);
    await phone.page.waitForSelector("#ranking svg");
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await shot(phone.page, "national-phone-province");
    await phone.done();
  });

  it("a unit page opened by URL shows the unit's values with where each came from", async () => {
    const [unit] = await sql(`SELECT unit_key, CAST(count(*) AS INTEGER) AS n FROM target_vs_actual
      GROUP BY unit_key HAVING bool_or(actual_file LIKE 'toan-quoc/%' AND actual_value IS NOT NULL) ORDER BY n DESC, unit_key LIMIT 1`);
    const [row] = await sql(`SELECT t.indicator_code, t.actual_raw, o.source_text FROM target_vs_actual t
      JOIN metric_observations o ON o.unit_key = t.unit_key AND o.indicator_code = t.indicator_code AND o.period_year = t.period_year AND o.measure = 'actual' AND o.source_file = t.actual_file AND o.source_line = t.actual_line
      WHERE t.unit_key = '${unit!.unit_key}' AND t.actual_value IS NOT NULL ORDER BY t.indicator_code LIMIT 1`);
    for (const width of [1280, 390]) {
      const { page, done } = await open(`/don-vi.html?unit=${unitSlug(unit!.unit_key)}`, width);
      await page.waitForSelector("#unit-table");
      expect(await page.locator("#unit-table tbody tr").count()).toBe(unit!.n);
      const tr = page.locator("#unit-table tbody tr", { hasText: String(row!.indicator_code) }).first();
      await tr.locator("details").last().click();
      expect((await tr.locator("details").last().textContent())!.replace(/\s+/g, " ")).toContain(String(row!.source_text).replace(/\s+/g, " ").slice(0, 60));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
      await shot(page, `national-${width < 640 ? "phone" : "desktop"}-unit`);
      await done();
    }
  });

  it("every page opens without errors, loads no file over 5 MB and fits a phone", async () => {
    // At phone width (the files a page loads do not depend on the width; the desktop pages are opened above).
    for (const path of ["/", "/so-sanh.html", "/chat-luong.html", "/don-vi.html", "/chi-tieu"]) {
      const { page, done } = await open(path, 390);
      await page.waitForSelector("main h1");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(1);
      await done();
    }
  });
});
