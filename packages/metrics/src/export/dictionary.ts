import { z } from "zod";
import type { ExportTable } from "./export-tables.ts";
import { PARTITION_COLUMNS } from "./export-tables.ts";

export interface DictionaryColumn { column: string; type: string; meaning: string; allowed_values: string[] | null; nullable: boolean }
export interface DictionaryTable { table: string; description: string; columns: DictionaryColumn[] }

/** Strips nullable / optional / default wrappers to reach the schema that says what a value is. */
function core(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

function describe(schema: z.ZodType): string | undefined {
  return (schema.meta()?.description as string | undefined) ?? (core(schema).meta()?.description as string | undefined);
}

const TYPE_WORDS: Record<string, string> = {
  JSON_LIST: "JSON array written as text",
};

/**
 * The data dictionary of one exported table: every column with its type (as DuckDB writes it),
 * its meaning (from the zod schema's description) and, for coded columns, the allowed values.
 * A column no schema documents is an error: the export must not ship unexplained columns.
 */
export function dictionaryFor(table: ExportTable, columns: { name: string; type: string }[]): DictionaryTable {
  return {
    table: table.name,
    description: table.description,
    columns: columns.map(({ name, type }) => {
      const partition = PARTITION_COLUMNS[name];
      if (partition) return { column: name, type, meaning: partition.meaning, allowed_values: null, nullable: false };
      const candidates = table.shapes.map((s) => s[name]).filter((s): s is z.ZodType => s !== undefined);
      const schema = candidates.find((s) => describe(s) !== undefined);
      if (!schema) throw new Error(`export ${table.name}: column ${name} has no description in any schema`);
      const c = core(schema);
      const meaning = describe(schema)!;
      const isJsonText = type === "VARCHAR" && (c instanceof z.ZodArray);
      return {
        column: name,
        type: isJsonText ? `VARCHAR (${TYPE_WORDS.JSON_LIST})` : type,
        meaning,
        allowed_values: c instanceof z.ZodEnum ? (c.options as string[]) : c instanceof z.ZodBoolean ? ["true", "false"] : null,
        nullable: schema instanceof z.ZodNullable || schema instanceof z.ZodOptional,
      };
    }),
  };
}

/** The dictionary as Markdown, for people. */
export function dictionaryMarkdown(tables: DictionaryTable[], header: string): string {
  const lines = [header, ""];
  for (const t of tables) {
    lines.push(`## ${t.table}`, "", t.description, "", "| column | type | meaning | allowed values |", "|---|---|---|---|");
    for (const c of t.columns) {
      const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
      lines.push(`| ${c.column} | ${c.type}${c.nullable ? ", may be empty" : ""} | ${cell(c.meaning)} | ${c.allowed_values?.join(", ") ?? ""} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
