import { render } from "@dx-atlas/schema";
import { basename, dirname, resolve } from "node:path";
import type { DocKind } from "@dx-atlas/schema";
import type { Gazetteer } from "../gazetteer/gazetteer.ts";
import { parseCsv } from "../gazetteer/csv.ts";
import { unitsForSpec } from "./apply-corrections.ts";

// A manifest is metadata an analyst supplies for an inbox: CSV with the header file,unit,kind,year.
// `file` is a path relative to the manifest or a bare file name; `unit` is written as documents write
// it ("xã Thanh Hương, huyện Thanh Chương, tỉnh Nghệ An") or a GSO code; `kind` plan|report; `year`
// the year the document is about. Any cell may be empty. A manifest value wins over what the text
// says (a warning says both when they disagree). Parsing is pure given the files of the run; a bad
// manifest throws before anything is read or written, naming its row.

/** What a manifest says about one file of the run (its recorded name). */
export interface ManifestEntry { file: string; row: number; unit: string | null; kind: DocKind | null; year: number | null; source: string }

/** The file name a manifest is found under in an inbox folder (used without --manifest). */
export const MANIFEST_NAME = "manifest.csv";

/**
 * Reads a manifest against the run's files (`path`: absolute, `name`: as recorded). Throws on an
 * unknown column, a unit the gazetteer does not have, a bad kind or year, a file that is not among the
 * run's files, or the same file twice.
 */
export function parseManifest(text: string, manifestPath: string, source: string, files: { path: string; name: string }[], g: Gazetteer): ManifestEntry[] {
  const [header, ...rows] = parseCsv(text);
  const at = (row: number) => `${source}:${row}`;
  const cols = (header ?? []).map((h) => h.trim().toLowerCase());
  if (cols[0] !== "file" || cols.some((c) => !["file", "unit", "kind", "year"].includes(c))) {
    throw new Error(`${at(1)}: the header must be file,unit,kind,year (any of the last three may be left out), got "${(header ?? []).join(",")}"`);
  }
  const byPath = new Map(files.map((f) => [f.path, f.name]));
  const seen = new Map<string, number>();
  return rows.map((cells, i) => {
    const row = i + 2;
    const cell = (c: string) => (cells[cols.indexOf(c)] ?? "").trim() || null;
    const file = cell("file");
    if (!file) throw new Error(`${at(row)}: no file named`);
    // A bare name matches an input of that name anywhere in the run; a path is relative to the manifest.
    const matches = file.includes("/") ? [byPath.get(resolve(dirname(manifestPath), file))].filter((n): n is string => n !== undefined)
      : files.filter((f) => basename(f.path) === file).map((f) => f.name);
    if (matches.length === 0) throw new Error(`${at(row)}: "${file}" is not among the files of this run`);
    if (matches.length > 1) throw new Error(`${at(row)}: "${file}" names ${matches.length} files of this run (${matches.slice(0, 3).join(", ")}): give its path relative to the manifest`);
    const name = matches[0]!;
    if (seen.has(name)) throw new Error(`${at(row)}: "${file}" is already given on row ${seen.get(name)}`);
    seen.set(name, row);
    const unit = cell("unit");
    // A unit the lists do not have stops the run; one that names several units rejects its file as
    // ambiguous_unit when the file is read (nothing loaded for it), as a name in the text would.
    if (unit) {
      const found = unitsForSpec(g, unit);
      if (!Array.isArray(found) && found.code !== "doc.unit_spec_ambiguous") throw new Error(`${at(row)}: ${render(found, "en")}`);
    }
    const kindText = cell("kind");
    if (kindText && kindText !== "plan" && kindText !== "report") throw new Error(`${at(row)}: kind must be plan or report, got "${kindText}"`);
    const yearText = cell("year");
    const year = yearText === null ? null : Number(yearText);
    if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new Error(`${at(row)}: year must be a year such as 2024, got "${yearText}"`);
    return { file: name, row, unit, kind: kindText as DocKind | null, year, source };
  });
}
