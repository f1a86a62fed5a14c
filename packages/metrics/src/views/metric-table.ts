/**
 * One step of the metrics: a query over the views and the steps before it, kept as a table the
 * warehouse stores (what users query), a temporary table that only later steps read during a
 * refresh, or a view (cheap to compute for the rows asked for, costly to store for all of them).
 */
export interface MetricTable { name: string; kind: "table" | "temp" | "view"; sql: string }
