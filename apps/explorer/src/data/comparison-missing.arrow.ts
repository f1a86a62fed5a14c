// Data loader: comparison-missing snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT * FROM comparison_missing`);
