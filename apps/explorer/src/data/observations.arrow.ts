// Data loader: observations snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT unit_key, indicator_code, period_year, measure, raw_value, source_file, source_line, source_ref, source_text, extractor, doc_kind FROM metric_observations`);
