import type { EtlReport } from "../run-etl.ts";

/** The per-file summary of a run, as rows for a table or for --json. */
export function summarise(report: EtlReport) {
  return report.files.map((f) => {
    const fileReject = f.rejects.find((r) => r.scope === "file");
    return {
      file: f.source_file,
      read_as: f.submission ? (f.submission.format === "text" ? f.submission.encoding ?? "text" : f.submission.format) : "-",
      kind: f.submission?.doc_kind ?? "-",
      unit: f.submission ? `${f.submission.unit_level} ${f.submission.unit_name}` : "-",
      year: f.submission?.doc_year ?? null,
      rows: f.stats.rows,
      mapped: f.stats.mapped,
      unmapped: f.stats.unmapped,
      observations: f.observations.length,
      warnings: f.warnings.length,
      rejects: f.rejects.length,
      status: fileReject ? `rejected: ${fileReject.reason}` : "ok",
    };
  });
}
