#!/usr/bin/env -S npx tsx
// Screenshots of every page of a built site at desktop and phone widths, with console errors and any
// request that leaves 127.0.0.1: `tsx apps/explorer/scripts/screenshots.ts [DIST] [OUT_DIR]`.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { APP_DIR } from "./build-site.ts";
import { CHROMIUM_ARGS } from "./chromium.ts";
import { serveStatic } from "./serve-static.ts";


const dist = process.argv[2] ?? join(APP_DIR, "dist");
const outDir = process.argv[3] ?? "/tmp/dx-explorer-shots";
mkdirSync(outDir, { recursive: true });
const unitDir = join(dist, "du-lieu", "don-vi");
const units = existsSync(unitDir) ? readdirSync(unitDir).filter((f) => f.endsWith(".json")).map((f) => `/don-vi.html?unit=${f.replace(/\.json$/, "")}`) : [];
const pages = ["/", "/chi-tieu", ...units, "/so-sanh", "/chat-luong"];
const server = await serveStatic(dist, 0);
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
  const page = await browser.newPage({ viewport });
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(`console error on ${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => console.log(`page error on ${page.url()}: ${e.message}`));
  page.on("response", (r) => { if (r.status() >= 400) console.log(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("request", (r) => { if (!r.url().startsWith(`http://127.0.0.1:${port}/`)) console.log(`outside request: ${r.url()}`); });
  for (const p of pages) {
    await page.goto(`http://127.0.0.1:${port}${p}`, { waitUntil: "networkidle" });
    await page.waitForTimeout(300);
    const file = join(outDir, `${name}${p === "/" ? "-index" : p.replace(/\.html\?unit=/, "-").replaceAll("/", "-")}.png`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: Math.min(height, 2400) } });
    console.log(file);
  }
  await page.close();
}
await browser.close();
server.close();
