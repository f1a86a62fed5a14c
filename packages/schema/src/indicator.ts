import { z } from "zod";
import { comparatorSchema, directionSchema, pillarSchema, valueUnitSchema } from "./enums.ts";

/** A tier a value is said of inside a unit: "cấp tỉnh", "cấp huyện", "cấp xã", "cấp thôn". */
export const scopeLevelSchema = z.enum(["tinh", "huyen", "xa", "thon"]);
export type ScopeLevel = z.infer<typeof scopeLevelSchema>;

/** One national indicator concept in the catalog (data/catalog/indicators.yaml). */
export const indicatorSchema = z.object({
  code: z.string().regex(/^[a-z]+\.[a-z0-9_]+$/).meta({ description: "Stable code: pillar prefix + snake_case name, e.g. 'xhs.adult_smartphone'." }),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  pillar: pillarSchema,
  unit: valueUnitSchema,
  direction: directionSchema.default("higher"),
  source: z.string().optional().meta({ description: "Decision that defines it, e.g. '411/QĐ-TTg'." }),
  national_target: z.object({
    year: z.number().int(),
    comparator: comparatorSchema,
    value: z.number(),
  }).optional(),
  phrasings: z.array(z.string().min(2)).min(1).meta({ description: "Vietnamese phrases that mean this concept." }),
  not_phrasings: z.array(z.string().min(2)).default([]).meta({ description: "Phrases whose presence means a row is NOT this concept." }),
  levels: z.array(scopeLevelSchema).default([]).meta({ description: "Administrative tiers the genre reports this concept for inside a unit ('80% hồ sơ công việc cấp huyện và 60% … cấp xã'): each gets a derived indicator '<code>_cap_<level>'." }),
  scope_of: z.object({ code: z.string(), level: scopeLevelSchema }).optional().meta({ description: "Set on a derived indicator: the concept it scopes and the tier (e.g. the communes of a district's plan)." }),
});
export type Indicator = z.infer<typeof indicatorSchema>;
