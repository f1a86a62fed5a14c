import { z } from "zod";

/** Something the ETL could not read or map, kept with its source text for review. */
export const rejectSchema = z.object({
  source_file: z.string(),
  submission_id: z.string().nullable().meta({ description: "Null when the whole file was rejected." }),
  scope: z.enum(["file", "row"]),
  reason_code: z.enum(["empty", "binary", "not_dx_document", "unreadable", "unsupported_format", "too_large", "needs_ocr", "encrypted", "unknown_unit", "unmapped", "unparsed_value", "ambiguous_result", "summary_line", "no_value", "invalid", "excluded", "timed_out", "ambiguous_unit", "other_unit"]).meta({ description: "Why; 'other_unit': the value's clause names another unit than the document's ('xã Hà Đông đạt 100%' in a province report), kept for review; 'ambiguous_unit': the unit the text names is one of several the gazetteer has (the candidates are in the reason); 'excluded': an analyst's correction says the wording is not an indicator (or settled a value); 'timed_out': parsing the file took longer than the per-file limit." }),
  reason: z.string().meta({ description: "Human-readable reason with the bad value, in English (the CLI and the explorer render message_code in the reader's language)." }),
  message_code: z.string().meta({ description: "The message catalog's code for the reason (packages/schema/src/messages/catalog.ts): with message_params, any language renders it." }),
  message_params: z.string().nullable().meta({ description: "The message's named parameters as JSON (file, line, unit, value, …); null when it has none." }),
  source_line: z.number().int().nullable(),
  source_ref: z.string().nullable(),
  raw_text: z.string().meta({ description: "The source text (row or first bytes of the file)." }),
  source_location: z.string().nullable().meta({ description: "Where the row is in a .docx, .pdf or .xlsx file ('table 2, row 5', 'page 3'); null for text files and file-level rejects." }),
  best_code: z.string().nullable().meta({ description: "For unmapped rows: the closest catalog code, below the threshold." }),
  best_confidence: z.number().nullable(),
  match_text: z.string().nullable().optional().meta({ description: "For unmapped and excluded rows: the wording the catalog was searched for (what a mapping correction is keyed by)." }),
});
export type Reject = z.infer<typeof rejectSchema>;

/** A data-quality flag that does not stop a value from loading (placeholder left unfilled, …). */
export const warningSchema = z.object({
  source_file: z.string(),
  submission_id: z.string().nullable(),
  code: z.enum(["placeholder_unfilled", "unit_name_mismatch", "ambiguous_value", "duplicate_in_row", "unit_unresolved", "year_guessed", "year_unknown", "kind_guessed", "manifest_differs", "unit_superseded", "duplicate_file", "extension_mismatch", "ocr_pages_unread"]),
  message: z.string().meta({ description: "What the flag says, in English (message_code renders it in any language)." }),
  message_code: z.string().meta({ description: "The message catalog's code for the message." }),
  message_params: z.string().nullable().meta({ description: "The message's named parameters as JSON; null when it has none." }),
  source_line: z.number().int().nullable(),
  raw_text: z.string(),
});
export type Warning = z.infer<typeof warningSchema>;
