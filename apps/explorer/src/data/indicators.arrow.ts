// Data loader: indicators snapshot of the warehouse (Arrow IPC).
import { writeSnapshot } from "../../loaders/snapshot.ts";

await writeSnapshot(`SELECT code, name_vi, name_en, pillar, unit, direction, national_target_year, national_target_comparator, national_target_value FROM indicators`);
