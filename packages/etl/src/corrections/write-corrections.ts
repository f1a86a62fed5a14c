import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { correctionKey, NOT_AN_INDICATOR, rowValueCorrectionKey, unitCorrectionKey, valueCorrectionKey } from "./corrections.ts";

const HEADER = `# Analyst corrections, applied on every \`pnpm etl\` run (README: "Reviewing a run").
# Editing this file re-reads every file. Written by \`pnpm etl review --accept ID …\`; edit by hand as well.
# mappings: a row's wording (compared folded: case, tone placement, spacing and punctuation ignored)
#   → a catalog code, or "none" when the wording is not an indicator.
# units: the unit that filed a file (file: its name or the end of its path) → "xã …, huyện …" or a GSO code.
# values: the right value of one indicator, measure and year in a file, written as the documents write
#   it ("97,5%", "4371/4864", "Đạt"), or "none" when the file gives no such value.
# row_values: the value of a row the ETL could not read (one result for two targets, no value, a value
#   it cannot parse), keyed by the file and the row's text as printed (not its line), with its indicator.
mappings: []
units: []
values: []
row_values: []
`;

type Section = "mappings" | "units" | "values" | "row_values";
interface YamlList { items: { get(k: string): unknown }[]; add(v: unknown): void; flow?: boolean }

/**
 * Adds an entry to a section of the corrections file, replacing an earlier entry with the same key,
 * and keeping the file's comments and order. Returns whether an entry was replaced.
 */
function addEntry(path: string, section: Section, entry: Record<string, unknown>, keyOf: (e: (k: string) => unknown) => string): { replaced: boolean } {
  const doc = parseDocument(existsSync(path) ? readFileSync(path, "utf8") : HEADER);
  if (doc.errors.length > 0) throw new Error(`${path}: not valid YAML: ${doc.errors[0]!.message}`);
  if (!doc.has(section) || doc.get(section) === null) doc.set(section, doc.createNode([]));
  const list = doc.get(section) as YamlList;
  if (!Array.isArray(list.items)) throw new Error(`${path}: '${section}' must be a list`);
  const key = keyOf((k) => entry[k]);
  const at = list.items.findIndex((m) => keyOf((k) => m.get(k)) === key);
  if (at >= 0) list.items.splice(at, 1);
  list.flow = false; // one entry per block, reviewable line by line in git
  list.add(doc.createNode(entry));
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
  return { replaced: at >= 0 };
}

/** A mapping: a wording → a catalog code (or "none"). */
export const addMapping = (path: string, entry: { text: string; indicator: string; note: string }) =>
  addEntry(path, "mappings", { text: entry.text, indicator: entry.indicator || NOT_AN_INDICATOR, note: entry.note }, (g) => correctionKey(String(g("text") ?? "")));

/** A unit: the unit that filed a file. */
export const addUnit = (path: string, entry: { file: string; unit: string; note: string }) =>
  addEntry(path, "units", entry, (g) => unitCorrectionKey(String(g("file") ?? "")));

/** A value: the right value of one indicator, measure and year in a file. */
export const addValue = (path: string, entry: { file: string; indicator: string; measure: string; year: number; value: string; note: string }) =>
  addEntry(path, "values", entry, (g) => valueCorrectionKey({ file: String(g("file") ?? ""), indicator: String(g("indicator") ?? ""), measure: String(g("measure") ?? ""), year: Number(g("year")) }));

/** A row value: the value of a row the ETL could not read, with the indicator it belongs to. */
export const addRowValue = (path: string, entry: { file: string; text: string; indicator: string; measure: string; value: string; note: string }) =>
  addEntry(path, "row_values", entry, (g) => rowValueCorrectionKey({ file: String(g("file") ?? ""), text: String(g("text") ?? ""), measure: String(g("measure") ?? ""), indicator: String(g("indicator") ?? "") }));
