import { z } from "zod";
import { comparatorSchema, measureSchema, taskStatusSchema, valueUnitSchema } from "./enums.ts";

/** One value read from a document: a target or a result for one indicator, unit and year. */
export const observationSchema = z.object({
  submission_id: z.string().meta({ description: "The document the value came from (see submissions: first 16 hex digits of the SHA-256 of its bytes)." }),
  period_year: z.number().int().min(2000).max(2100).nullable().meta({ description: "Year the value refers to (a 2025 plan may state 2024 results); null when neither the value's clause nor the document says (the value is kept, and left out of the metrics until a manifest gives the year)." }),
  measure: measureSchema,
  indicator_code: z.string().meta({ description: "Catalog code; rows that could not be mapped go to rejects, not here. A concept said of another tier than the document's unit ('60% hồ sơ công việc cấp xã' in a district's plan) has the derived code '<code>_cap_xa' (indicators.scope_of names the concept)." }),
  indicator_text: z.string().meta({ description: "The indicator's wording in the document (clause, after normalisation)." }),
  comparator: comparatorSchema.nullable(),
  value: z.number().nullable().meta({ description: "Numeric value: percent points for percent, a count, 1/0 for bool; null for status-only values." }),
  value_max: z.number().nullable().meta({ description: "Upper bound of a range ('từ 7 - 8%' → 8)." }),
  unit: valueUnitSchema.nullable(),
  status: taskStatusSchema.nullable(),
  numerator: z.number().nullable().meta({ description: "For fractions ('4371/4864'), the numerator." }),
  denominator: z.number().nullable().meta({ description: "For fractions ('4371/4864'), the denominator." }),
  raw_value: z.string().meta({ description: "The value text as printed." }),
  source_ref: z.string().nullable().meta({ description: "Row label as printed, with the section letter where numbering restarts (e.g. 'C.11'); null for prose." }),
  source_line: z.number().int().min(1).meta({ description: "1-based line in the source file where the row starts." }),
  source_location: z.string().nullable().meta({ description: "Where the row is in a .docx, .pdf or .xlsx file ('table 2, row 5', 'page 3', 'sheet PL1, row 12'); null for text files, whose source_line is the line in the file. For other formats source_line counts lines of the document as read into text." }),
  source_text: z.string().meta({ description: "The original line(s) of the row, for provenance." }),
  confidence: z.number().min(0).max(1).meta({ description: "Mapping confidence of indicator_code." }),
  extractor: z.enum(["table", "flat-table", "prose"]).meta({ description: "Which extractor produced it." }),
  ocr_confidence: z.number().min(0).max(100).nullable().optional().meta({ description: "Set when the value was read by OCR from a scanned page or an image: the mean confidence (0–100) of the words of its line. source_location then names the page and the box in the page image." }),
  corrected: z.string().nullable().optional().meta({ description: "Set when an analyst's value correction (data/corrections.yaml) replaced the value read: what the document said, what it was read as, and the entry. raw_value stays as printed." }),
});
export type Observation = z.infer<typeof observationSchema>;
