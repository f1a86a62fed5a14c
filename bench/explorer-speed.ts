// How fast the built explorer answers in headless Chromium: each page opened cold (a fresh browser
// context, nothing cached) until its first chart (or, on a page without one, its first table) is on the
// screen, and the unit picker from a keystroke to its list of matches. Served on 127.0.0.1 by the
// explorer's own static server. Run as its own process (`tsx bench/explorer-speed.ts SITE PAGES.json`,
// JSON on stdout), so the bench's heap and event loop do not slow the server or the driver.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../apps/explorer/scripts/chromium.ts";
import { serveStatic } from "../apps/explorer/scripts/serve-static.ts";

export interface PageTiming { path: string; selector: string; ms: number }

/** Marks the moment `selector` first exists: window.__shown, in the page's own clock (ms since navigation). */
const WATCH = (selector: string) => `(() => {
  const seen = () => { if (!window.__shown && document.querySelector(${JSON.stringify(selector)})) window.__shown = performance.now(); };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

export async function measureExplorer(site: string, pages: { path: string; selector: string }[], typed: string[]): Promise<{ pages: PageTiming[]; picker: { typed: string; ms: number; matches: number }[] }> {
  const server = await serveStatic(site, 0);
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const timings: PageTiming[] = [];
    for (const { path, selector } of pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(WATCH(selector));
      await page.goto(`${base}${path}`);
      await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown, null, { timeout: 60_000 });
      timings.push({ path, selector, ms: await page.evaluate(() => (window as unknown as { __shown: number }).__shown) });
      await context.close();
    }
    // The picker on a cold page: each name typed into the box, timed until its matches are listed.
    const picker = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`, { waitUntil: "networkidle" });
    for (const t of typed) {
      const [ms, matches] = await page.evaluate(async (text) => {
        const input = document.querySelector<HTMLInputElement>("#unit-picker-input")!;
        const list = document.querySelector("#unit-picker-list")!;
        const status = document.querySelector("#unit-picker-status")!;
        list.replaceChildren();
        status.textContent = "";
        const started = performance.now();
        input.value = text;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        while (status.textContent === "") await new Promise((r) => requestAnimationFrame(r));
        return [performance.now() - started, list.children.length];
      }, t);
      picker.push({ typed: t, ms, matches });
    }
    await context.close();
    return { pages: timings, picker };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { pages, typed } = JSON.parse(readFileSync(process.argv[3]!, "utf8")) as { pages: { path: string; selector: string }[]; typed: string[] };
  process.stdout.write(JSON.stringify(await measureExplorer(process.argv[2]!, pages, typed)));
}
