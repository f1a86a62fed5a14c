/**
 * Which rows of the metrics a refresh re-computes. A full refresh computes all of them; an incremental
 * one (see refresh-metrics.ts) only the units a load's files can change (`dx_scope_units`) and the
 * comparisons of the indicator-years those units report (`dx_scope_peers`). Each fragment is SQL to
 * append to a WHERE clause: '' in a full refresh.
 */
export interface Scope {
  /** ` AND alias.unit_key IN (the units in scope)` */
  units(alias: string): string;
  /** ` AND (alias.indicator_code, alias.year, alias.tier) is a peer group in scope` */
  peers(alias: string): string;
}

export const FULL_SCOPE: Scope = { units: () => "", peers: () => "" };

export const PARTIAL_SCOPE: Scope = {
  units: (a) => ` AND ${a}.unit_key IN (SELECT unit_key FROM dx_scope_units)`,
  peers: (a) => ` AND EXISTS (SELECT 1 FROM dx_scope_peers p WHERE p.indicator_code = ${a}.indicator_code AND p.year = ${a}.year AND p.tier IS NOT DISTINCT FROM ${a}.tier)`,
};

/**
 * One step of the metrics: a query over the views and the steps before it, kept as a table the
 * warehouse stores (what users query), a temporary table or view that only later steps read during a
 * refresh, or a view (cheap to compute for the rows asked for, costly to store for all of them).
 * `keyedBy` says which rows one unit's files can change: the unit's own (`unit`: the table has
 * unit_key and every row is computed from that unit's submissions alone) or its peer groups' (`peers`:
 * indicator_code, year and tier, as a ranking among units); `reference` steps read only the catalog and
 * units, and are re-computed only by a full refresh.
 */
export interface MetricTable { name: string; kind: "table" | "temp" | "temp_view" | "view"; keyedBy: "unit" | "peers" | "reference"; sql: (scope: Scope) => string }
