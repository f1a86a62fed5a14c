import { indicatorSchema, type Indicator } from "@dx-atlas/schema";
import { parseDocument, LineCounter } from "yaml";
import { expandLevels } from "./scope-levels.ts";

/**
 * Parses the indicator catalog (YAML list). Throws one error listing every invalid entry with its
 * line, and every duplicated code. Concepts reported by tier (`levels`) gain their derived indicators.
 */
export function parseCatalog(text: string, source: string): Indicator[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) {
    throw new Error(doc.errors.map((e) => `${source}:${counter.linePos(e.pos[0]).line}: ${e.message}`).join("\n"));
  }
  const items = doc.contents && "items" in doc.contents ? (doc.contents.items as { range?: [number, number, number] }[]) : [];
  const data = doc.toJS() as unknown;
  if (!Array.isArray(data)) throw new Error(`${source}: the catalog must be a YAML list of indicators`);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const out: Indicator[] = [];
  data.forEach((entry, i) => {
    const line = items[i]?.range ? counter.linePos(items[i]!.range![0]).line : i + 1;
    const parsed = indicatorSchema.safeParse(entry);
    if (!parsed.success) {
      for (const iss of parsed.error.issues) problems.push(`${source}:${line}: ${iss.path.join(".") || "entry"}: ${iss.message}`);
      return;
    }
    const first = seen.get(parsed.data.code);
    if (first !== undefined) problems.push(`${source}:${line}: code '${parsed.data.code}' is also used at line ${first}`);
    seen.set(parsed.data.code, line);
    out.push(parsed.data);
  });
  for (const ind of out) for (const level of ind.levels) {
    const derived = `${ind.code}_cap_${level}`;
    if (seen.has(derived)) problems.push(`${source}: code '${derived}' is derived from ${ind.code}'s levels and cannot also be an entry (line ${seen.get(derived)})`);
  }
  if (problems.length > 0) throw new Error(`invalid catalog (${problems.length} problem${problems.length > 1 ? "s" : ""}):\n${problems.join("\n")}`);
  return expandLevels(out);
}
