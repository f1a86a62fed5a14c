export {
  docKindSchema, unitLevelSchema, pillarSchema, measureSchema, comparatorSchema,
  valueUnitSchema, taskStatusSchema, directionSchema, eraSchema,
} from "./enums.ts";
export type { DocKind, UnitLevel, Pillar, Measure, Comparator, ValueUnit, TaskStatus, Direction, Era } from "./enums.ts";
export { submissionSchema } from "./submission.ts";
export type { Submission } from "./submission.ts";
export { adminUnitSchema } from "./admin-unit.ts";
export type { AdminUnit } from "./admin-unit.ts";
export { indicatorSchema } from "./indicator.ts";
export type { Indicator, ScopeLevel } from "./indicator.ts";
export { scopeLevelSchema } from "./indicator.ts";
export { observationSchema } from "./observation.ts";
export type { Observation } from "./observation.ts";
export { rejectSchema, warningSchema } from "./reject.ts";
export type { Reject, Warning } from "./reject.ts";
export { jsonSchemas } from "./json-schemas.ts";
export {
  attainmentStatusSchema, progressStatusSchema, tierSchema, unitColumns,
  targetVsActualSchema, trendPointSchema, trendProgressSchema, comparisonSchema, comparisonMissingSchema, completenessSchema,
} from "./metrics.ts";
export type {
  AttainmentStatus, ProgressStatus, Tier, TargetVsActual, TrendPoint, TrendProgress, Comparison, ComparisonMissing, Completeness,
} from "./metrics.ts";
export { MESSAGES, OMITTED_IN_VI } from "./messages/catalog.ts";
export type { MessageCode } from "./messages/catalog.ts";
export { asReason, asWarning, chooseLang, langFromArgv, formatDate, formatNumber, fromStored, isMessage, LANGS, msg, paramsJson, render, say, templateParams } from "./messages/render.ts";
export type { Lang, Message, Param } from "./messages/render.ts";
