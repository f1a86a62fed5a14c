import type { Comparator, TaskStatus, ValueUnit } from "@dx-atlas/schema";

/** A number with its comparison: "trên 80%" → { comparator: "gt", value: 80, unit: "percent" }. */
export interface NumericValue {
  kind: "number";
  comparator: Comparator;
  value: number;
  value_max: number | null;
  unit: ValueUnit | null;
  numerator: number | null;
  denominator: number | null;
  /** "≥ 1%/năm": the value is per year. */
  per_year: boolean;
  raw: string;
}
export interface StatusValue { kind: "status"; status: TaskStatus; raw: string }
export interface BoolValue { kind: "bool"; value: 0 | 1; raw: string }
/** The form's instruction left unfilled, e.g. "(Ghi rõ bao nhiêu/ bao nhiêu, đạt ...%)": missing data. */
export interface PlaceholderValue { kind: "placeholder"; raw: string }
export interface EmptyValue { kind: "empty"; raw: string }
/** Text that is not a value, with the reason, so a reviewer can see why. */
export interface UnparsedValue { kind: "unparsed"; raw: string; reason: import("@dx-atlas/schema").Message }

export type ParsedValue = NumericValue | StatusValue | BoolValue | PlaceholderValue | EmptyValue | UnparsedValue;

/** A value found inside running text, with where it stands. */
export interface ValueMatch { value: NumericValue; start: number; end: number }
