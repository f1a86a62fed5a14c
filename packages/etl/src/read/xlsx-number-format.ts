/**
 * Just enough of Excel's number formats to write a cell as its reader sees it. The value is kept at
 * full precision (a format "0%" shows 0.968 as 97%, but the commune's figure is 96.8%): the format
 * only says whether it is a percent, a date or a plain number. Decimals take a comma, the
 * Vietnamese way, which the value grammar reads.
 */

/** The format code without quoted text, escapes, colours and locale tags. */
function bare(code: string): string {
  return code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").replace(/_.|\*./g, "").replace(/General/gi, "");
}

export function isDateFormat(code: string): boolean {
  const b = bare(code.split(";")[0] ?? "");
  return /[dmyhs]/i.test(b) && !/[0#?]/.test(b.replace(/[dmyhs]+/gi, ""));
}

export function isPercentFormat(code: string): boolean {
  return bare(code.split(";")[0] ?? "").includes("%");
}

/** A number as text: up to 12 significant digits (no float noise), decimal comma, "%" for percent formats. */
export function formatCellNumber(n: number, code: string): string {
  if (isPercentFormat(code)) return `${plain(n * 100)}%`;
  return plain(n);
}

function plain(n: number): string {
  const rounded = Number(n.toPrecision(12));
  return String(rounded).replace(".", ",");
}
