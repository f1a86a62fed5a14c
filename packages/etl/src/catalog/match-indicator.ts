import type { Indicator, ScopeLevel } from "@dx-atlas/schema";
import { foldVietnamese } from "../normalise/fold.ts";
import { expandAbbreviations } from "./abbreviations.ts";

/** The catalog code a row means, and how sure the matcher is (0–1). */
export interface IndicatorMatch { code: string | null; confidence: number; best_code: string | null; best_confidence: number }

// Words that occur in nearly every indicator and tell none apart.
const STOP = new Set(["tỷ", "lệ", "các", "của", "và", "có", "được", "trên", "tại", "cho", "trong", "với", "là", "đạt", "số", "người", "năm", "theo", "từ", "đến", "hoặc", "những", "một"]);

interface Phrase {
  id: number;
  code: string;
  /** The code's number in `CatalogIndex.codes`. */
  codeId: number;
  tokens: string[];
  /** Content words (stop words dropped) as vocabulary ids, with repeats as the score counts them. */
  content: number[];
  /** Distinct content words: the keys under which the phrasing is indexed. */
  distinct: number;
  /** Distinct word pairs, each as one number (see pairKey). */
  bigrams: number[];
  weight: number;
}

/**
 * A catalog ready for matching: phrasings as tokens, with an index from token to phrasings, and a
 * bounded memo of texts already matched (communes copy their province's indicator table, so the same
 * row text comes back in thousands of documents).
 */
export interface CatalogIndex {
  phrases: Phrase[];
  codes: string[];
  /** Derived codes of concepts reported by tier: code → tier → derived code (catalog/scope-levels.ts). */
  scoped: Map<string, Map<ScopeLevel, string>>;
  /** Each code's unit: counts written in prose are read only for indicators that count things. */
  unitOf: Map<string, Indicator["unit"]>;
  /** Every word of every phrasing, numbered: a row word outside it can match nothing. */
  vocabulary: Map<string, number>;
  byToken: Phrase[][];
  /** Word runs (vocabulary ids) that rule a code out, by code number. */
  vetoes: number[][][];
  size: number;
  /** Scratch space for one match at a time: shared words per phrasing id, row words by vocabulary id. */
  shared: Int32Array;
  uni: Float64Array;
  present: Uint8Array;
  /** Per code number: best score and its phrasing's weight in this match, and 1 = vetoed, 2 = not. */
  bestScore: Float64Array;
  bestWeight: Int32Array;
  vetoState: Uint8Array;
  memo: Map<string, IndicatorMatch>;
}

const MEMO_MAX = 20_000;

const tokenize = (s: string) => foldVietnamese(expandAbbreviations(s)).split(" ").filter(Boolean);
const PAIR_WEIGHT = 0.6;
// A word pair as one small integer (V8 keeps it unboxed): vocabulary ids stay below 2^15.
const VOCABULARY_MAX = 32_768;
const pairKey = (a: number, b: number) => a * VOCABULARY_MAX + b;

