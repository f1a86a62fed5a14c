import { z } from "zod";
import { comparatorSchema, directionSchema, eraSchema, taskStatusSchema, unitLevelSchema, valueUnitSchema } from "./enums.ts";

/** Outcome of pairing a year's target with its result. */
export const attainmentStatusSchema = z.enum(["met", "not_met", "in_progress", "no_result", "no_target", "not_comparable"]).meta({
  description: "met / not_met: the result against the target's comparator and the indicator's direction; in_progress: the result says the work is under way; no_result: a target without a result; no_target: a result without a target; not_comparable: both exist but cannot be compared (units differ, a relative target against a level, a qualitative target against a number).",
});
export type AttainmentStatus = z.infer<typeof attainmentStatusSchema>;

/** Open SDG progress status (Statistics Canada method), with the catalog's direction. */
export const progressStatusSchema = z.enum(["target_achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration", "not_enough_data"]).meta({
  description: "With a target: ratio R of observed to required compound growth — R ≥ 0.95 on_track, 0.6 ≤ R < 0.95 acceleration_needed, 0 ≤ R < 0.6 limited_progress, R < 0 deterioration; target_achieved when the latest value meets the target. Without a target: observed growth in the desired direction ≥ 1.5%/yr on_track, ≥ 0.5% acceleration_needed, ≥ 0 limited_progress, < 0 deterioration. not_enough_data below two years of numeric results.",
});
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

/** Tier used to pick peers: communes are compared with communes, districts with districts. */
export const tierSchema = z.enum(["commune", "district", "province"]);
export type Tier = z.infer<typeof tierSchema>;

const text = (description: string) => z.string().nullable().meta({ description });
const num = (description: string) => z.number().nullable().meta({ description });
const int = (description: string) => z.number().int().meta({ description });

/** The unit as the documents name it, and the unit it is compared under after the 1 July 2025 reform. */
export const unitColumns = {
  unit_key: z.string().meta({ description: "Identity of the unit as filed: 'era:code' (e.g. 'before-2025-07:15322'), or 'unresolved:name|province' when the gazetteer could not place it." }),
  unit_name: text("Unit name as filed, without the level word (e.g. 'Hà Tân')."),
  unit_level: unitLevelSchema.nullable(),
  unit_code: text("GSO code of the unit as filed."),
  unit_era: eraSchema.nullable(),
  province: text("Province named in the document."),
  current_key: z.string().meta({ description: "The unit it is compared under today: itself after the reform, or its single successor ('after-2025-07:15316'). Equals unit_key when the unit was split or its successor is unknown." }),
  current_name: text("Name of the current unit (e.g. 'Tống Sơn' for Hà Tân)."),
  current_province_code: text("Code of the current (post-reform) province; used for province partitions and province medians."),
  current_province: text("Name of the current province."),
  tier: tierSchema.nullable().meta({ description: "commune (xã, phường, thị trấn), district (huyện, quận, thị xã, thành phố thuộc tỉnh) or province; peers share a tier." }),
};

const indicatorColumns = {
  indicator_code: z.string().meta({ description: "Catalog code (data/catalog/indicators.yaml)." }),
  indicator_name: text("Catalog name in Vietnamese."),
  direction: directionSchema.meta({ description: "Which way is better, from the catalog: higher or lower." }),
};

/** One (unit, indicator, year): the target paired with the result. */
export const targetVsActualSchema = z.object({
  ...unitColumns,
  ...indicatorColumns,
  period_year: int("Year the target and the result refer to."),
  status: attainmentStatusSchema,
  gap: num("Result minus target, in the value's unit (percentage points for percent). For a range, measured from the bound that must be reached."),
  attainment: num("Result ÷ target (target ÷ result for lower-is-better indicators): 1 means exactly on target."),
  target_comparator: comparatorSchema.nullable(),
  target_value: num("Target value (lower bound of a range)."),
  target_value_max: num("Upper bound of a range target."),
  target_unit: valueUnitSchema.nullable(),
  target_raw: text("Target as printed."),
  target_file: text("Document the target came from."),
  target_line: z.number().int().nullable().meta({ description: "Line of the target in that document." }),
  target_ref: text("Row label of the target (e.g. '38' or 'C.11')."),
  actual_value: num("Result value."),
  actual_unit: valueUnitSchema.nullable(),
  actual_status: taskStatusSchema.nullable(),
  actual_raw: text("Result as printed."),
  actual_file: text("Document the result came from."),
  actual_line: z.number().int().nullable().meta({ description: "Line of the result in that document." }),
  actual_ref: text("Row label of the result."),
  n_targets: int("How many targets the documents give for this unit, indicator and year."),
  n_actuals: int("How many results they give."),
  targets_disagree: z.boolean().meta({ description: "True when those targets differ (see the conflicts view)." }),
  actuals_disagree: z.boolean().meta({ description: "True when those results differ; the result on the target's own row wins, then a report of that year, then a table over prose." }),
  note: text("Why the status is what it is, when that is not obvious (placeholder left unfilled, disagreeing values, units that differ), in English."),
  notes: text("The same notes as the message catalog's codes with their parameters, a JSON list ([{\"code\": \"note.results_disagree\", \"params\": {\"values\": …}}]), for any language to render; null when there is none."),
});
export type TargetVsActual = z.infer<typeof targetVsActualSchema>;

