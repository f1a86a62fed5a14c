// Data loader: target-vs-actual snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT * FROM target_vs_actual`);
