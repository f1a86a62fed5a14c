// Data loader: files snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT f.source_file, f.status, f.content_hash, s.doc_kind, s.doc_year, s.unit_name, s.unit_level, s.rows_found, s.rows_mapped, s.rows_unmapped FROM files f LEFT JOIN submissions s USING (submission_id)`);
