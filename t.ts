import { readFileSync, readdirSync } from "node:fs";
import { processDocument } from "./packages/etl/src/process-document.ts";
import { parseCatalog, indexCatalog } from "./packages/etl/src/catalog/index.ts";
import { buildGazetteer, parseUnitsCsv } from "./packages/etl/src/gazetteer/index.ts";
const catalog = indexCatalog(parseCatalog(readFileSync("data/catalog/indicators.yaml", "utf8"), "indicators.yaml"));
const g = buildGazetteer(parseUnitsCsv(readFileSync("data/gazetteer/units.csv", "utf8"), "bundled"));
const only = process.argv[2];
for (const f of readdirSync("data/samples").filter(f => f.endsWith(".txt") && (!only || f.startsWith(only)))) {
  const r = processDocument(f, readFileSync("data/samples/" + f), { catalog, gazetteer: g });
  console.log("==", f, r.stats, "obs", r.observations.length, "rej", r.rejects.length, "warn", r.warnings.length);
  if (only) {
    for (const o of r.observations) console.log(o.source_line, o.source_ref, o.measure, o.period_year, o.indicator_code, o.comparator, o.value, o.value_max, o.unit, o.status, o.numerator ? `${o.numerator}/${o.denominator}` : "", o.confidence, "|", o.indicator_text.slice(0, 70));
    for (const x of r.rejects) console.log("REJ", x.source_line, x.reason_code, x.reason.slice(0, 150));
    for (const w of r.warnings) console.log("WARN", w.source_line, w.code, w.message.slice(0, 120));
  }
}
