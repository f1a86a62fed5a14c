// The pieces of the warehouse the build writes next to the pages (du-lieu/…, scripts/site-data.ts),
// fetched by a page when it needs them, relative to the page so the site works under any sub-path.
import * as aq from "./arquero.js";

export const dataUrl = (path) => new URL(`./du-lieu/${path}`, location.href);

const cache = new Map();

/** A data file as JSON (fetched once per page), or `fallback` when the build wrote none. */
export function loadJson(path, fallback = null) {
  if (!cache.has(path)) {
    cache.set(path, fetch(dataUrl(path)).then((r) => (r.ok ? r.json() : fallback)));
  }
  return cache.get(path);
}

/** A table stored by column as an arquero table (an absent one as a table without rows). */
export const columns = (stored, names = []) => aq.table(stored ?? Object.fromEntries(names.map((n) => [n, []])));
