import { z } from "zod";
import { submissionSchema } from "./submission.ts";
import { adminUnitSchema } from "./admin-unit.ts";
import { indicatorSchema } from "./indicator.ts";
import { observationSchema } from "./observation.ts";
import { rejectSchema, warningSchema } from "./reject.ts";
import { comparisonMissingSchema, comparisonSchema, completenessSchema, targetVsActualSchema, trendPointSchema, trendProgressSchema } from "./metrics.ts";

const all = {
  Submission: submissionSchema,
  AdminUnit: adminUnitSchema,
  Indicator: indicatorSchema,
  Observation: observationSchema,
  Reject: rejectSchema,
  Warning: warningSchema,
  TargetVsActual: targetVsActualSchema,
  TrendPoint: trendPointSchema,
  TrendProgress: trendProgressSchema,
  Comparison: comparisonSchema,
  ComparisonMissing: comparisonMissingSchema,
  Completeness: completenessSchema,
} as const;

/** JSON Schema (draft 2020-12) of every record type, keyed by name, for tools outside TypeScript. */
export function jsonSchemas(): Record<keyof typeof all, object> {
  const out = {} as Record<keyof typeof all, object>;
  for (const [name, schema] of Object.entries(all) as [keyof typeof all, z.ZodType][]) {
    out[name] = { $id: `https://dx-atlas.local/schema/${name}.schema.json`, title: name, ...z.toJSONSchema(schema, { io: "output" }) };
  }
  return out;
}
