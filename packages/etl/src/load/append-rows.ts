import { msg, render } from "@dx-atlas/schema";
import { INTEGER, LIST, listValue, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import type { FileResult } from "../process-document.ts";

type Cell = string | number | null | readonly number[];

/**
 * Writes a run's rows through DuckDB appenders, one per table: column-wise batches instead of one
 * INSERT per row. The appenders live inside the run's transaction, so a rollback discards their rows
 * too. Column order is the tables' (see schema-sql.ts).
 */
export class RowWriter {
  private constructor(private readonly appenders: Record<"files" | "submissions" | "observation_facts" | "rejects" | "warnings" | "correction_uses", DuckDBAppender>) {}

  static async open(conn: DuckDBConnection): Promise<RowWriter> {
    const open = (t: string) => conn.createAppender(t);
    return new RowWriter({
      files: await open("files"), submissions: await open("submissions"), observation_facts: await open("observation_facts"),
      rejects: await open("rejects"), warnings: await open("warnings"), correction_uses: await open("correction_uses"),
    });
  }

  private row(table: keyof RowWriter["appenders"], cells: Cell[]): void {
    const a = this.appenders[table];
    for (const c of cells) {
      if (c === null || c === undefined) a.appendNull();
      else if (typeof c === "string") a.appendVarchar(c);
      else if (typeof c === "number") a.appendDouble(c);
      else a.appendList(listValue(c as DuckDBValue[]), LIST(INTEGER));
    }
    a.endRow();
  }

  /** One parsed file: its submission, observations, rejects, warnings and its `files` row. */
  write(r: FileResult, loadedAt: string, ruleset: string): void {
    const s = r.submission;
    if (s) {
      this.row("submissions", [
        s.submission_id, s.source_file, s.content_hash, s.encoding, s.doc_kind, s.title, s.doc_number, s.issue_date, s.doc_year,
        s.period_years, s.unit_name, s.unit_level, s.district, s.province, s.unit_code, s.unit_era, s.unit_confidence,
        r.stats.rows, r.stats.mapped, r.stats.unmapped, s.format,
      ]);
      for (const o of r.observations) {
        this.row("observation_facts", [
          o.submission_id, o.period_year, o.measure, o.indicator_code, o.indicator_text, o.comparator, o.value, o.value_max,
          o.unit, o.status, o.numerator, o.denominator, o.raw_value, o.source_ref, o.source_line, o.source_text, o.confidence, o.extractor, o.source_location, o.corrected ?? null, o.ocr_confidence ?? null,
        ]);
      }
    }
    for (const x of r.rejects) this.row("rejects", [x.source_file, x.submission_id, x.scope, x.reason_code, x.reason, x.source_line, x.source_ref, x.raw_text, x.best_code, x.best_confidence, x.source_location, x.match_text ?? null, x.message_code, x.message_params]);
    for (const u of r.corrections_used ?? []) this.row("correction_uses", [r.source_file, u.key, u.detail]);
    for (const w of r.warnings) this.row("warnings", [w.source_file, w.submission_id, w.code, w.message, w.source_line, w.raw_text, w.message_code, w.message_params]);
    this.row("files", [r.source_file, r.content_hash, ruleset, s ? "loaded" : "rejected", s?.submission_id ?? null, loadedAt]);
  }

  /** The same bytes under another name: not loaded twice, noted as a warning. */
  writeDuplicate(sourceFile: string, contentHash: string, original: string, loadedAt: string, ruleset: string): void {
    const id = contentHash.slice(0, 16);
    this.row("warnings", [sourceFile, id, "duplicate_file", render(msg("doc.duplicate_not_loaded", { original }), "en"), null, "", "doc.duplicate_not_loaded", JSON.stringify({ original })]);
    this.row("files", [sourceFile, contentHash, ruleset, "duplicate", id, loadedAt]);
  }

  /** Flushes every appender (constraint errors surface here) and releases them. */
  close(): void {
    for (const a of Object.values(this.appenders)) a.closeSync();
  }
}
