import {
  comparisonMissingSchema, comparisonSchema, completenessSchema, observationSchema, submissionSchema,
  targetVsActualSchema, trendPointSchema, trendProgressSchema, unitColumns,
} from "@dx-atlas/schema";
import type { z } from "zod";
import { UNIT_COLUMNS } from "../views/units.sql.ts";

type Shape = Record<string, z.ZodType>;

/**
 * One exported table: its query (with province_code and year for the Hive partitions) and where its
 * columns are documented. `onRequest`: left out of the default export (`pnpm export --with NAME`).
 */
export interface ExportTable { name: string; description: string; sql: string; shapes: Shape[]; onRequest?: boolean }

/** The two partition columns, documented once. */
export const PARTITION_COLUMNS: Record<string, { type: string; meaning: string }> = {
  province_code: { type: "VARCHAR", meaning: "Partition: code of the current (post-2025) province the unit belongs to, 'unknown' when the unit could not be placed." },
  year: { type: "INTEGER", meaning: "Partition: the year the row is about." },
};

const PROVINCE = "coalesce(current_province_code, 'unknown') AS province_code";

export const EXPORT_TABLES: ExportTable[] = [
  {
    name: "observations",
    description: "Every target and result read from the documents, with its provenance (file, line, row label, original text).",
    sql: `SELECT submission_id, source_file, doc_kind, doc_year, ${UNIT_COLUMNS}, period_year, measure, indicator_code, indicator_name,
                 indicator_text, comparator, value, value_max, unit, status, numerator, denominator, raw_value, source_ref, source_line,
                 source_text, confidence, extractor, ${PROVINCE}, period_year AS year
          FROM metric_observations`,
    shapes: [observationSchema.shape, submissionSchema.shape, unitColumns, targetVsActualSchema.shape],
  },
  {
    name: "target_vs_actual",
    description: "Per unit, indicator and year: the target, the result, met / not met and the gap.",
    sql: `SELECT *, ${PROVINCE}, period_year AS year FROM target_vs_actual`,
    shapes: [targetVsActualSchema.shape],
  },
  {
    name: "trend_points",
    description: "Each unit's numeric results per indicator and year, with the change from the previous point.",
    sql: `SELECT *, ${PROVINCE} FROM trend_points`,
    shapes: [trendPointSchema.shape],
  },
  {
    name: "trend_progress",
    description: "Each unit's series per indicator and its Open SDG progress status; partitioned by the series' latest year.",
    sql: `SELECT * EXCLUDE (series), CAST(to_json(series) AS VARCHAR) AS series, ${PROVINCE}, last_year AS year FROM trend_progress`,
    shapes: [trendProgressSchema.shape],
  },
  {
    name: "comparison",
    description: "Per indicator and year: each unit's rank, percentile, province and peer medians, distance to the national target.",
    sql: `SELECT *, ${PROVINCE} FROM comparison`,
    shapes: [comparisonSchema.shape],
  },
  {
    name: "comparison_missing",
    description: "Units with documents for the year that give no rankable result for an indicator other units reported.",
    sql: `SELECT *, ${PROVINCE} FROM comparison_missing`,
    shapes: [comparisonMissingSchema.shape],
    // Units × indicators × years with a document and no value: derivable from comparison and
    // completeness, and at national scale the largest table (15 M rows of 42 M at 10 M observations).
    onRequest: true,
  },
  {
    name: "completeness",
    description: "Per unit and year: plans and reports filed, and how many catalog indicators they cover.",
    sql: `SELECT * EXCLUDE (plan_files, report_files), CAST(to_json(plan_files) AS VARCHAR) AS plan_files,
                 CAST(to_json(report_files) AS VARCHAR) AS report_files, ${PROVINCE} FROM completeness`,
    shapes: [completenessSchema.shape],
  },
];
