import { z } from "zod";
import { comparatorSchema, directionSchema, pillarSchema, valueUnitSchema } from "./enums.ts";

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
});
export type Indicator = z.infer<typeof indicatorSchema>;
