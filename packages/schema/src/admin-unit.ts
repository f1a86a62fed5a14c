import { z } from "zod";
import { unitLevelSchema } from "./enums.ts";

/** One administrative unit (tỉnh / huyện / xã …) with its GSO code, before or after the 1 July 2025 reform. */
export const adminUnitSchema = z.object({
  code: z.string().regex(/^\d{2,5}$/).meta({ description: "GSO code: 2 digits province, 3 district, 5 commune." }),
  name: z.string().min(1).meta({ description: "Name without the level word, e.g. 'Mỹ Hòa'." }),
  level: unitLevelSchema,
  parent_code: z.string().nullable().meta({ description: "Code of the parent unit; null for provinces." }),
  valid_from: z.string().nullable().meta({ description: "ISO date the unit came into existence in this form, e.g. '2025-07-01' for post-reform units; null = before records." }),
  valid_to: z.string().nullable().meta({ description: "ISO date the unit ceased to exist (e.g. '2025-07-01' for merged communes and abolished districts); null = still exists." }),
  successor_codes: z.array(z.string()).meta({ description: "Units it became after the reform (several when it was split)." }),
  source: z.string().meta({ description: "Where the row came from, e.g. 'data/gazetteer/units.csv' or 'import:dvhcvn'." }),
});
export type AdminUnit = z.infer<typeof adminUnitSchema>;
