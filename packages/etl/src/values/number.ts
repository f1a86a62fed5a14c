/**
 * Reads a number written the Vietnamese way: decimal comma ("89,9" → 89.9), thousands dot
 * ("19.559" → 19559), and also the English way when unambiguous ("98.6" → 98.6).
 * Returns null for anything that is not a number.
 *
 * @example parseVietnameseNumber("1.234,5") // 1234.5
 */
export function parseVietnameseNumber(text: string): number | null {
  const s = text.trim();
  if (!/^\d[\d.,]*$/.test(s) || /[.,]{2}/.test(s) || /[.,]$/.test(s)) return null;
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normalised = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d+,\d+$/.test(s)) normalised = s.replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) normalised = s.replace(/,/g, "");
  else if (/^\d+(\.\d+)?$/.test(s)) normalised = s;
  else return null;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

/** The regex source of one written number (digits with dots/commas inside). */
export const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