/** Builds the matching index once per run: mapping a row then touches only phrasings sharing a word. */
export function indexCatalog(all: Indicator[]): CatalogIndex {
  // A derived tier indicator is chosen after the match, by the clause's tier; it has no phrasings of its own.
  const catalog = all.filter((i) => !i.scope_of);
  const scoped = new Map<string, Map<ScopeLevel, string>>();
  for (const i of all) if (i.scope_of) {
    if (!scoped.has(i.scope_of.code)) scoped.set(i.scope_of.code, new Map());
    scoped.get(i.scope_of.code)!.set(i.scope_of.level, i.code);
  }
  const vocabulary = new Map<string, number>();
  const id = (t: string) => {
    let n = vocabulary.get(t);
    if (n === undefined) vocabulary.set(t, n = vocabulary.size);
    return n;
  };
  const tokenized = catalog.map((ind) => ({ ind, texts: [ind.name_vi.replace(/^tỷ lệ\s+/iu, ""), ...ind.phrasings].map(tokenize).filter((t) => t.length > 0) }));
  for (const { texts } of tokenized) for (const t of texts) t.forEach(id);
  const vetoTokens = catalog.map((ind) => ind.not_phrasings.map(tokenize));
  for (const runs of vetoTokens) for (const run of runs) run.forEach(id);
  if (vocabulary.size > VOCABULARY_MAX) throw new Error(`catalog: ${vocabulary.size} distinct words in the phrasings, more than the matcher's ${VOCABULARY_MAX}`);
  const phrases: Phrase[] = [];
  const byToken: Phrase[][] = Array.from({ length: vocabulary.size }, () => []);
  const vetoes: number[][][] = vetoTokens.map((runs) => runs.map((run) => run.map(id)));
  const codes: string[] = [];
  for (const { ind, texts } of tokenized) {
    const codeId = codes.length;
    codes.push(ind.code);
    for (const tokens of texts) {
      const ids = tokens.map(id);
      const content = ids.filter((_, i) => !STOP.has(tokens[i]!));
      const bigrams = [...new Set(ids.slice(1).map((w, i) => pairKey(ids[i]!, w)))];
      const phrase: Phrase = { id: phrases.length, code: ind.code, codeId, tokens, content, distinct: new Set(content).size, bigrams, weight: content.length };
      phrases.push(phrase);
      for (const t of new Set(content)) byToken[t]!.push(phrase);
    }
  }
  const n = codes.length;
  return {
    phrases, codes, scoped, unitOf: new Map(all.map((i) => [i.code, i.unit])), vocabulary, byToken, vetoes, size: catalog.length, memo: new Map(),
    shared: new Int32Array(phrases.length), uni: new Float64Array(phrases.length), present: new Uint8Array(vocabulary.size),
    bestScore: new Float64Array(n), bestWeight: new Int32Array(n), vetoState: new Uint8Array(n),
  };
}

const containsRun = (text: number[], run: number[]) => {
  if (run.length === 0) return false;
  outer: for (let i = 0; i + run.length <= text.length; i++) {
    for (let k = 0; k < run.length; k++) if (text[i + k] !== run[k]) continue outer;
    return true;
  }
  return false;
};

/**
 * Scores a phrasing against a row: the share of its content words found in the row, and the share
 * of its word pairs found in order (pairs separate "tài khoản định danh" from "tài khoản giao dịch").
 * `uni` is the first share, already counted while the candidates were gathered.
 */
function score(phrase: Phrase, uni: number, pairs: Set<number>): number {
  if (phrase.bigrams.length === 0) return uni;
  let hits = 0;
  for (const b of phrase.bigrams) if (pairs.has(b)) hits++;
  return (1 - PAIR_WEIGHT) * uni + PAIR_WEIGHT * (hits / phrase.bigrams.length);
}

/** The share of a phrasing's content words (with repeats) that the row has. */
function wordShare(phrase: Phrase, present: Uint8Array, distinctHits: number): number {
  if (distinctHits === phrase.distinct) return 1;
  let hits = 0;
  for (const t of phrase.content) hits += present[t]!;
  return hits / phrase.content.length;
}

/**
 * The catalog indicator a row's text means, among those of the given units when the value says what
 * it measures (a rank, a score, a count). Below `threshold` the row stays unmapped (code null)
 * with the closest candidate kept for the reviewer; a near tie between two codes lowers confidence.
 *
 * @example matchIndicator(index, "Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt trên 80%").code // "xhs.adult_smartphone"
 */
export function matchIndicator(index: CatalogIndex, text: string, threshold = 0.6, units?: readonly Indicator["unit"][]): IndicatorMatch {
  // The match depends only on the row's words that occur in the catalog, in order, with a gap
  // wherever other words (numbers, names) stood: rows that differ only there share one answer.
  const ids: number[] = [];
  for (const t of tokenize(text)) {
    const n = index.vocabulary.get(t) ?? -1;
    if (n >= 0 || ids[ids.length - 1] !== -1) ids.push(n);
  }
  const key = `${threshold}|${units?.join("+") ?? ""}|${ids.join(",")}`;
  const known = index.memo.get(key);
  if (known) return { ...known };
  const match = matchUncached(index, ids, threshold, units);
  if (index.memo.size >= MEMO_MAX) index.memo.clear();
  index.memo.set(key, match);
  return { ...match };
}

