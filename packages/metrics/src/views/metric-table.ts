/**
 * Which rows of the metrics a refresh re-computes. A full refresh computes all of them; an incremental
 * one (see refresh-metrics.ts) only those of the units a load's files can change (`dx_scope_units`).
 * The fragment is SQL to append to a WHERE clause: '' in a full refresh.
 */
export interface Scope {
  /** ` AND key IN (the units in scope)`, for a unit_key column or expression */
  units(key: string): string;
}

export const FULL_SCOPE: Scope = { units: () => "" };

export const PARTIAL_SCOPE: Scope = { units: (key) => ` AND ${key} IN (SELECT unit_key FROM dx_scope_units)` };

/**
 * One step of the metrics: a query over the views and the steps before it, kept as a table the
 * warehouse stores (what users query), a temporary table or view that only later steps read during a
 * refresh, or a view (cheap to compute for the rows asked for, costly to store for all of them).
 * `keyedBy` says which rows one unit's files can change: the unit's own (`unit`: the table has
 * unit_key and every row is computed from that unit's submissions alone), or any (`all`: statistics
 * over every unit, small and cheap, written whole by every refresh); `reference` steps read only the
 * catalog and units, and are re-computed only by a full refresh.
 */
export interface MetricTable { name: string; kind: "table" | "temp" | "temp_view" | "view"; keyedBy: "unit" | "all" | "reference"; sql: (scope: Scope) => string }
