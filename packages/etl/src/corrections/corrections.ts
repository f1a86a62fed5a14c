import { msg, render, type Message } from "@dx-atlas/schema";
import { parse } from "yaml";
import { z } from "zod";
import { foldVietnamese } from "../normalise/fold.ts";
import { parseValue } from "../values/parse-value.ts";
import type { BoolValue, NumericValue, StatusValue } from "../values/value-types.ts";

// The analyst's corrections, as data in git (data/corrections.yaml). A mapping is keyed by the row's
// wording, folded (case, tone placement, spacing and punctuation ignored), not by file or line: the
// same wording in next year's report, or in the same report re-extracted after a rule change, gets
// the same answer.

const mappingSchema = z.object({
  text: z.string().min(3),
  /** A catalog code, or "none": the wording is not an indicator (its values are kept out of the metrics). */
  indicator: z.string().min(1),
  note: z.string().optional(),
}).strict();

const unitSchema = z.object({
  /** The file as recorded (source_file), or the end of its path ("002_d48d77757f9ad9ed.txt"). */
  file: z.string().min(1),
  /** The unit that filed it: "xã Yên Trường", "xã Yên Trường, huyện Yên Định", or a GSO code. */
  unit: z.string().min(2),
  note: z.string().optional(),
}).strict();

const valueSchema = z.object({
  file: z.string().min(1),
  indicator: z.string().min(1),
  measure: z.enum(["target", "actual"]),
  year: z.number().int().min(2000).max(2100),
  /** The right value, in the documents' own grammar ("97,5%", "4371/4864", "Đạt"), or "none": the file gives no such value. */
  value: z.union([z.string().min(1), z.number()]).transform(String),
  note: z.string().optional(),
}).strict();

const rowValueSchema = z.object({
  file: z.string().min(1),
  /** The row as the document prints it (compared folded), from the review item: survives re-extraction and moved lines. */
  text: z.string().min(3),
  indicator: z.string().min(1),
  measure: z.enum(["target", "actual"]),
  /** The year the value is about; the document's year when left out. */
  year: z.number().int().min(2000).max(2100).optional(),
  value: z.union([z.string().min(1), z.number()]).transform(String),
  note: z.string().optional(),
}).strict();

const correctionsSchema = z.object({
  mappings: z.array(mappingSchema).nullable().default([]).transform((x) => x ?? []),
  units: z.array(unitSchema).nullable().default([]).transform((x) => x ?? []),
  values: z.array(valueSchema).nullable().default([]).transform((x) => x ?? []),
  row_values: z.array(rowValueSchema).nullable().default([]).transform((x) => x ?? []),
}).strict();

export type MappingCorrection = z.infer<typeof mappingSchema>;
export type UnitCorrection = z.infer<typeof unitSchema> & { key: string };
export type ValueCorrection = Omit<z.infer<typeof valueSchema>, "value"> & {
  key: string; raw: string;
  /** The value read with the documents' grammar; null for "none". */
  value: NumericValue | StatusValue | BoolValue | null;
};
/**
 * The value of a row the ETL could not read (one result for two targets, no value, a value it cannot
 * parse), given by the analyst: keyed by the file and the row's folded text, not its line.
 */
export type RowValueCorrection = Omit<z.infer<typeof rowValueSchema>, "value" | "year"> & {
  key: string; textKey: string; raw: string; year: number | null;
  value: NumericValue | StatusValue | BoolValue;
};
/** One entry of any kind, for reporting those that matched nothing. */
/** An entry as the run summary lists it when it matched nothing ("mapping \"…\" → code"), in English and as a message. */
const entry = <K extends CorrectionEntry["kind"]>(kind: K, key: string, says: Message) => ({ kind, key, label: render(says, "en"), says });

export interface CorrectionEntry { kind: "mapping" | "unit" | "value" | "row_value"; key: string; label: string; says: Message }
export interface Corrections {
  /** Folded wording → the code it maps to (null: not an indicator). */
  mappings: Map<string, { code: string | null; text: string }>;
  units: UnitCorrection[];
  values: ValueCorrection[];
  rowValues: RowValueCorrection[];
  /** Entries in file order, for reporting those that matched nothing. */
  entries: CorrectionEntry[];
}

export const NOT_AN_INDICATOR = "none";
export const correctionKey = (text: string) => foldVietnamese(text);
export const EMPTY_CORRECTIONS: Corrections = { mappings: new Map(), units: [], values: [], rowValues: [], entries: [] };
export const rowValueCorrectionKey = (v: { file: string; text: string; measure: string; indicator: string }) => `row:${v.file}|${correctionKey(v.text)}|${v.measure}|${v.indicator}`;
export const unitCorrectionKey = (file: string) => `unit:${file}`;
export const valueCorrectionKey = (v: { file: string; indicator: string; measure: string; year: number }) => `value:${v.file}|${v.indicator}|${v.measure}|${v.year}`;

