// Writes test/golden/<sample>.tsv from the current extraction, for a human to review line by line
// against the document before it becomes the expected output (run: pnpm tsx scripts/dump-golden.ts).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { indexCatalog, parseCatalog } from "../packages/etl/src/catalog/index.ts";
import { buildGazetteer, parseUnitsCsv } from "../packages/etl/src/gazetteer/index.ts";
import { processDocument } from "../packages/etl/src/process-document.ts";
import { goldenHeader, toGoldenRows } from "../test/golden-format.ts";

const catalog = indexCatalog(parseCatalog(readFileSync("data/catalog/indicators.yaml", "utf8"), "catalog"));
const gazetteer = buildGazetteer(parseUnitsCsv(readFileSync("data/gazetteer/units.csv", "utf8"), "bundled"));
for (const f of readdirSync("data/samples").filter((f) => f.endsWith(".txt"))) {
  const r = await processDocument(`data/samples/${f}`, readFileSync(`data/samples/${f}`), { catalog, gazetteer });
  writeFileSync(`test/golden/${f.replace(/\.txt$/, "")}.changed.tsv`, [goldenHeader, ...toGoldenRows(r)].join("\n") + "\n");
}
