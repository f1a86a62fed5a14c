export { parseCatalog } from "./load-catalog.ts";
export { indexCatalog, matchIndicator } from "./match-indicator.ts";
export type { CatalogIndex, IndicatorMatch } from "./match-indicator.ts";
export { expandAbbreviations } from "./abbreviations.ts";
