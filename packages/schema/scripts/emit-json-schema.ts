// Writes packages/schema/json/<Name>.schema.json from the zod schemas (run: pnpm schema:emit).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemas } from "../src/index.ts";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "json");
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(outDir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${join("packages/schema/json", name)}.schema.json`);
}
