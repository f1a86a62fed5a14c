import type { TruthObservation } from "./corpus/document.ts";

interface Reading { indicator_code: string; measure: string; period_year: number; comparator: string | null; value: number | null; value_max: number | null; status: string | null }

const round = (v: number | null) => (v === null ? "-" : String(Math.round(v * 10_000) / 10_000));
/** What makes an extracted observation the one the generator wrote. */
export const truthKey = (o: Reading) => [o.indicator_code, o.measure, o.period_year, o.comparator ?? "-", round(o.value), round(o.value_max), o.status ?? "-"].join("|");

/**
 * Agreement between what a file states and what the ETL read: observations matched as a multiset,
 * so a missed value and an invented one both count. `total` = max(expected, extracted).
 */
export function compareWithTruth(truth: TruthObservation[], extracted: Reading[]): { agreed: number; total: number; missing: string[]; extra: string[] } {
  const pool = new Map<string, number>();
  for (const o of extracted) pool.set(truthKey(o), (pool.get(truthKey(o)) ?? 0) + 1);
  const missing: string[] = [];
  let agreed = 0;
  for (const t of truth) {
    const k = truthKey(t);
    const left = pool.get(k) ?? 0;
    if (left > 0) { agreed++; pool.set(k, left - 1); } else missing.push(k);
  }
  const extra = [...pool].flatMap(([k, n]) => Array.from({ length: n }, () => k));
  return { agreed, total: Math.max(truth.length, extracted.length), missing, extra };
}
