import { parse } from "yaml";
import { z } from "zod";
import { foldVietnamese } from "../normalise/fold.ts";

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

const correctionsSchema = z.object({ mappings: z.array(mappingSchema).default([]) }).strict();

export type MappingCorrection = z.infer<typeof mappingSchema>;
export interface Corrections {
  /** Folded wording → the code it maps to (null: not an indicator). */
  mappings: Map<string, { code: string | null; text: string }>;
  /** Entries in file order, for reporting those that matched nothing. */
  entries: MappingCorrection[];
}

export const NOT_AN_INDICATOR = "none";
export const correctionKey = (text: string) => foldVietnamese(text);
export const EMPTY_CORRECTIONS: Corrections = { mappings: new Map(), entries: [] };

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
  return { mappings, entries: parsed.data.mappings };
}
