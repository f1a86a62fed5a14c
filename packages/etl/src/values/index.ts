export { parseValue } from "./parse-value.ts";
export type { ParseValueOptions } from "./parse-value.ts";
export { findValuesInText } from "./find-values.ts";
export { parseVietnameseNumber } from "./number.ts";
export type { ParsedValue, NumericValue, ValueMatch } from "./value-types.ts";
