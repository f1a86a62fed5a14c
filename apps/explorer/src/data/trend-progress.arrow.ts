// Data loader: trend-progress snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT * EXCLUDE (series) FROM trend_progress`);
