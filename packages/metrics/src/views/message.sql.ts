import { MESSAGES, templateParams, type MessageCode } from "@dx-atlas/schema";

// Catalog messages built in SQL, for notes the metric tables write (target_vs_actual.note and .notes):
// the English text from the catalog's template, and the code with its parameters as JSON, for the
// CLI and the explorer to render in Vietnamese. Parameters are SQL expressions.

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The English text of a message, as a SQL string expression ('results disagree: ' || actual_values). */
export function sqlEnglish(code: MessageCode, params: Record<string, string> = {}): string {
  const parts = MESSAGES[code].en.split(/\{([a-z_]+)\}/u);
  const sql = parts.map((p, i) => (i % 2 === 0 ? (p === "" ? null : quote(p)) : `CAST(${params[p] ?? "NULL"} AS VARCHAR)`)).filter((p) => p !== null);
  return sql.length === 0 ? "''" : sql.join(" || ");
}

/** The message as JSON: {"code": …, "params": {…}} (no params key when the message has none). */
export function sqlMessageJson(code: MessageCode, params: Record<string, string> = {}): string {
  const names = templateParams(MESSAGES[code].en);
  const missing = names.filter((n) => !(n in params));
  if (missing.length > 0) throw new Error(`${code}: no SQL for its parameter(s) ${missing.join(", ")}`);
  return names.length === 0 ? `json_object('code', ${quote(code)})`
    : `json_object('code', ${quote(code)}, 'params', json_object(${names.map((n) => `${quote(n)}, ${params[n]}`).join(", ")}))`;
}

/** A note: when it applies, its code, its parameters for the English text, and (where they differ) as JSON. */
export interface SqlNote { when: string; code: MessageCode; params?: Record<string, string>; json?: Record<string, string> }

/**
 * The notes that apply, as English text joined by "; " (null when none) and as a JSON list of
 * messages. A note whose parameter is NULL is left out of both.
 */
export function sqlNotes(notes: SqlNote[]): { text: string; json: string } {
  notes = notes.map((n) => ({ ...n, when: [`(${n.when})`, ...Object.values(n.params ?? {}).map((e) => `${e} IS NOT NULL`)].join(" AND ") }));
  const text = `nullif(concat_ws('; ', ${notes.map((n) => `CASE WHEN ${n.when} THEN ${sqlEnglish(n.code, n.params)} END`).join(",\n    ")}), '')`;
  const list = `list_filter([${notes.map((n) => `CASE WHEN ${n.when} THEN ${sqlMessageJson(n.code, { ...n.params, ...n.json })} END`).join(",\n    ")}], x -> x IS NOT NULL)`;
  return { text, json: `CASE WHEN len(${list}) > 0 THEN CAST(to_json(${list}) AS VARCHAR) END` };
}
