import { z } from "zod";
import { docKindSchema, eraSchema, unitLevelSchema } from "./enums.ts";

/** Metadata of one submitted document, as detected from its text. */
export const submissionSchema = z.object({
  submission_id: z.string().regex(/^[0-9a-f]{16}$/).meta({ description: "First 16 hex digits of the SHA-256 of the file's bytes: the same bytes are the same submission." }),
  source_file: z.string().min(1).meta({ description: "Path of the file as given to the ETL (relative to the working directory when possible)." }),
  content_hash: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "SHA-256 of the file's bytes." }),
  format: z.enum(["text", "docx", "pdf", "xlsx", "image"]).meta({ description: "File format, from its content (not its name): text, Word .docx, PDF (with a text layer, or scanned and read by OCR), Excel .xlsx, image (a PNG or JPEG page, read by OCR)." }),
  encoding: z.string().nullable().meta({ description: "How the text was decoded, as detected: utf-8, utf-8-bom, utf-16le/be, windows-1258, tcvn3, vni; '+nfd' when letters arrived decomposed; 'utf-8/tcvn3' for legacy codes inside Unicode text. Null for .docx, .pdf and .xlsx, whose text is Unicode by format." }),
  doc_kind: docKindSchema,
  title: z.string().nullable().meta({ description: "Title line, e.g. 'Kế hoạch Chuyển đổi số năm 2025'." }),
  doc_number: z.string().nullable().meta({ description: "Document number as printed, e.g. '55/KH-UBND'; null when the number is blank ('Số: /KH-UBND') or absent." }),
  issue_date: z.string().nullable().meta({ description: "Issue date as ISO yyyy-mm-dd, or yyyy-mm / yyyy when the day or month was left blank." }),
  doc_year: z.number().int().min(2000).max(2100).nullable().meta({ description: "The year the document is about (plan year or report year); null when neither the text nor a manifest says (its values without a year of their own are loaded with no year and left out of the metrics)." }),
  period_years: z.array(z.number().int()).meta({ description: "Every year its values refer to (a 2025 plan may carry 2024 results)." }),
  unit_name: z.string().nullable().meta({ description: "Unit name as resolved, without level word, e.g. 'Hà Tân'." }),
  unit_level: unitLevelSchema.nullable(),
  district: z.string().nullable().meta({ description: "District (huyện/thị xã/thành phố) the unit belonged to when the document was written." }),
  province: z.string().nullable().meta({ description: "Province named in the document." }),
  unit_code: z.string().nullable().meta({ description: "GSO code of the unit (5 digits for communes, 3 for districts, 2 for provinces); null when unresolved." }),
  unit_era: eraSchema.nullable().meta({ description: "Which map unit_code refers to." }),
  unit_confidence: z.number().min(0).max(1).meta({ description: "How sure unit resolution is (1 = exact name + parent match)." }),
});
export type Submission = z.infer<typeof submissionSchema>;