/** Whether an entry's `file` names this source file: the whole recorded name, or its end at a "/". */
export const fileMatches = (entryFile: string, sourceFile: string) => {
  const e = entryFile.replace(/\\/g, "/").replace(/^\.\//, "");
  return sourceFile === e || sourceFile.endsWith(`/${e}`);
};

/**
 * Parses the corrections file. A broken file stops the run with the file and entry named: a correction
 * that silently did not apply would be worse than none.
 */
export function parseCorrections(text: string, source: string, catalogCodes: ReadonlySet<string>): Corrections {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (err) {
    throw new Error(`${source}: not valid YAML: ${(err as Error).message}`);
  }
  const parsed = correctionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${source}: ${issue.path.map((p) => (typeof p === "number" ? `entry ${p + 1}` : String(p))).join(" → ")}: ${issue.message}`);
  }
  const mappings = new Map<string, { code: string | null; text: string }>();
  parsed.data.mappings.forEach((m, i) => {
    if (m.indicator !== NOT_AN_INDICATOR && !catalogCodes.has(m.indicator)) {
      throw new Error(`${source}: mappings → entry ${i + 1} ("${m.text}"): "${m.indicator}" is not a catalog code (or "${NOT_AN_INDICATOR}")`);
    }
    const key = correctionKey(m.text);
    const earlier = mappings.get(key);
    if (earlier && earlier.code !== (m.indicator === NOT_AN_INDICATOR ? null : m.indicator)) {
      throw new Error(`${source}: mappings → entry ${i + 1} ("${m.text}") contradicts an earlier entry for the same wording (${earlier.code ?? NOT_AN_INDICATOR})`);
    }
    mappings.set(key, { code: m.indicator === NOT_AN_INDICATOR ? null : m.indicator, text: m.text });
  });
  const units = parsed.data.units.map((u, i) => {
    const key = unitCorrectionKey(u.file);
    if (parsed.data.units.slice(0, i).some((e) => unitCorrectionKey(e.file) === key && e.unit !== u.unit)) {
      throw new Error(`${source}: units → entry ${i + 1} (${u.file}) contradicts an earlier entry for the same file`);
    }
    return { ...u, key };
  });
  const values = parsed.data.values.map((v, i): ValueCorrection => {
    const where = `${source}: values → entry ${i + 1} (${v.file} ${v.indicator} ${v.measure} ${v.year})`;
    if (!catalogCodes.has(v.indicator)) throw new Error(`${where}: "${v.indicator}" is not a catalog code`);
    let value: ValueCorrection["value"] = null;
    if (v.value.trim().toLowerCase() !== NOT_AN_INDICATOR) {
      const p = parseValue(v.value);
      if (p.kind !== "number" && p.kind !== "status" && p.kind !== "bool") {
        throw new Error(`${where}: "${v.value}" is not a value (${p.kind === "unparsed" ? p.reason : p.kind}); write it as the documents do ("97,5%", "4371/4864", "Đạt") or "none"`);
      }
      value = p;
    }
    const key = valueCorrectionKey(v);
    if (parsed.data.values.slice(0, i).some((e) => valueCorrectionKey(e) === key && e.value !== v.value)) {
      throw new Error(`${where}: contradicts an earlier entry for the same file, indicator, measure and year`);
    }
    return { ...v, key, raw: v.value, value };
  });
  const rowValues = parsed.data.row_values.map((v, i): RowValueCorrection => {
    const where = `${source}: row_values → entry ${i + 1} (${v.file} "${v.text.slice(0, 40)}")`;
    if (!catalogCodes.has(v.indicator)) throw new Error(`${where}: "${v.indicator}" is not a catalog code`);
    const p = parseValue(v.value);
    if (p.kind !== "number" && p.kind !== "status" && p.kind !== "bool") {
      throw new Error(`${where}: "${v.value}" is not a value (${p.kind === "unparsed" ? p.reason : p.kind}); write it as the documents do ("97,5%", "4371/4864", "Đạt")`);
    }
    return { ...v, year: v.year ?? null, key: rowValueCorrectionKey(v), textKey: correctionKey(v.text), raw: v.value, value: p };
  });
  const entries: CorrectionEntry[] = [
    ...parsed.data.mappings.map((m) => entry("mapping", correctionKey(m.text), msg("correction.mapping", { text: m.text, code: m.indicator }))),
    ...units.map((u) => entry("unit", u.key, msg("correction.unit", { file: u.file, unit: u.unit }))),
    ...values.map((v) => entry("value", v.key, msg("correction.value", { code: v.indicator, measure: msg(`measure.${v.measure}`), year: v.year, file: v.file, value: v.raw }))),
    ...rowValues.map((v) => entry("row_value", v.key, msg("correction.row_value", { code: v.indicator, measure: msg(`measure.${v.measure}`), file: v.file, text: v.text.slice(0, 50), value: v.raw }))),
  ];
  return { mappings, units, values, rowValues, entries };
}
