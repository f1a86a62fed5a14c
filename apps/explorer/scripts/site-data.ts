// The data the explorer's pages fetch, written next to the built site (du-lieu/…) in pieces cut the way
// the pages read them: by current province, by indicator, by unit, and a search index cut by the first
// letters of each name. A page loads what it shows, so its files stay small at any warehouse size.
//
//   du-lieu/tong-quan.json              counts, one row per province, units to suggest
//   du-lieu/tinh/P/nop.json             what each unit of province P filed, by year (completeness)
//   du-lieu/tinh/P/don-vi.json          every unit of the gazetteer now in P, with the years it has documents
//   du-lieu/chi-tieu/danh-sach.json     indicators that have results: years, provinces, levels
//   du-lieu/chi-tieu/C/P.json           indicator C in province P: results, targets, missing, trend points
//   du-lieu/chi-tieu/C/tinh.json        indicator C by province, year and level: n, median, quartiles
//   du-lieu/chat-luong/danh-sach.json   review counts by province
//   du-lieu/chat-luong/P.json           rejects, warnings, conflicts of province P's files
//   du-lieu/tim-kiem/XX.json            units with a name word starting XX (folded): the unit picker
//   du-lieu/tim-kiem/XX-dau.json        the picker's first matches for XX typed alone, and how many
//   du-lieu/tim-kiem/khoa.json          which XX files there are
//   du-lieu/don-vi/SLUG.json            one unit's rows: target vs actual, trends, observations, completeness
//
// Tables are stored by column ({column: [values…]}, arquero's `aq.table` form), keeping their columns
// when they have no rows.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Warehouse } from "@dx-atlas/metrics";
import { fromStored, render, say, type Message, type MessageCode, type Param } from "@dx-atlas/schema";
// @ts-expect-error: plain JavaScript shared with the pages (no types)
import { byScore, PICKER_LIMIT, searchKeys, searchText, unitSlug } from "../src/components/slug.js";

type Row = Record<string, unknown>;
type Columns = Record<string, unknown[]>;

/** Where a unit is now, for files cut by province: its current province's code, or "khac". */
export const OTHER_PROVINCE = "khac";
const provinceOf = (code: unknown) => (code == null || code === "" ? OTHER_PROVINCE : String(code));

/** Level groups the province view ranks within: a commune, a district (before July 2025), a province. */
const LEVEL_GROUP_SQL = (level: string) => `CASE WHEN ${level} IN ('xã', 'phường', 'thị trấn', 'đặc khu') THEN 'xa'
  WHEN ${level} IN ('huyện', 'quận', 'thị xã', 'thành phố') THEN 'huyen' WHEN ${level} IS NULL THEN NULL ELSE 'tinh' END`;

/** A DuckDB value as JSON: big integers as numbers, dates as ISO days, lists and structs as JSON text. */
const plain = (v: unknown): unknown => (typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v !== null && typeof v === "object" ? JSON.stringify(v) : v);

async function rows(wh: Warehouse, sql: string): Promise<{ columns: string[]; rows: Row[] }> {
  const reader = await wh.conn.runAndReadAll(sql);
  const columns = reader.columnNames();
  return { columns, rows: reader.getRowObjectsJS().map((r) => Object.fromEntries(columns.map((c) => [c, plain(r[c])]))) };
}

/**
 * Columns rendered from the message catalog in Vietnamese, added to a query's rows: the pages show
 * what the warehouse keeps as codes and parameters in the analysts' language.
 */
function withVietnamese(t: { columns: string[]; rows: Row[] }, add: Record<string, (r: Row) => string | null>): { columns: string[]; rows: Row[] } {
  for (const r of t.rows) for (const [c, f] of Object.entries(add)) r[c] = f(r);
  return { columns: [...t.columns, ...Object.keys(add)], rows: t.rows };
}
const vi = (code: string, params?: Record<string, Param>) => say("vi", code as MessageCode, params);
/** A stored message (code and JSON parameters; the English text for rows written before the catalog). */
const storedVi = (code: unknown, params: unknown, english: unknown) => render(fromStored(code as string | null, params as string | null, String(english ?? "")), "vi");
/** target_vs_actual.notes (a JSON list of messages) in Vietnamese, "; " between them. */
export const notesVi = (notes: unknown): string | null => (notes ? (JSON.parse(String(notes)) as Message[]).map((m) => render(m, "vi")).join("; ") : null);

