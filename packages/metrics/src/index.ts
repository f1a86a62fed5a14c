export { openWarehouse, queryRows } from "./warehouse/connection.ts";
export type { Warehouse } from "./warehouse/connection.ts";
export { formatTable } from "./format/table.ts";
export { METRIC_VIEWS_SQL, METRIC_VIEWS } from "./views/index.ts";
export type { MetricName } from "./views/index.ts";
export { whereClause } from "./filter.ts";
export type { MetricFilter } from "./filter.ts";
export { readMetric, targetVsActual, trends, trendPoints, compare, compareMissing, completeness } from "./read-metric.ts";
export type { MetricRow } from "./read-metric.ts";