/** Scores the candidates for a row given as vocabulary ids (-1 for a gap of words outside it). */
function matchUncached(index: CatalogIndex, ids: number[], threshold: number, units?: readonly Indicator["unit"][]): IndicatorMatch {
  const words = new Set(ids.filter((n) => n >= 0));
  const pairs = new Set<number>();
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! >= 0 && ids[i]! >= 0) pairs.add(pairKey(ids[i - 1]!, ids[i]!));
  // Candidates: phrasings sharing a content word with the row, with how many distinct ones they share.
  const { shared, present } = index;
  const candidates: Phrase[] = [];
  for (const t of words) {
    present[t] = 1;
    for (const p of index.byToken[t]!) {
      if (shared[p.id] === 0) candidates.push(p);
      shared[p.id]!++;
    }
  }
  // Best-first by word share, so that the pair count (the costly part) is skipped for a phrasing that
  // cannot reach the two best codes so far even with every pair found.
  const uniOf = index.uni;
  for (const p of candidates) uniOf[p.id] = wordShare(p, present, shared[p.id]!);
  candidates.sort((x, y) => uniOf[y.id]! - uniOf[x.id]!);
  for (const p of candidates) shared[p.id] = 0;
  for (const t of words) present[t] = 0;
  const { bestScore, bestWeight, vetoState } = index;
  const touched: number[] = [];
  // The two best codes so far (distinct codes): a phrasing that cannot beat the second changes neither.
  let first = { code: -1, s: -1 };
  let second = { code: -1, s: -1 };
  for (const p of candidates) {
    const uni = uniOf[p.id]!;
    const bound = p.bigrams.length === 0 ? uni : (1 - PAIR_WEIGHT) * uni + PAIR_WEIGHT;
    if (bound < second.s - 1e-9) break;
    const c = p.codeId;
    // A value of a kind of its own (a rank, a score, a count) can only mean an indicator of that kind.
    if (units && !units.includes(index.unitOf.get(index.codes[c]!)!)) continue;
    if (vetoState[c] === 0) {
      touched.push(c);
      bestScore[c] = -1;
      vetoState[c] = index.vetoes[c]!.some((v) => containsRun(ids, v)) ? 1 : 2;
    }
    if (vetoState[c] === 1) continue;
    const s = score(p, uni, pairs);
    const cur = bestScore[c]!;
    // Among equal scores the longer phrasing is the more specific match.
    if (s > cur + 1e-9 || (Math.abs(s - cur) < 1e-9 && p.weight > bestWeight[c]!)) {
      bestScore[c] = s;
      bestWeight[c] = p.weight;
      if (c === first.code) first.s = Math.max(first.s, s);
      else if (s > first.s) { second = first; first = { code: c, s }; }
      else if (c === second.code) second.s = Math.max(second.s, s);
      else if (s > second.s) second = { code: c, s };
    }
  }
  const ranked = touched.filter((c) => vetoState[c] === 2 && bestScore[c]! >= 0)
    .map((c) => ({ code: index.codes[c]!, s: bestScore[c]!, weight: bestWeight[c]! }))
    .sort((a, b) => b.s - a.s || b.weight - a.weight);
  for (const c of touched) vetoState[c] = 0;
  const [top, next] = ranked;
  if (!top) return { code: null, confidence: 0, best_code: null, best_confidence: 0 };
  let confidence = top.s;
  // Two codes fit equally well: the row is ambiguous, unless the winner's phrasing is clearly longer.
  if (next && top.s - next.s < 0.05 && top.weight <= next.weight) confidence *= 0.85;
  confidence = Math.round(confidence * 1000) / 1000;
  return confidence >= threshold
    ? { code: top.code, confidence, best_code: top.code, best_confidence: confidence }
    : { code: null, confidence, best_code: top.code, best_confidence: confidence };
}
