// Data loader: conflicts snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT unit_key, unit_name, period_year, indicator_code, measure, n_values, n_distinct, to_json(entries) AS entries FROM conflicts`);
