import type { Indicator } from "../../packages/schema/src/index.ts";
import { hardWrap, planDocument, reportDocument, type SyntheticDocument, type TruthObservation } from "./document.ts";
import { encodeDocument, extensionOf, FORMAT_MIX, type CorpusFormat } from "./formats.ts";
import { Random } from "./random.ts";
import { syntheticUnits, unitsCsv, type SyntheticUnit } from "./units.ts";

export const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

/** One file of the corpus with what the ETL should find in it. */
export interface CorpusFile { path: string; bytes: Uint8Array; format: CorpusFormat; kind: "plan" | "report"; year: number; unit_code: string; shape: string; truth: TruthObservation[] }

export interface CorpusOptions { n: number; seed: number; catalog: Indicator[]; formats?: readonly (readonly [CorpusFormat, number])[] }

/**
 * A deterministic corpus of `n` submissions: every unit files a plan and a report for each year
 * 2021–2026 (so n/12 units), in the format mix of a real inbox. Files are produced one at a time
 * (a generator), so a 10,000-document corpus never sits in memory.
 */
export function corpus(opts: CorpusOptions): { units: SyntheticUnit[]; unitsCsv: string; files: () => Generator<CorpusFile> } {
  const r = new Random(opts.seed);
  const units = syntheticUnits(r, Math.max(1, Math.ceil(opts.n / (2 * YEARS.length))));
  const mix = opts.formats ?? FORMAT_MIX;
  return {
    units,
    unitsCsv: unitsCsv(units),
    *files() {
      let i = 0;
      for (const unit of units) {
        for (const year of YEARS) {
          for (const kind of ["plan", "report"] as const) {
            if (i++ >= opts.n) return;
            // Each file has its own stream, so file k is the same whatever n is.
            const fr = new Random(opts.seed * 1_000_003 + i);
            const doc: SyntheticDocument = kind === "plan" ? planDocument(fr, opts.catalog, unit, year) : reportDocument(fr, opts.catalog, unit, year);
            const format = fr.weighted(mix);
            // A text submission is sometimes PDF text: every visual line ends the line.
            if (format !== "docx" && format !== "xlsx" && fr.chance(0.15)) { doc.lines = hardWrap(fr, doc.lines); doc.shape += "+wrapped"; }
            yield {
              path: `${unit.province.code}/${unit.code}-${year}-${kind === "plan" ? "ke-hoach" : "bao-cao"}${extensionOf(format)}`,
              bytes: encodeDocument(fr, doc.lines, format), format, kind, year, unit_code: unit.code, shape: doc.shape, truth: doc.truth,
            };
          }
        }
      }
    },
  };
}
