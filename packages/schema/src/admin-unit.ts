import { z } from "zod";
import { eraSchema, unitLevelSchema } from "./enums.ts";

/** One administrative unit (tỉnh / huyện / xã …) with its GSO code, before or after the 1 July 2025 reform. */
export const adminUnitSchema = z.object({
  code: z.string().regex(/^\d{2,5}$|^\d{2}-[a-z0-9]+$/).meta({ description: "GSO code: 2 digits province, 3 district, 5 commune; a district formed shortly before the 2025 reform, which the published lists give no code, is '<province code>-<name>'." }),
  name: z.string().min(1).meta({ description: "Name without the level word, e.g. 'Mỹ Hòa'." }),
  level: unitLevelSchema,
  parent_code: z.string().nullable().meta({ description: "Code of the parent unit; null for provinces." }),
  era: eraSchema.meta({ description: "Which map the unit belongs to: before or after the 1 July 2025 reform. Codes are reused across eras (24 was Bắc Giang, is now Bắc Ninh), so (code, era) is the key." }),
  successor_codes: z.array(z.string()).meta({ description: "Units it became after the reform (several when it was split)." }),
  source: z.string().meta({ description: "Where the row came from, e.g. 'data/gazetteer/units.csv' or 'import:dvhcvn'." }),
});
export type AdminUnit = z.infer<typeof adminUnitSchema>;
