import { execFileSync } from "node:child_process";
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

/** `pnpm etl ARGS` run as a user runs it, from `dir` (paths relative to it); returns what it printed. */
export const etlCli = (dir: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(repo("node_modules/.bin/tsx"), [repo("packages/etl/src/cli/main.ts"), ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, INIT_CWD: dir, ...env } });

/** Row count and an order-independent content hash of every table in a warehouse file. */
export async function warehouseFingerprint(db: string): Promise<Record<string, string>> {
  const { openWarehouse, queryRows } = await import("../packages/metrics/src/index.ts");
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    const out: Record<string, string> = {};
    for (const { t } of await queryRows(wh.conn, "SELECT table_name AS t FROM duckdb_tables() WHERE NOT temporary ORDER BY 1")) {
      const [r] = await queryRows(wh.conn, `SELECT count(*)::INTEGER AS n, coalesce(bit_xor(hash(x)), 0)::VARCHAR AS h FROM (SELECT * FROM "${t as string}") x`);
      out[t as string] = `${r!.n}:${r!.h}`;
    }
    return out;
  } finally {
    wh.close();
  }
}
