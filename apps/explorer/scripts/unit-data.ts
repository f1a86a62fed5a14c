// One small JSON file per unit, written next to the built site (du-lieu/don-vi/SLUG.json): the unit
// page (src/don-vi.md, the unit from its URL) fetches only its own unit's rows, whatever the size of the
// warehouse, instead of whole-warehouse snapshots filtered in the browser.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openWarehouse } from "@dx-atlas/metrics";
// @ts-expect-error: plain JavaScript shared with the pages (no types)
import { unitSlug } from "../src/components/slug.js";

/** What the unit page reads, by table: each query has a unit_key column. */
const TABLES: Record<string, string> = {
  tva: "SELECT * FROM target_vs_actual",
  progress: "SELECT * EXCLUDE (series) FROM trend_progress",
  points: "SELECT * FROM trend_points",
  observations: "SELECT unit_key, indicator_code, period_year, measure, raw_value, source_file, source_line, source_ref, source_text, extractor, doc_kind FROM metric_observations",
  completeness: "SELECT * EXCLUDE (plan_files, report_files), to_json(plan_files) AS plan_files, to_json(report_files) AS report_files FROM completeness",
};

/** A DuckDB value as JSON: big integers as numbers, JSON columns as their text. */
const plain = (v: unknown): unknown => (typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v !== null && typeof v === "object" ? JSON.stringify(v) : v);

/**
 * Writes the per-unit files into `site`; returns how many units. Each table is stored by column
 * ({column: [values…]}, arquero's `aq.table` form): a table the unit has no rows in keeps its columns,
 * so the page's queries on it work and give nothing.
 */
export async function writeUnitData(warehouse: string, site: string): Promise<number> {
  const wh = await openWarehouse(warehouse, { readOnly: true });
  const columns: Record<string, string[]> = {};
  const units = new Map<string, Record<string, Record<string, unknown[]>>>();
  const unitOf = (slug: string) => {
    let unit = units.get(slug);
    if (!unit) {
      unit = Object.fromEntries(Object.keys(TABLES).map((t) => [t, Object.fromEntries((columns[t] ?? []).map((c) => [c, [] as unknown[]]))]));
      units.set(slug, unit);
    }
    return unit;
  };
  try {
    const readers = [];
    for (const [name, sql] of Object.entries(TABLES)) {
      const reader = await wh.conn.runAndReadAll(sql);
      columns[name] = reader.columnNames();
      readers.push([name, reader] as const);
    }
    for (const [name, reader] of readers) {
      for (const row of reader.getRowObjectsJS()) {
        const table = unitOf(unitSlug(String(row.unit_key)) as string)[name]!;
        for (const c of columns[name]!) table[c]!.push(plain(row[c]));
      }
    }
  } finally {
    wh.close();
  }
  const dir = join(site, "du-lieu", "don-vi");
  mkdirSync(dir, { recursive: true });
  for (const [slug, data] of units) writeFileSync(join(dir, `${slug}.json`), JSON.stringify(data));
  return units.size;
}
