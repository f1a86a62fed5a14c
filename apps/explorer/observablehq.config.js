// Observable Framework site: the explorer. Pages are Markdown in src/; data loaders in src/data/ read the
// warehouse through @dx-atlas/metrics. One page per unit (src/don-vi/[unit].md), listed from the warehouse.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { unitSlug } from "./src/components/slug.js";

const warehouse = process.env.DX_WAREHOUSE || fileURLToPath(new URL("../../data/warehouse.duckdb", import.meta.url));

// Plain Node runs this file (no tsx), so it cannot import @dx-atlas/metrics (TypeScript); it opens the
// warehouse read-only itself, with the same no-download settings.
async function units() {
  if (!existsSync(warehouse)) throw new Error(`no warehouse at ${warehouse}: run \`pnpm etl\` first`);
  const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY", autoinstall_known_extensions: "false", autoload_known_extensions: "false" });
  const conn = await db.connect();
  try {
    const reader = await conn.runAndReadAll(
      "SELECT unit_key, any_value(unit_level) AS level, any_value(unit_name) AS name FROM submission_units GROUP BY unit_key ORDER BY name, unit_key");
    return reader.getRowObjectsJson().map((r) => ({ slug: unitSlug(r.unit_key), name: [r.level, r.name].filter(Boolean).join(" ") || r.unit_key }));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

const list = await units();

export default {
  title: "DX Atlas",
  root: "src",
  output: process.env.DX_EXPLORER_OUT || "dist",
  lang: "vi",
  style: "style.css",
  // The default adds a Google Fonts stylesheet: nothing may leave 127.0.0.1.
  globalStylesheets: [],
  head: '<link rel="icon" href="data:,">',
  pages: [
    { name: "Tổng quan", path: "/" },
    { name: "Chỉ tiêu", path: "/chi-tieu" },
    { name: "Đơn vị", open: false, pages: list.map((u) => ({ name: u.name, path: `/don-vi/${u.slug}` })) },
    { name: "So sánh", path: "/so-sanh" },
    { name: "Chất lượng dữ liệu", path: "/chat-luong" },
  ],
  dynamicPaths: list.map((u) => `/don-vi/${u.slug}`),
  search: false,
  // Links end in .html, so any static server (python3 -m http.server) finds the page; build-site.ts
  // adds a folder per page that forwards there, for links written without it.
  preserveExtension: true,
  footer: "DX Atlas — số liệu từ kế hoạch và báo cáo chuyển đổi số của xã, phường, huyện.",
  toc: false,
  pager: false,
};
