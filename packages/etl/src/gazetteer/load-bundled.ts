import { adminUnitSchema, type AdminUnit } from "@dx-atlas/schema";
import { parseCsvRecords } from "./csv.ts";

/**
 * Reads data/gazetteer/units.csv (code,name,level,parent_code,era,successor_codes). Throws with the
 * row number and every schema problem when a row is invalid.
 */
export function parseUnitsCsv(text: string, source: string): AdminUnit[] {
  return parseCsvRecords(text).map((r, i) => {
    const parsed = adminUnitSchema.safeParse({
      code: r.code, name: r.name, level: r.level, parent_code: r.parent_code || null, era: r.era,
      successor_codes: (r.successor_codes ?? "").split(/\s+/).filter(Boolean), source,
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((iss) => `${iss.path.join(".")}: ${iss.message}`).join("; ");
      throw new Error(`${source}:${i + 2}: invalid unit row: ${problems}`);
    }
    return parsed.data;
  });
}
