export { buildGazetteer, ancestors, unitKey } from "./gazetteer.ts";
export type { Gazetteer } from "./gazetteer.ts";
export { parseUnitsCsv } from "./load-bundled.ts";
export { unitsBeforeReform, unitsAfterReform } from "./import-national.ts";
export { resolveUnit, candidatesFor } from "./resolve-unit.ts";
export type { UnitMention, ResolvedUnit } from "./resolve-unit.ts";
export { splitUnitName, LEVEL_WORDS } from "./unit-names.ts";
