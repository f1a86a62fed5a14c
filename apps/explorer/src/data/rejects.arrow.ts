// Data loader: rejects snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT r.*, s.unit_name, s.unit_level FROM rejects r LEFT JOIN submissions s USING (submission_id)`);
