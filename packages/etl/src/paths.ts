import { fileURLToPath } from "node:url";
import { DEFAULT_WAREHOUSE } from "@dx-atlas/metrics";

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

/** Where the bundled data lives, relative to the repository. */
export const DEFAULT_PATHS = {
  samples: root("data/samples"),
  catalog: root("data/catalog/indicators.yaml"),
  gazetteer: root("data/gazetteer/units.csv"),
  corrections: root("data/corrections.yaml"),
  warehouse: DEFAULT_WAREHOUSE,
};
