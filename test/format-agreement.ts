import type { Observation } from "../packages/schema/src/index.ts";

/** What makes two observations the same reading: indicator, measure, comparator, value (and year, range, status). */
export const agreementKey = (o: Observation) =>
  [o.indicator_code, o.measure, o.period_year, o.comparator ?? "-", o.value ?? "-", o.value_max ?? "-", o.status ?? "-"].join("|");

/**
 * How far a variant's observations agree with the original's: rows found in both (as a multiset),
 * over the larger of the two counts, so a missing row and an extra row both count against it.
 */
export function agreement(original: Observation[], variant: Observation[]): { agreed: number; total: number; ratio: number; missing: string[]; extra: string[] } {
  const pool = new Map<string, number>();
  for (const o of variant) pool.set(agreementKey(o), (pool.get(agreementKey(o)) ?? 0) + 1);
  const missing: string[] = [];
  let agreed = 0;
  for (const o of original) {
    const k = agreementKey(o);
    if ((pool.get(k) ?? 0) > 0) { agreed++; pool.set(k, pool.get(k)! - 1); } else missing.push(`${k} ← line ${o.source_line}: ${o.raw_value}`);
  }
  const extra = variant.filter((o) => { const k = agreementKey(o); if ((pool.get(k) ?? 0) > 0) { pool.set(k, pool.get(k)! - 1); return true; } return false; })
    .map((o) => `${agreementKey(o)} ← ${o.source_location ?? `line ${o.source_line}`}: ${o.raw_value}`);
  const total = Math.max(original.length, variant.length);
  return { agreed, total, ratio: total === 0 ? 1 : agreed / total, missing, extra };
}
