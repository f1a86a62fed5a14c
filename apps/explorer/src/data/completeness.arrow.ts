// Data loader: completeness snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT * EXCLUDE (plan_files, report_files), to_json(plan_files) AS plan_files, to_json(report_files) AS report_files FROM completeness`);
