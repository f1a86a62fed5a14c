import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../src/index.ts";

describe("JSON Schema files", () => {
  it("packages/schema/json matches the zod schemas (run `pnpm schema:emit` after changing them)", () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const onDisk = JSON.parse(readFileSync(new URL(`../json/${name}.schema.json`, import.meta.url), "utf8"));
      expect(onDisk, name).toEqual(schema);
    }
  });
});