/** Rows as columns; `columns` keeps an empty table's shape. */
export function byColumn(columns: string[], list: Row[]): Columns {
  const out: Columns = Object.fromEntries(columns.map((c) => [c, [] as unknown[]]));
  for (const r of list) for (const c of columns) out[c]!.push(r[c] ?? null);
  return out;
}

function groupBy<T>(list: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of list) {
    const k = key(r);
    const g = m.get(k);
    if (g) g.push(r); else m.set(k, [r]);
  }
  return m;
}

class SiteWriter {
  files = 0;
  bytes = 0;
  largest = { path: "", bytes: 0 };
  constructor(private readonly root: string) {}
  write(path: string, data: unknown): void {
    const file = join(this.root, "du-lieu", path);
    mkdirSync(dirname(file), { recursive: true });
    const text = JSON.stringify(data);
    writeFileSync(file, text);
    this.files += 1;
    this.bytes += Buffer.byteLength(text);
    if (Buffer.byteLength(text) > this.largest.bytes) this.largest = { path, bytes: Buffer.byteLength(text) };
  }
}

export interface SiteDataSummary { files: number; bytes: number; largest: { path: string; bytes: number }; units: number }

/** Writes every piece the pages fetch into `site` (see the list above). */
export async function writeSiteData(wh: Warehouse, site: string): Promise<SiteDataSummary> {
  const out = new SiteWriter(site);
  const provinces = (await rows(wh, `SELECT code, name FROM units WHERE era = 'after-2025-07' AND level IN ('tỉnh', 'thành phố trực thuộc trung ương') ORDER BY name`)).rows;
  const provinceName = new Map(provinces.map((p) => [String(p.code), String(p.name)]));
  await overview(wh, out, provinceName);
  await indicators(wh, out, provinceName);
  await quality(wh, out);
  const units = await unitFiles(wh, out);
  await searchIndex(wh, out);
  return { files: out.files, bytes: out.bytes, largest: out.largest, units };
}

