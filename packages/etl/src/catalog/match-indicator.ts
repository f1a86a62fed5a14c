import type { Indicator } from "@dx-atlas/schema";
import { foldVietnamese } from "../normalise/fold.ts";
import { expandAbbreviations } from "./abbreviations.ts";

/** The catalog code a row means, and how sure the matcher is (0–1). */
export interface IndicatorMatch { code: string | null; confidence: number; best_code: string | null; best_confidence: number }

// Words that occur in nearly every indicator and tell none apart.
const STOP = new Set(["tỷ", "lệ", "các", "của", "và", "có", "được", "trên", "tại", "cho", "trong", "với", "là", "đạt", "số", "người", "năm", "theo", "từ", "đến", "hoặc", "những", "một"]);

interface Phrase { code: string; tokens: string[]; bigrams: Set<string>; weight: number }

/** A catalog ready for matching: phrasings as tokens, with an index from token to phrasings. */
export interface CatalogIndex { phrases: Phrase[]; byToken: Map<string, Phrase[]>; vetoes: Map<string, string[][]>; size: number }

const tokenize = (s: string) => foldVietnamese(expandAbbreviations(s)).split(" ").filter(Boolean);
const bigramsOf = (t: string[]) => new Set(t.slice(1).map((w, i) => `${t[i]} ${w}`));

/** Builds the matching index once per run: mapping a row then touches only phrasings sharing a word. */
export function indexCatalog(catalog: Indicator[]): CatalogIndex {
  const phrases: Phrase[] = [];
  const byToken = new Map<string, Phrase[]>();
  const vetoes = new Map<string, string[][]>();
  for (const ind of catalog) {
    for (const p of [ind.name_vi.replace(/^tỷ lệ\s+/iu, ""), ...ind.phrasings]) {
      const tokens = tokenize(p);
      if (tokens.length === 0) continue;
      const phrase: Phrase = { code: ind.code, tokens, bigrams: bigramsOf(tokens), weight: tokens.filter((t) => !STOP.has(t)).length };
      phrases.push(phrase);
      for (const t of new Set(tokens)) if (!STOP.has(t)) byToken.set(t, [...(byToken.get(t) ?? []), phrase]);
    }
    vetoes.set(ind.code, ind.not_phrasings.map(tokenize));
  }
  return { phrases, byToken, vetoes, size: catalog.length };
}

const containsRun = (text: string[], run: string[]) => {
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
 */
function score(phrase: Phrase, words: Set<string>, pairs: Set<string>): number {
  const content = phrase.tokens.filter((t) => !STOP.has(t));
  if (content.length === 0) return 0;
  const uni = content.filter((t) => words.has(t)).length / content.length;
  const bi = phrase.bigrams.size === 0 ? uni : [...phrase.bigrams].filter((b) => pairs.has(b)).length / phrase.bigrams.size;
  return 0.4 * uni + 0.6 * bi;
}

/**
 * The catalog indicator a row's text means. Below `threshold` the row stays unmapped (code null)
 * with the closest candidate kept for the reviewer; a near tie between two codes lowers confidence.
 *
 * @example matchIndicator(index, "Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt trên 80%").code // "xhs.adult_smartphone"
 */
export function matchIndicator(index: CatalogIndex, text: string, threshold = 0.6): IndicatorMatch {
  const tokens = tokenize(text);
  const words = new Set(tokens);
  const pairs = bigramsOf(tokens);
  const best = new Map<string, { s: number; weight: number }>();
  const candidates = new Set<Phrase>();
  for (const t of words) for (const p of index.byToken.get(t) ?? []) candidates.add(p);
  for (const p of candidates) {
    if ((index.vetoes.get(p.code) ?? []).some((v) => containsRun(tokens, v))) continue;
    const s = score(p, words, pairs);
    const cur = best.get(p.code);
    // Among equal scores the longer phrasing is the more specific match.
    if (!cur || s > cur.s + 1e-9 || (Math.abs(s - cur.s) < 1e-9 && p.weight > cur.weight)) best.set(p.code, { s, weight: p.weight });
  }
  const ranked = [...best.entries()].sort((a, b) => b[1].s - a[1].s || b[1].weight - a[1].weight);
  const [first, second] = ranked;
  if (!first) return { code: null, confidence: 0, best_code: null, best_confidence: 0 };
  let confidence = first[1].s;
  // Two codes fit equally well: the row is ambiguous, unless the winner's phrasing is clearly longer.
  if (second && first[1].s - second[1].s < 0.05 && first[1].weight <= second[1].weight) confidence *= 0.85;
  confidence = Math.round(confidence * 1000) / 1000;
  return confidence >= threshold
    ? { code: first[0], confidence, best_code: first[0], best_confidence: confidence }
    : { code: null, confidence, best_code: first[0], best_confidence: confidence };
}
