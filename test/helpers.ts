import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { indexCatalog, parseCatalog } from "../packages/etl/src/catalog/index.ts";
import { buildGazetteer, parseUnitsCsv } from "../packages/etl/src/gazetteer/index.ts";
import { processDocument } from "../packages/etl/src/process-document.ts";

export const repo = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
export const SAMPLES = ["000_ba22a904d416ce71", "001_e735b5701492984f", "002_d48d77757f9ad9ed", "003_9b08d0edd2879f30", "004_4584c0042fd042d8"];
export const catalogIndex = indexCatalog(parseCatalog(readFileSync(repo("data/catalog/indicators.yaml"), "utf8"), "indicators.yaml"));
export const gazetteer = buildGazetteer(parseUnitsCsv(readFileSync(repo("data/gazetteer/units.csv"), "utf8"), "bundled"));
export const processSample = (name: string) => processDocument(`data/samples/${name}.txt`, readFileSync(repo(`data/samples/${name}.txt`)), { catalog: catalogIndex, gazetteer });
export const processText = (name: string, text: string) => processDocument(name, new TextEncoder().encode(text), { catalog: catalogIndex, gazetteer });
export const tempDir = () => mkdtempSync(join(tmpdir(), "dx-atlas-"));