async function overview(wh: Warehouse, out: SiteWriter, provinceName: Map<string, string>): Promise<void> {
  const n = async (sql: string) => Number((await rows(wh, sql)).rows[0]?.n ?? 0);
  const completeness = await rows(wh, `SELECT unit_key, unit_name, unit_level, province, current_key, current_name, current_province_code, current_province,
      year, plans, reports, indicators_reported, catalog_size FROM completeness ORDER BY current_province_code, unit_name, year`);
  const byProvince = groupBy(completeness.rows, (r) => provinceOf(r.current_province_code));
  const files = await rows(wh, `SELECT coalesce(su.current_province_code, '${OTHER_PROVINCE}') AS p, su.doc_kind, count(*) AS n
    FROM files f JOIN submission_units su ON su.submission_id = f.submission_id WHERE f.status = 'loaded' GROUP BY ALL`);
  const filesOf = (p: string, kind: string) => Number(files.rows.find((r) => r.p === p && r.doc_kind === kind)?.n ?? 0);
  const years = completeness.rows.map((r) => Number(r.year));
  out.write("tong-quan.json", {
    units: new Set(completeness.rows.map((r) => r.unit_key)).size,
    years: years.length ? [Math.min(...years), Math.max(...years)] : null,
    plans: await n("SELECT count(*) AS n FROM files f JOIN submissions s USING (submission_id) WHERE f.status = 'loaded' AND s.doc_kind = 'plan'"),
    reports: await n("SELECT count(*) AS n FROM files f JOIN submissions s USING (submission_id) WHERE f.status = 'loaded' AND s.doc_kind = 'report'"),
    observations: await n("SELECT count(*) AS n FROM metric_observations"),
    row_rejects: await n("SELECT count(*) AS n FROM rejects WHERE scope = 'row'"),
    file_rejects: await n("SELECT count(*) AS n FROM rejects WHERE scope = 'file'"),
    warnings: await n("SELECT count(*) AS n FROM warnings"),
    conflicts: await n("SELECT count(*) AS n FROM conflicts"),
    // Two units to put side by side when So sánh opens: those with the most indicators in common use.
    suggested: (await rows(wh, `SELECT unit_key FROM target_vs_actual WHERE target_unit = 'percent' OR actual_unit = 'percent'
      GROUP BY unit_key ORDER BY count(DISTINCT indicator_code) DESC, unit_key LIMIT 2`)).rows.map((r) => unitSlug(String(r.unit_key))),
    provinces: [...byProvince].map(([p, list]) => ({
      code: p, name: provinceName.get(p) ?? null, units: new Set(list.map((r) => r.unit_key)).size,
      plans: filesOf(p, "plan"), reports: filesOf(p, "report"),
      years: [...new Set(list.map((r) => r.year))].sort(),
    })).sort((a, b) => b.units - a.units || String(a.name).localeCompare(String(b.name), "vi")),
  });
  for (const [p, list] of byProvince) out.write(`tinh/${p}/nop.json`, byColumn(completeness.columns, list));

  // Every unit of the gazetteer by the province it is in now, with the years it (or, for a unit formed
  // in 2025, a unit merged into it) has documents: the province view lists who has sent nothing.
  const gazetteer = await rows(wh, `WITH filed AS (
      SELECT unit_key, list(DISTINCT year ORDER BY year) AS years FROM unit_years GROUP BY unit_key),
    into_current AS (
      SELECT l.current_key, list(DISTINCT y ORDER BY y) AS years FROM unit_lineage l JOIN filed f ON f.unit_key = l.unit_key, unnest(f.years) AS t(y)
      GROUP BY l.current_key)
    SELECT l.unit_key, l.era, l.name, l.level, ${LEVEL_GROUP_SQL("l.level")} AS level_group, p1.name AS district, p1.level AS district_level,
      l.current_key, l.current_name, l.current_province_code,
      to_json(coalesce(f.years, CASE WHEN l.era = 'after-2025-07' THEN c.years END, [])) AS years
    FROM unit_lineage l
    JOIN units u ON u.era = l.era AND u.code = l.code
    LEFT JOIN units p1 ON p1.era = u.era AND p1.code = u.parent_code AND l.era = 'before-2025-07' AND ${LEVEL_GROUP_SQL("u.level")} = 'xa'
    LEFT JOIN filed f ON f.unit_key = l.unit_key
    LEFT JOIN into_current c ON c.current_key = l.unit_key
    WHERE ${LEVEL_GROUP_SQL("l.level")} IN ('xa', 'huyen')
    ORDER BY l.name`);
  for (const [p, list] of groupBy(gazetteer.rows, (r) => provinceOf(r.current_province_code))) {
    out.write(`tinh/${p}/don-vi.json`, byColumn([...gazetteer.columns, "slug"], list.map((r) => ({ ...r, slug: unitSlug(String(r.unit_key)) }))));
  }
}