/** One numeric result in a unit's series, with its change from the previous point. */
export const trendPointSchema = z.object({
  ...unitColumns,
  ...indicatorColumns,
  unit: valueUnitSchema.meta({ description: "Unit of value (the catalog's unit; results in another unit are left out of the series)." }),
  year: int("Year of the result."),
  value: z.number().meta({ description: "The result." }),
  prev_year: z.number().int().nullable().meta({ description: "Year of the previous point in the series." }),
  prev_value: num("Value of the previous point."),
  change: num("value − prev_value (percentage points for percent)."),
  annual_growth: num("Compound annual growth since the previous point: (value / prev_value)^(1 / years) − 1."),
  source_file: z.string().meta({ description: "Document the value came from." }),
  source_line: z.number().int().meta({ description: "Line of the value in that document." }),
  raw_value: z.string().meta({ description: "The value as printed." }),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** A unit's series for one indicator and its Open SDG progress status. */
export const trendProgressSchema = z.object({
  ...unitColumns,
  ...indicatorColumns,
  n_points: int("Years with a numeric result."),
  base_year: int("First year of the series (the base year)."),
  base_value: z.number().meta({ description: "Value in the base year." }),
  last_year: int("Latest year of the series."),
  last_value: z.number().meta({ description: "Value in the latest year." }),
  cagr: num("Observed compound annual growth rate from base to latest year (0.05 = 5%/yr); null with fewer than two points."),
  target_source: z.enum(["unit", "national"]).nullable().meta({ description: "Whose target the progress is measured against: the unit's own latest target, else the catalog's national target; null = none (fixed growth thresholds)." }),
  target_year: z.number().int().nullable().meta({ description: "Year the target is for." }),
  target_comparator: comparatorSchema.nullable(),
  target_value: num("Target value used (the bound to reach for a range)."),
  required_cagr: num("Compound annual growth needed from the base year to reach the target by its year."),
  ratio: num("Observed ÷ required growth, signed by direction (Open SDG's R)."),
  status: progressStatusSchema,
  series: z.array(z.object({ year: z.number().int(), value: z.number() })).meta({ description: "The points, oldest first." }),
});
export type TrendProgress = z.infer<typeof trendProgressSchema>;

/** One unit's result for an indicator and year, placed among the units that reported it. */
export const comparisonSchema = z.object({
  ...indicatorColumns,
  year: int("Year compared."),
  ...unitColumns,
  value: z.number().meta({ description: "The unit's result." }),
  raw_value: z.string().meta({ description: "The value as printed." }),
  source_file: z.string().meta({ description: "Document the value came from." }),
  source_line: z.number().int().meta({ description: "Line of the value in that document." }),
  rank: int("1 = best among units of the same tier that reported it (ties share a rank)."),
  n_ranked: int("Units of the same tier that reported it."),
  percentile: z.number().min(0).max(100).meta({ description: "100 = best, 0 = worst of the tier (100 when alone)." }),
  province_n: int("Units of the same tier in the same current province that reported it."),
  province_median: z.number().meta({ description: "Median of those province units." }),
  province_p25: z.number().meta({ description: "25th percentile of those province units." }),
  province_p75: z.number().meta({ description: "75th percentile of those province units." }),
  peer_n: int("Units of the same tier anywhere that reported it."),
  peer_median: z.number().meta({ description: "Median of all units of the tier." }),
  peer_p25: z.number().meta({ description: "25th percentile of all units of the tier." }),
  peer_p75: z.number().meta({ description: "75th percentile of all units of the tier." }),
  national_target_year: z.number().int().nullable().meta({ description: "Year of the national target." }),
  national_target_comparator: comparatorSchema.nullable(),
  national_target_value: num("National target from the catalog, where it has one."),
  distance_to_national_target: num("value − national target (positive = ahead for higher-is-better)."),
  meets_national_target: z.boolean().nullable().meta({ description: "Whether the value meets the national target (null without one)." }),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** A unit with a document for the year that gives no numeric result for an indicator other units reported. */
export const comparisonMissingSchema = z.object({
  indicator_code: z.string().meta({ description: "Catalog code (data/catalog/indicators.yaml)." }),
  year: int("Year compared."),
  ...unitColumns,
  reason: z.enum(["result_not_numeric", "target_only", "not_in_documents"]).meta({ description: "result_not_numeric: it gave a result that cannot be ranked (a status such as 'Đang thực hiện', a change, or a value in another unit); target_only: it set a target but gave no result; not_in_documents: its documents for the year do not mention the indicator." }),
});
export type ComparisonMissing = z.infer<typeof comparisonMissingSchema>;

/** Which documents a unit filed for a year, and how much of the catalog they cover. */
export const completenessSchema = z.object({
  ...unitColumns,
  year: int("Year (a document's own year, or a year its values refer to)."),
  plans: int("Plans filed for the year."),
  reports: int("Reports filed for the year."),
  plan_files: z.array(z.string()).meta({ description: "Files of those plans." }),
  report_files: z.array(z.string()).meta({ description: "Files of those reports." }),
  indicators_with_target: int("Catalog indicators with a target for the year."),
  indicators_with_result: int("Catalog indicators with a result for the year."),
  indicators_reported: int("Catalog indicators with a target or a result."),
  catalog_size: int("Indicators in the catalog."),
  catalog_share: z.number().min(0).max(1).meta({ description: "indicators_reported ÷ catalog_size." }),
});
export type Completeness = z.infer<typeof completenessSchema>;
