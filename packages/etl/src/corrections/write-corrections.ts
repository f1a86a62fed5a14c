import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { correctionKey, NOT_AN_INDICATOR } from "./corrections.ts";

const HEADER = `# Analyst corrections, applied on every \`pnpm etl\` run (README: "Reviewing a run").
# mappings: a row's wording (compared folded: case, tone placement, spacing and punctuation ignored)
#   → a catalog code, or "none" when the wording is not an indicator. Written by
#   \`pnpm etl review --accept ID [--as CODE]\`; edit by hand as well. Editing this file re-reads every file.
mappings: []
`;

/**
 * Adds (or replaces, for the same wording) a mapping in the corrections file, keeping its comments and
 * order. Returns whether an earlier entry for the wording was replaced.
 */
export function addMapping(path: string, entry: { text: string; indicator: string; note: string }): { replaced: boolean } {
  const doc = parseDocument(existsSync(path) ? readFileSync(path, "utf8") : HEADER);
  if (doc.errors.length > 0) throw new Error(`${path}: not valid YAML: ${doc.errors[0]!.message}`);
  if (!doc.has("mappings") || doc.get("mappings") === null) doc.set("mappings", doc.createNode([]));
  const list = doc.get("mappings") as { items: { get(k: string): unknown }[]; add(v: unknown): void; flow?: boolean };
  if (!Array.isArray(list.items)) throw new Error(`${path}: 'mappings' must be a list`);
  const key = correctionKey(entry.text);
  const at = list.items.findIndex((m) => correctionKey(String(m.get("text") ?? "")) === key);
  if (at >= 0) list.items.splice(at, 1);
  list.flow = false; // one entry per block, reviewable line by line in git
  list.add(doc.createNode({ text: entry.text, indicator: entry.indicator || NOT_AN_INDICATOR, note: entry.note }));
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
  return { replaced: at >= 0 };
}