async function indicators(wh: Warehouse, out: SiteWriter, provinceName: Map<string, string>): Promise<void> {
  const group = LEVEL_GROUP_SQL("unit_level");
  const comparison = await rows(wh, `SELECT indicator_code, year, unit_key, unit_name, unit_level, ${group} AS level_group, province, current_key, current_name,
      current_province_code, current_province, value, raw_value, source_file, source_line, rank, n_ranked,
      national_target_year, national_target_comparator, national_target_value, meets_national_target
    FROM comparison ORDER BY indicator_code, year, value DESC`);
  const targets = await rows(wh, `SELECT t.indicator_code, t.period_year AS year, t.unit_key, coalesce(t.current_province_code, l.current_province_code) AS current_province_code,
      t.status, t.target_comparator, t.target_value, t.target_value_max, t.target_unit, t.target_file, t.target_line
    FROM target_vs_actual t LEFT JOIN unit_lineage l ON l.unit_key = t.unit_key
    WHERE t.target_value IS NOT NULL OR t.status IS NOT NULL`);
  const missing = withVietnamese(await rows(wh, `SELECT indicator_code, year, unit_key, unit_name, unit_level, ${group} AS level_group, current_name, current_province_code, reason
    FROM comparison_missing`), { reason_vi: (r) => vi(`missing.${r.reason}`) });
  const points = await rows(wh, `SELECT indicator_code, year, unit_key, unit_name, unit_level, ${group} AS level_group, current_name, current_province_code, value
    FROM trend_points WHERE value IS NOT NULL`);
  const names = new Map((await rows(wh, "SELECT code, name_vi, unit, direction FROM indicators")).rows.map((r) => [String(r.code), r]));

  // Codes are safe file names as they are (the catalog's schema: /^[a-z]+\.[a-z0-9_]+$/), and the page
  // builds the same paths from them.
  const codes = groupBy(comparison.rows, (r) => String(r.indicator_code));
  const inCode = (t: { rows: Row[] }) => groupBy(t.rows, (r) => String(r.indicator_code));
  const targetsOf = inCode(targets);
  const missingOf = inCode(missing);
  const pointsOf = inCode(points);
  const list = [];
  for (const [code, list_] of codes) {
    const byProvince = groupBy(list_, (r) => provinceOf(r.current_province_code));
    const relevant = (t: Map<string, Row[]>) => groupBy(t.get(code) ?? [], (r) => provinceOf(r.current_province_code));
    const [tp, mp, pp] = [relevant(targetsOf), relevant(missingOf), relevant(pointsOf)];
    for (const p of new Set([...byProvince.keys(), ...mp.keys()])) {
      out.write(`chi-tieu/${code}/${p}.json`, {
        results: byColumn(comparison.columns, byProvince.get(p) ?? []),
        targets: byColumn(targets.columns, tp.get(p) ?? []),
        missing: byColumn(missing.columns, mp.get(p) ?? []),
        points: byColumn(points.columns, pp.get(p) ?? []),
      });
    }
    const meta = names.get(code);
    list.push({
      code, name: meta?.name_vi ?? code, unit: meta?.unit ?? null, direction: meta?.direction ?? null,
      years: [...new Set(list_.map((r) => Number(r.year)))].sort(),
      // Which provinces and levels have results, by year: the menus offer only what has something to show.
      cells: [...groupBy(list_, (r) => `${r.year}|${provinceOf(r.current_province_code)}|${r.level_group ?? ""}`)].map(([k, g]) => [...k.split("|"), g.length]),
    });
  }
  list.sort((a, b) => String(a.name).localeCompare(String(b.name), "vi"));
  // What the province view opens on (e-health records, or the first indicator; its latest year; the
  // province with the most results that year), and the files that needs: the page's <head> fetches
  // them as soon as this list arrives, while the page's modules still load.
  const first = list.find((d) => d.code === "xhs.ehealth_record") ?? list[0];
  let opening = null;
  if (first) {
    const year = first.years.at(-1)!;
    const byProvince = new Map<string, number>();
    for (const [y, p, , n] of first.cells as [string, string, string, number][]) if (Number(y) === year) byProvince.set(p, (byProvince.get(p) ?? 0) + n);
    const province = [...byProvince].sort((a, b) => b[1] - a[1])[0]![0];
    opening = { indicator: first.code, year, province, files: [`chi-tieu/${first.code}/${province}.json`, `chi-tieu/${first.code}/tinh.json`, `tinh/${province}/don-vi.json`] };
  }
  out.write("chi-tieu/danh-sach.json", {
    opening,
    indicators: list,
    provinces: [...provinceName].map(([code, name]) => ({ code, name })),
  });

  // Each province's distribution for each indicator, year and level: the province against the others.
  const summary = await rows(wh, `SELECT indicator_code, year, coalesce(current_province_code, '${OTHER_PROVINCE}') AS province_code, any_value(current_province) AS province,
      ${group} AS level_group, count(*) AS n, median(value) AS median, quantile_cont(value, 0.25) AS p25, quantile_cont(value, 0.75) AS p75,
      count(*) FILTER (WHERE meets_national_target) AS n_meeting, any_value(national_target_value) AS national_target_value,
      any_value(national_target_comparator) AS national_target_comparator, any_value(national_target_year) AS national_target_year
    FROM comparison GROUP BY ALL ORDER BY indicator_code, year, median DESC`);
  for (const [code, list_] of groupBy(summary.rows, (r) => String(r.indicator_code))) {
    out.write(`chi-tieu/${code}/tinh.json`, byColumn(summary.columns, list_));
  }
}

