// The pieces of the warehouse the build writes next to the pages (du-lieu/…, scripts/site-data.ts),
// fetched by a page when it needs them, relative to the page so the site works under any sub-path.

export const dataUrl = (path) => new URL(`./du-lieu/${path}`, location.href);

const cache = new Map();

/**
 * A data file as JSON (fetched once per page), or `fallback` when the build wrote none. A page may start
 * the fetch of its first file in its <head> (window.__dxPreload), while its modules still load.
 */
export function loadJson(path, fallback = null) {
  if (!cache.has(path)) {
    const early = globalThis.__dxPreload?.[path];
    cache.set(path, (early ?? fetch(dataUrl(path))).then((r) => (r.ok ? r.json() : fallback)));
  }
  return cache.get(path);
}

/** A table stored by column ({column: [values…]}) as row objects; an absent one has no rows. */
export function rowsOf(stored) {
  if (!stored) return [];
  const names = Object.keys(stored);
  const n = names.length ? stored[names[0]].length : 0;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = {};
    for (const c of names) row[c] = stored[c][i];
    out[i] = row;
  }
  return out;
}

/**
 * Resolves after the browser has painted: a cell below the first chart awaits it, so the chart is on the
 * screen before the long tables under it are built.
 */
export const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
