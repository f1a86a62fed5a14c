// Data loader: warnings snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT w.*, s.unit_name, s.unit_level FROM warnings w LEFT JOIN submissions s USING (submission_id)`);