async function quality(wh: Warehouse, out: SiteWriter): Promise<void> {
  const where = `coalesce(su.current_province_code, '${OTHER_PROVINCE}')`;
  const unitCols = "su.unit_name, su.unit_level, su.current_province";
  const rejects = withVietnamese(await rows(wh, `SELECT ${where} AS p, r.source_file, r.scope, r.reason_code, r.reason, r.message_code, r.message_params, r.source_line, r.source_ref, r.raw_text, r.best_code, ${unitCols}
    FROM rejects r LEFT JOIN submission_units su ON su.submission_id = r.submission_id ORDER BY r.source_file, r.source_line`),
    { reason_label: (r) => vi(`reason.${r.reason_code}`), reason_vi: (r) => storedVi(r.message_code, r.message_params, r.reason) });
  const warnings = withVietnamese(await rows(wh, `SELECT ${where} AS p, w.source_file, w.code, w.message, w.message_code, w.message_params, w.source_line, w.raw_text, ${unitCols}
    FROM warnings w LEFT JOIN submission_units su ON su.submission_id = w.submission_id ORDER BY w.source_file, w.source_line`),
    { label: (r) => vi(`warning.${r.code}`), message_vi: (r) => storedVi(r.message_code, r.message_params, r.message) });
  const conflicts = await rows(wh, `SELECT coalesce(l.current_province_code, '${OTHER_PROVINCE}') AS p, c.unit_key, c.unit_name, c.period_year, c.indicator_code,
      c.measure, c.n_values, c.n_distinct, to_json(c.entries) AS entries
    FROM conflicts c LEFT JOIN unit_lineage l ON l.unit_key = c.unit_key ORDER BY c.unit_name, c.period_year`);
  const [r, w, c] = [rejects, warnings, conflicts].map((t) => groupBy(t.rows, (x) => String(x.p)));
  const all = new Set([...r!.keys(), ...w!.keys(), ...c!.keys()]);
  const counts = [];
  for (const p of all) {
    const [pr, pw, pc] = [r!.get(p) ?? [], w!.get(p) ?? [], c!.get(p) ?? []];
    out.write(`chat-luong/${p}.json`, { rejects: byColumn(rejects.columns, pr), warnings: byColumn(warnings.columns, pw), conflicts: byColumn(conflicts.columns, pc) });
    counts.push({ code: p, name: (pr[0] ?? pw[0])?.current_province ?? null, rejects: pr.length, warnings: pw.length, conflicts: pc.length });
  }
  out.write("chat-luong/danh-sach.json", counts.sort((a, b) => b.rejects + b.warnings + b.conflicts - (a.rejects + a.warnings + a.conflicts)));
}

/** What the unit page reads, by table: each query has a unit_key column. */
const UNIT_TABLES: Record<string, string> = {
  tva: "SELECT * FROM target_vs_actual",
  progress: "SELECT * EXCLUDE (series) FROM trend_progress",
  points: "SELECT * FROM trend_points",
  observations: "SELECT unit_key, indicator_code, period_year, measure, raw_value, source_file, source_line, source_ref, source_text, extractor, doc_kind FROM metric_observations",
  completeness: "SELECT * EXCLUDE (plan_files, report_files), to_json(plan_files) AS plan_files, to_json(report_files) AS report_files FROM completeness",
};

/** Columns of those tables rendered in Vietnamese from the message catalog. */
const UNIT_VIETNAMESE: Record<string, Record<string, (r: Row) => string | null>> = {
  tva: { note_vi: (r) => notesVi(r.notes) ?? (r.note as string | null) },
};

/** One file per unit that has documents: du-lieu/don-vi/SLUG.json. */
async function unitFiles(wh: Warehouse, out: SiteWriter): Promise<number> {
  const tables = new Map<string, { columns: string[]; bySlug: Map<string, Row[]> }>();
  const slugs = new Set<string>();
  for (const [name, sql] of Object.entries(UNIT_TABLES)) {
    const t = withVietnamese(await rows(wh, sql), UNIT_VIETNAMESE[name] ?? {});
    const bySlug = groupBy(t.rows, (r) => unitSlug(String(r.unit_key)) as string);
    for (const s of bySlug.keys()) slugs.add(s);
    tables.set(name, { columns: t.columns, bySlug });
  }
  for (const slug of slugs) {
    out.write(`don-vi/${slug}.json`, Object.fromEntries([...tables].map(([name, t]) => [name, byColumn(t.columns, t.bySlug.get(slug) ?? [])])));
  }
  return slugs.size;
}

/**
 * The unit picker's index: every unit of the gazetteer (both eras) and every unit the documents name
 * that the gazetteer lacks, each in the files of the first two letters of each word of its name, of the
 * name it has now (a unit merged in 2025: "Tống Sơn" finds Hà Tân) and of the units merged into it.
 * Each entry: [slug, label, where, now, has documents, words to match].
 */
async function searchIndex(wh: Warehouse, out: SiteWriter): Promise<void> {
  const units = await rows(wh, `WITH merged AS (
      SELECT current_key, string_agg(DISTINCT name, ', ' ORDER BY name) AS names FROM unit_lineage WHERE current_key <> unit_key GROUP BY current_key),
    filed AS (SELECT DISTINCT unit_key FROM unit_years)
    SELECT l.unit_key, l.era, l.level, l.name, l.current_key, l.current_name, l.current_level, l.current_province,
      p1.level AS parent_level, p1.name AS parent, p2.name AS grandparent, m.names AS merged, f.unit_key IS NOT NULL AS filed
    FROM unit_lineage l JOIN units u ON u.era = l.era AND u.code = l.code
    LEFT JOIN units p1 ON p1.era = u.era AND p1.code = u.parent_code
    LEFT JOIN units p2 ON p2.era = p1.era AND p2.code = p1.parent_code
    LEFT JOIN merged m ON m.current_key = l.unit_key
    LEFT JOIN filed f ON f.unit_key = l.unit_key
    UNION ALL
    SELECT DISTINCT su.unit_key, NULL, su.unit_level, su.unit_name, NULL, NULL, NULL, su.province, NULL, su.district, su.province, NULL, true
    FROM submission_units su WHERE su.unit_key NOT IN (SELECT unit_key FROM unit_lineage)`);
  const shards = new Map<string, unknown[][]>();
  for (const u of units.rows) {
    const before = u.era === "before-2025-07";
    const where = [u.parent && u.parent !== u.name || u.parent_level ? [u.parent_level, u.parent].filter(Boolean).join(" ") : null, u.grandparent]
      .filter(Boolean).join(", ") + (before ? " (trước 7/2025)" : "");
    const now = before && u.current_key && u.current_key !== u.unit_key
      ? `nay: ${[u.current_level, u.current_name].filter(Boolean).join(" ")}, ${u.current_province ?? ""}`
      : u.merged ? `gồm: ${u.merged}` : "";
    const names = [u.name, before ? u.current_name : null, u.merged].filter(Boolean).join(" ");
    const entry = [unitSlug(String(u.unit_key)), [u.level, u.name].filter(Boolean).join(" "), where, now, u.filed ? 1 : 0,
      searchText(`${u.level ?? ""} ${names} ${u.parent ?? ""} ${u.grandparent ?? ""}`)];
    for (const key of searchKeys(names)) {
      const shard = shards.get(key);
      if (shard) shard.push(entry); else shards.set(key, [entry]);
    }
  }
  for (const [key, list] of shards) {
    out.write(`tim-kiem/${key}.json`, list);
    // A word of one or two letters typed alone matches the whole file: its first matches, and how many.
    if (key.length <= 2) out.write(`tim-kiem/${key}-dau.json`, { total: list.length, top: [...list].sort(byScore([key])).slice(0, PICKER_LIMIT) });
  }
  out.write("tim-kiem/khoa.json", [...shards.keys()].sort());
}
